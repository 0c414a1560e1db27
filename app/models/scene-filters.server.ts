import { businessLinks, industries, scenarioTiers, technologies } from "../content/taxonomies.server";
import type { SceneFilters } from "./scene.server";

/** Filters from the URL; values no taxonomy knows are dropped, the search text is bounded. */
export function parseSceneFilters(params: URLSearchParams): { filters: SceneFilters; page: number } {
  const known = (value: string | null, ids: string[]) => (value && ids.includes(value) ? value : undefined);
  const article = Number(params.get("article"));
  const page = Number(params.get("page"));
  const q = (params.get("q") ?? "").trim().slice(0, 50);
  return {
    filters: {
      group: known(params.get("group"), industries().groups.map((g) => g.id)),
      link: known(params.get("link"), businessLinks().map((l) => l.id)),
      tier: known(params.get("tier"), scenarioTiers().map((t) => t.id)),
      technology: known(params.get("technology"), technologies().map((t) => t.id)),
      article: Number.isInteger(article) && article >= 1 && article <= 23 ? article : undefined,
      q: q || undefined,
    },
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function sceneFilterOptions() {
  return {
    groups: industries().groups.map((g) => ({ id: g.id, zh: g.zh, en: g.en })),
    links: businessLinks(),
    tiers: scenarioTiers(),
    technologies: technologies(),
  };
}
