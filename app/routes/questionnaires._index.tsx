import { Link, useLoaderData } from "@remix-run/react";
import { publicEditions } from "~/assessment/public-editions.server";
import { pick } from "~/i18n/locales";
import { fixedMeta } from "~/i18n/meta";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { DataTable } from "~/ui/data-table";

export const handle = { hydrate: false };

export const meta = fixedMeta("preview.indexTitle", "preview.indexLead");

export async function loader() {
  const editions = await publicEditions();
  return {
    editions: editions.map((e) => ({
      id: e.id,
      title: e.title,
      status: e.status,
      publishedAt: e.publishedAt ? e.publishedAt.toISOString().slice(0, 10) : null,
    })),
  };
}

export default function QuestionnaireIndex() {
  const { editions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  return (
    <>
      <h1>{t("preview.indexTitle")}</h1>
      <p className="lead">{t("preview.indexLead")}</p>
      {editions.length === 0 ? (
        <p>{t("preview.noEditions")}</p>
      ) : (
        <DataTable caption={t("preview.indexCaption")}>
          <thead>
            <tr>
              <th scope="col">{t("preview.edition")}</th>
              <th scope="col">{t("preview.editionTitle")}</th>
              <th scope="col">{t("preview.status")}</th>
              <th scope="col">{t("preview.publishedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {editions.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <Link to={`/questionnaires/${e.id}`}>{e.id}</Link>
                </th>
                <td>{pick(e.title, locale)}</td>
                <td>{t(`preview.statuses.${e.status}`)}</td>
                <td>{e.publishedAt ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
