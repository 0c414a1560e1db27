import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { usePublisher } from "~/cases/case-view";
import { CASES_PER_PAGE, searchCases } from "~/cases/search.server";
import { CatalogueFilterForm, Pager } from "~/catalogue/catalogue-filters";
import { FILTER_FIELDS } from "~/catalogue/filter-fields";
import { catalogueFilterOptions, parseCatalogueFilters } from "~/catalogue/filters.server";
import { fixedMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";

// Plain HTML, no scripts: nothing here needs JavaScript (decisions 018, 041).
export const handle = { hydrate: false };

export const meta = fixedMeta("cases.title", "cases.lead");

export async function loader({ request }: LoaderFunctionArgs) {
  const { filters, page } = parseCatalogueFilters(new URL(request.url).searchParams, FILTER_FIELDS);
  const { items, total, capped } = await searchCases(filters, page);
  return {
    filters,
    page,
    pages: Math.max(1, Math.ceil(total / CASES_PER_PAGE)),
    total,
    capped,
    items,
    options: catalogueFilterOptions(),
  };
}

export default function CaseLibrary() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const publisher = usePublisher(d.options);
  return (
    <>
      <h1>{t("cases.title")}</h1>
      <p className="lead">{t("cases.lead")}</p>
      <CatalogueFilterForm
        fields={FILTER_FIELDS}
        filters={d.filters}
        options={d.options}
        clearTo="/cases"
        label={t("cases.filters")}
      />
      <p role="status">
        {d.capped ? t("cases.resultsCapped", { count: d.total }) : t("cases.results", { count: d.total })}
      </p>
      {d.items.length === 0 ? <p>{t("cases.none")}</p> : null}
      <ul className="cards">
        {d.items.map((c) => (
          <li key={c.id} className="card">
            <h2>
              <Link to={`/cases/${c.id}`}>{c.content.title}</Link>
            </h2>
            <p className="muted">{publisher(c.content, c.publisher)}</p>
            <p>{c.content.summary}</p>
            {c.isFictional ? (
              <p>
                <span className="tag">{t("cases.fictional")}</span>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <Pager page={d.page} pages={d.pages} filters={d.filters} />
    </>
  );
}
