import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/guard.server";
import { CaseStatusTag } from "~/cases/case-view";
import type { CaseStatus } from "~/cases/workflow";
import { listRecentlyPublished, listReviewQueue } from "~/cases/workspace.server";
import { useTranslation } from "~/i18n/use-translation";
import { DataTable } from "~/ui/data-table";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "analyst", "admin");
  const iso = <T extends { submittedAt: Date | null }>(rows: T[]) =>
    rows.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null }));
  return { queue: iso(await listReviewQueue()), published: iso(await listRecentlyPublished()) };
}

type Row = { id: string; title: string; status: CaseStatus; firmName: string; submittedAt: string | null };

function CaseTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t("review.columns.title")}</th>
          <th scope="col">{t("review.columns.firm")}</th>
          <th scope="col">{t("review.columns.status")}</th>
          <th scope="col">{t("review.columns.submitted")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td>
              <Link to={`/review/cases/${c.id}`}>{c.title}</Link>
            </td>
            <td>{c.firmName}</td>
            <td>
              <CaseStatusTag status={c.status} />
            </td>
            <td>{c.submittedAt?.slice(0, 16).replace("T", " ") ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export default function ReviewQueue() {
  const { queue, published } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("review.title")}</h1>
      <p className="lead">{t("review.lead")}</p>
      <h2>{t("review.queue")}</h2>
      {queue.length ? <CaseTable rows={queue} caption={t("review.queue")} /> : <p>{t("review.empty")}</p>}
      {published.length ? (
        <>
          <h2>{t("review.published")}</h2>
          <CaseTable rows={published} caption={t("review.published")} />
        </>
      ) : null}
    </>
  );
}
