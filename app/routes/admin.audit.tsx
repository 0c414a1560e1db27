import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/guard.server";
import { useTranslation } from "~/i18n/use-translation";
import { AUDIT_PAGE_SIZE, listAudit } from "~/platform/audit.server";
import { DataTable } from "~/ui/data-table";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "admin");
  const before = new URL(args.request.url).searchParams.get("before");
  const beforeId = before && /^\d{1,15}$/.test(before) ? Number(before) : undefined;
  const entries = await listAudit(beforeId);
  return {
    entries: entries.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorId: e.actorId,
      action: e.action,
      subject: e.subjectType ? `${e.subjectType}:${e.subjectId}` : "",
      details: JSON.stringify(e.details),
    })),
    older: entries.length === AUDIT_PAGE_SIZE ? entries[entries.length - 1]!.id : null,
  };
}

export default function AdminAudit() {
  const { entries, older } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("admin.audit")}</h1>
      <DataTable caption={t("admin.audit")} captionClassName="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{t("admin.auditAt")}</th>
            <th scope="col">{t("admin.auditActor")}</th>
            <th scope="col">{t("admin.auditAction")}</th>
            <th scope="col">{t("admin.auditSubject")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.at.replace("T", " ").slice(0, 19)}</td>
              <td>
                <code>{e.actorId?.slice(0, 8) ?? "—"}</code>
              </td>
              <td>{e.action}</td>
              <td>
                <code>{e.subject}</code> {e.details !== "{}" ? <span className="muted">{e.details}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {older ? (
        <p>
          <Link to={`?before=${older}`}>{t("admin.older")}</Link>
        </p>
      ) : null}
    </>
  );
}
