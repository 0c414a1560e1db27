// The columns a case row derives from its content: the plain filter columns, the normalised
// search text and the grams (with the filter tokens) that the GIN index searches.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "~db/connect";
import { cases } from "~db/schema";
import type { CaseContent } from "~/cases/schema";
import type { CaseStatus } from "~/cases/workflow";
import { normaliseSearchText, searchGrams } from "~/catalogue/search-grams";
import { filterToken } from "~/catalogue/search-sql.server";
import type { Scene } from "~/content/schemas";
import { industryGroupOf } from "~/content/taxonomies.server";
import { scenesBySlugs } from "~/scenes/scene.server";

export function caseSearchText(content: CaseContent): string {
  const parts = [
    content.title,
    content.summary,
    content.problem,
    content.approach,
    ...content.results.map((r) => r.metric),
  ];
  return normaliseSearchText(parts.join("\n"));
}

/** Filter and search columns derived from the content and from the scenes it names. */
export function caseColumns(content: CaseContent, scenes: readonly Scene[], status: CaseStatus) {
  const named = scenes.filter((s) => content.sceneSlugs.includes(s.slug));
  const searchText = caseSearchText(content);
  return {
    title: content.title,
    content,
    sceneSlugs: content.sceneSlugs,
    articles: [...new Set(content.articles)].sort((a, b) => a - b),
    industryDivision: content.industryDivision,
    industryGroup: industryGroupOf(content.industryDivision) ?? "",
    regionCode: content.regionCode,
    sizeClass: content.sizeClass,
    technologies: content.technologies,
    businessLinks: [...new Set(named.flatMap((s) => s.businessLinks))],
    tiers: [...new Set(named.map((s) => s.tier))],
    searchText,
    searchGrams: [...searchGrams(searchText), ...caseTokens(content, named, status)],
  };
}

/** The filter values of a case, stored among its grams so a search with filters is one index lookup. */
function caseTokens(content: CaseContent, scenes: readonly Scene[], status: CaseStatus): string[] {
  const group = industryGroupOf(content.industryDivision) ?? "";
  return [
    filterToken("status", status),
    filterToken("group", group),
    filterToken("division", content.industryDivision),
    filterToken("region", content.regionCode),
    filterToken("size", content.sizeClass),
    ...new Set([
      ...scenes.flatMap((s) => s.businessLinks.map((l) => filterToken("link", l))),
      ...scenes.map((s) => filterToken("tier", s.tier)),
    ]),
    ...content.technologies.map((t) => filterToken("technology", t)),
    ...new Set(content.articles.map((a) => filterToken("article", a))),
  ];
}

export async function derivedColumns(content: CaseContent, executor: Db, status: CaseStatus) {
  return caseColumns(content, await scenesBySlugs(content.sceneSlugs, executor), status);
}

/** The gram-array update that moves a case's status token along with its status. */
export function statusTokenSwap(from: CaseStatus, to: CaseStatus): SQL {
  return sql`array_append(array_remove(${cases.searchGrams}, ${filterToken("status", from)}::text), ${filterToken("status", to)}::text)`;
}
