import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasStaffRole } from "~/accounts/access";
import { getCaller } from "~/accounts/guard.server";
import { CatalogueFilterForm, Pager, useOptionLabel } from "~/catalogue/catalogue-filters";
import { catalogueFilterOptions, parseCatalogueFilters } from "~/catalogue/filters.server";
import { pick } from "~/i18n/locales";
import { fixedMeta } from "~/i18n/meta";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { SCENES_PER_PAGE, searchScenes } from "~/scenes/scene.server";

// Plain HTML, no scripts: nothing here needs JavaScript (decisions 018, 041).
export const handle = { hydrate: false };

export const meta = fixedMeta("scenes.title", "scenes.lead");

const FIELDS = ["group", "division", "link", "tier", "technology", "article"] as const;

export async function loader(args: LoaderFunctionArgs) {
  const { filters, page } = parseCatalogueFilters(new URL(args.request.url).searchParams, FIELDS);
  const { items, total, capped } = await searchScenes(filters, page);
  const caller = await getCaller(args);
  const canEdit = Boolean(
    caller && (hasStaffRole(caller.principal, "analyst") || hasStaffRole(caller.principal, "admin")),
  );
  return {
    filters,
    page,
    pages: Math.max(1, Math.ceil(total / SCENES_PER_PAGE)),
    total,
    capped,
    items,
    options: catalogueFilterOptions(),
    canEdit,
  };
}

export default function Scenes() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const name = useOptionLabel();
  return (
    <>
      <h1>{t("scenes.title")}</h1>
      <p className="lead">{t("scenes.lead")}</p>
      {d.canEdit ? (
        <p>
          <Link className="button button--secondary" to="/scenes/new">
            {t("sceneEdit.add")}
          </Link>
        </p>
      ) : null}
      <CatalogueFilterForm
        fields={FIELDS}
        filters={d.filters}
        options={d.options}
        clearTo="/scenes"
        label={t("scenes.filters")}
      />
      <p role="status">
        {d.capped ? t("scenes.resultsCapped", { count: d.total }) : t("scenes.results", { count: d.total })}
      </p>
      {d.items.length === 0 ? <p>{t("scenes.none")}</p> : null}
      <ul className="cards">
        {d.items.map((s) => (
          <li key={s.slug} className="card">
            <h2>
              <Link to={`/scenes/${s.slug}`}>{pick(s.title, locale)}</Link>
            </h2>
            <p>{pick(s.summary, locale)}</p>
            <p>
              <span className="tag">{name(d.options.groups, s.industryGroup)}</span>
              <span className="tag">{name(d.options.tiers, s.tier)}</span>
              {s.articles.map((n) => (
                <span className="tag" key={n}>
                  {t("guide.article", { number: n })}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
      <Pager page={d.page} pages={d.pages} filters={d.filters} />
    </>
  );
}
