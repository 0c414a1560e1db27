// The public case library's search: filters and free text over published cases, one page at a
// time, with a capped count.
import { and, arrayContains, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "~db/connect";
import { cases, firms } from "~db/schema";
import { type PublicCase, publicColumns, toPublic } from "~/cases/public.server";
import type { CaseContent } from "~/cases/schema";
import type { CatalogueFilters } from "~/catalogue/filters.server";
import { planSearch } from "~/catalogue/search-grams";
import {
  COUNT_CAP,
  countCapped,
  filterToken,
  gramsCondition,
  scanWith,
  textCondition,
} from "~/catalogue/search-sql.server";
import { db } from "~/platform/db.server";

export const CASES_PER_PAGE = 12;

export type CaseFilters = CatalogueFilters;

/** The tokens a search of published cases with these filters requires. */
function filterTokens(filters: CaseFilters): string[] {
  const tokens = [filterToken("status", "published")];
  for (const field of ["group", "division", "region", "size", "link", "tier", "technology", "article"] as const) {
    const value = filters[field];
    if (value !== undefined) tokens.push(filterToken(field, value));
  }
  return tokens;
}

/** The filters in force as conditions on the plain columns (the case must be published). */
function filterConditions(filters: CaseFilters): SQL[] {
  const where: SQL[] = [eq(cases.status, "published")];
  if (filters.group) where.push(eq(cases.industryGroup, filters.group));
  if (filters.division) where.push(eq(cases.industryDivision, filters.division));
  if (filters.region) where.push(eq(cases.regionCode, filters.region));
  if (filters.size) where.push(sql`${cases.sizeClass} = ${filters.size}`);
  if (filters.link) where.push(arrayContains(cases.businessLinks, [filters.link]));
  if (filters.tier) where.push(arrayContains(cases.tiers, [filters.tier]));
  if (filters.technology) where.push(arrayContains(cases.technologies, [filters.technology]));
  if (filters.article) where.push(arrayContains(cases.articles, [filters.article]));
  return where;
}

/** What a list of cases shows of each one's content: its title and summary, and what names an anonymised publisher. */
export type CaseCardContent = Pick<CaseContent, "title" | "summary" | "regionCode" | "industryDivision" | "sizeClass">;

export type CaseCard = Omit<PublicCase, "content"> & { content: CaseCardContent };

const cardContent = sql<CaseCardContent>`jsonb_build_object(${sql.join(
  (["title", "summary", "regionCode", "industryDivision", "sizeClass"] as const).map(
    (key) => sql`${key}::text, ${cases.content}->${key}::text`,
  ),
  sql`, `,
)})`;

/** One page of published cases meeting a condition, newest first (the order of the (status, published_at, id) index). */
async function casePage(executor: Db, where: SQL | undefined, page: number): Promise<CaseCard[]> {
  const rows = await executor
    .select({ ...publicColumns, content: cardContent })
    .from(cases)
    .innerJoin(firms, eq(firms.id, cases.firmId))
    .where(where)
    .orderBy(desc(cases.publishedAt), desc(cases.id))
    .limit(CASES_PER_PAGE)
    .offset((page - 1) * CASES_PER_PAGE);
  return rows.map((row) => toPublic(row));
}

export interface CaseSearchResult {
  items: CaseCard[];
  total: number;
  capped: boolean;
}

/**
 * The case library: published cases meeting the filters and containing the search text, newest
 * first, with a count that stops at COUNT_CAP.
 *
 * A text search with grams takes two steps, so that no row's gram array is ever read (see scanWith):
 * 1. the GIN index alone (the query's grams and the filters' tokens) finds candidates, and LIKE on
 *    their text keeps the true matches, stopping at COUNT_CAP + 1 of them;
 * 2. at most COUNT_CAP matches: they are all there is, so the page is taken from them by id.
 *    More: the query is common, so walking the cases newest first and testing each one's text
 *    (LIKE, with the filters on plain columns) fills the page after a few rows.
 */
export async function searchCases(filters: CaseFilters, page: number): Promise<CaseSearchResult> {
  const where = filterConditions(filters);
  const plan = filters.q ? planSearch(filters.q) : null;
  if (!plan?.query) {
    const condition = and(...where);
    const [items, count] = await Promise.all([casePage(db(), condition, page), countCapped(db(), cases, condition)]);
    return { items, ...count };
  }
  const text = textCondition(cases.searchText, plan.query);
  return db().transaction(async (tx): Promise<CaseSearchResult> => {
    if (plan.grams.length) {
      await scanWith(tx, "bitmap");
      const matches = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(
          and(
            gramsCondition(cases.searchGrams, [...plan.grams, ...filterTokens(filters)]),
            plan.gramsSuffice ? undefined : text,
          ),
        )
        .limit(COUNT_CAP + 1);
      if (matches.length <= COUNT_CAP) {
        const ids = matches.map((m) => m.id);
        await scanWith(tx, "default");
        const items = ids.length ? await casePage(tx, sql`${cases.id} = any(${sql.param(ids)}::uuid[])`, page) : [];
        return { items, total: ids.length, capped: false };
      }
      await scanWith(tx, "index");
      return { items: await casePage(tx, and(...where, text), page), total: COUNT_CAP, capped: true };
    }
    // A query with no gram (one character): only the walk newest first, testing each row's text.
    await scanWith(tx, "index");
    const condition = and(...where, text);
    return { items: await casePage(tx, condition, page), ...(await countCapped(tx, cases, condition)) };
  });
}
