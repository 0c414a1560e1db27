// Filters of the scene catalogue and the case library, read from the URL so a filtered list is a
// shareable link and works without JavaScript. Values no taxonomy knows are dropped.
import type { FilterField } from "~/catalogue/filter-fields";
import { MAX_QUERY_CHARS } from "~/catalogue/search-grams";
import {
  businessLinks,
  industries,
  regions,
  scenarioTiers,
  sizeClasses,
  technologies,
} from "~/content/taxonomies.server";

export interface CatalogueFilters {
  group?: string;
  division?: string;
  link?: string;
  tier?: string;
  technology?: string;
  article?: number;
  region?: string;
  size?: string;
  q?: string;
}

export const MAX_PAGE = 10_000;

export function parseCatalogueFilters(
  params: URLSearchParams,
  fields: readonly FilterField[],
): { filters: CatalogueFilters; page: number } {
  const ids = catalogueFilterIds();
  const known = (field: Exclude<FilterField, "article">) => {
    const value = params.get(field);
    return fields.includes(field) && value && ids[field].includes(value) ? value : undefined;
  };
  const article = Number(params.get("article"));
  const page = Number(params.get("page"));
  const q = (params.get("q") ?? "").trim().slice(0, MAX_QUERY_CHARS);
  const filters: CatalogueFilters = {
    group: known("group"),
    division: known("division"),
    link: known("link"),
    tier: known("tier"),
    technology: known("technology"),
    region: known("region"),
    size: known("size"),
    article:
      fields.includes("article") && Number.isInteger(article) && article >= 1 && article <= 23 ? article : undefined,
    q: q || undefined,
  };
  return {
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as CatalogueFilters,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

function catalogueFilterIds() {
  const o = catalogueFilterOptions();
  return {
    group: o.groups.map((x) => x.id),
    division: o.divisions.map((x) => x.id),
    link: o.links.map((x) => x.id),
    tier: o.tiers.map((x) => x.id),
    technology: o.technologies.map((x) => x.id),
    region: o.regions.map((x) => x.id),
    size: o.sizes.map((x) => x.id),
  };
}

type Named = { id: string; zh: string; en: string };

let options: ReturnType<typeof buildOptions> | undefined;
function buildOptions() {
  const named = (list: Array<{ zh: string; en: string }>, id: (x: never) => string): Named[] =>
    list.map((x) => ({ id: id(x as never), zh: x.zh, en: x.en }));
  return {
    groups: named(industries().groups, (g: { id: string }) => g.id),
    divisions: industries().divisions.map((d) => ({
      id: d.code,
      zh: `${d.code} ${d.zh}`,
      en: `${d.code} ${d.en}`,
      group: d.group,
    })),
    links: named(businessLinks(), (l: { id: string }) => l.id),
    tiers: named(scenarioTiers(), (t: { id: string }) => t.id),
    technologies: named(technologies(), (t: { id: string }) => t.id),
    regions: regions()
      .filter((r) => r.mainland)
      .map((r) => ({ id: r.code, zh: r.zh, en: r.en })),
    sizes: named(sizeClasses().classes, (c: { id: string }) => c.id),
  };
}

/** Every filter's choices with zh and en labels; the same for every request. */
export function catalogueFilterOptions() {
  options ??= buildOptions();
  return options;
}
export type CatalogueFilterOptions = ReturnType<typeof catalogueFilterOptions>;
