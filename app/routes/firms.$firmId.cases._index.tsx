import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireFirmMember } from "~/accounts/guard.server";
import { CaseStatusTag } from "~/cases/case-view";
import { listFirmCases } from "~/cases/workspace.server";
import { getFirm } from "~/firms/firm.server";
import { useTranslation } from "~/i18n/use-translation";
import { notFound } from "~/platform/http.server";
import { DataTable } from "~/ui/data-table";

export async function loader(args: LoaderFunctionArgs) {
  const { firmId } = await requireFirmMember(args, args.params.firmId);
  const firm = (await getFirm(firmId)) ?? notFound();
  const cases = await listFirmCases(firmId);
  return {
    firm: { id: firm.id, name: firm.name },
    cases: cases.map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() })),
  };
}

export default function FirmCases() {
  const { firm, cases } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        <Link to={`/firms/${firm.id}`}>{t("firmCases.back")}</Link>
      </p>
      <h1>{t("firmCases.title", { firm: firm.name })}</h1>
      <p className="lead">{t("firmCases.lead")}</p>
      <p>
        <Link className="button" to={`/firms/${firm.id}/cases/new`}>
          {t("firmCases.new")}
        </Link>
      </p>
      {cases.length === 0 ? (
        <p>{t("firmCases.empty")}</p>
      ) : (
        <DataTable caption={t("firmCases.title", { firm: firm.name })} captionClassName="visually-hidden">
          <thead>
            <tr>
              <th scope="col">{t("firmCases.columns.title")}</th>
              <th scope="col">{t("firmCases.columns.status")}</th>
              <th scope="col">{t("firmCases.columns.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/firms/${firm.id}/cases/${c.id}`}>{c.title}</Link>
                </td>
                <td>
                  <CaseStatusTag status={c.status} />
                </td>
                <td>{c.updatedAt.slice(0, 16).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
