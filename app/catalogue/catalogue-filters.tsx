// The filter form and pager shared by the scene catalogue and the case library: a GET form,
// so every filtered page is a link and works without JavaScript.
import { Form, Link } from "@remix-run/react";
import type { FilterField as Field } from "~/catalogue/filter-fields";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";

type Named = { id: string; zh: string; en: string };
type Filters = Partial<Record<Field, string | number>> & { q?: string };

export interface CatalogueOptions {
  groups: Named[];
  divisions: Named[];
  links: Named[];
  tiers: Named[];
  technologies: Named[];
  regions: Named[];
  sizes: Named[];
}

const LIST: Record<Exclude<Field, "article">, keyof CatalogueOptions> = {
  group: "groups",
  division: "divisions",
  link: "links",
  tier: "tiers",
  technology: "technologies",
  region: "regions",
  size: "sizes",
};

export function CatalogueFilterForm({
  fields,
  filters,
  options,
  clearTo,
  label,
}: {
  fields: readonly Field[];
  filters: Filters;
  options: CatalogueOptions;
  clearTo: string;
  label: string;
}) {
  const { t } = useTranslation();
  const locale = useRouteLocale();
  return (
    <Form method="get" className="filters" role="search" aria-label={label}>
      <div className="field">
        <label htmlFor="q">{t("catalogue.search")}</label>
        <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} />
      </div>
      {fields.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`filter-${field}`}>{t(`catalogue.${field}`)}</label>
          <select
            id={`filter-${field}`}
            name={field}
            defaultValue={filters[field] !== undefined ? String(filters[field]) : ""}
          >
            <option value="">{t("catalogue.any")}</option>
            {field === "article"
              ? Array.from({ length: 23 }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {t("guide.article", { number: n })}
                  </option>
                ))
              : options[LIST[field]].map((o) => (
                  <option key={o.id} value={o.id}>
                    {o[locale]}
                  </option>
                ))}
          </select>
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="button">
          {t("catalogue.apply")}
        </button>
        <Link to={clearTo}>{t("catalogue.clear")}</Link>
      </div>
    </Form>
  );
}

export function Pager({ page, pages, filters }: { page: number; pages: number; filters: Filters }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(
      Object.entries(filters)
        .filter(([, v]) => v !== undefined && v !== "")
        .map(([k, v]) => [k, String(v)]),
    );
    params.set("page", String(p));
    return `?${params}`;
  };
  return (
    <nav className="pager" aria-label={t("catalogue.pagination")}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          ← {t("catalogue.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{t("catalogue.page", { page, pages })}</span>
      {page < pages ? (
        <Link to={href(page + 1)} rel="next">
          {t("catalogue.next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The label of an id in one of the option lists, in the page's language. */
export function useOptionLabel() {
  const locale = useRouteLocale();
  return (list: Named[], id: string) => list.find((x) => x.id === id)?.[locale] ?? id;
}
