// SQL pieces of the catalogue searches (scenes, cases): the gram-indexed substring condition and
// a count that stops early, so a query matching most of the library costs a bounded amount.
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "~db/connect";
import { likePattern, planSearch } from "~/catalogue/search-grams";

/** Results a list counts exactly; beyond this it shows "more than 240" and offers that many results' pages. */
export const COUNT_CAP = 240;

/** A filter value stored among a row's grams (longer than any gram, so never confused with one). */
export function filterToken(field: string, value: string | number): string {
  return `\u0001${field}:${value}`;
}

/** The index part of a search: the row's grams (with any filter tokens) contain all of these. */
export function gramsCondition(column: AnyPgColumn, wanted: string[]): SQL {
  return sql`${column} @> ${sql.param(wanted)}::text[]`;
}

/** The exact part of a search: the normalised text contains the normalised query. */
export function textCondition(column: AnyPgColumn, normalisedQuery: string): SQL {
  return sql`${column} like ${likePattern(normalisedQuery)}`;
}

/**
 * The search condition: the row's grams (with any filter tokens) contain the query's grams and the
 * tokens of the filters in force, so one GIN lookup intersects them all; for queries longer than
 * three characters the text must also contain the query. Empty when there is nothing to search for.
 */
export function searchConditions(
  q: string | undefined,
  columns: { searchText: AnyPgColumn; searchGrams: AnyPgColumn },
  tokens: string[] = [],
): SQL[] {
  if (!q) return [];
  const plan = planSearch(q);
  if (!plan.query) return [];
  const where: SQL[] = [];
  if (plan.grams.length) where.push(gramsCondition(columns.searchGrams, [...plan.grams, ...tokens]));
  if (!plan.gramsSuffice) where.push(textCondition(columns.searchText, plan.query));
  return where;
}

/**
 * How the next queries of a search transaction may read their table: `bitmap` only through an
 * index's bitmap (a GIN lookup: a row's gram array is never read), `index` only by walking a btree
 * index in its order, with no sort (testing the plain columns and the text of each row it passes,
 * newest first, until the page is full), `default` as the planner likes.
 *
 * The planner cannot be left to choose: it does not know that testing a row's gram array means
 * fetching it from TOAST (~25 µs a row, against ~4 µs for LIKE on the inline text), and it guesses
 * that a LIKE on Chinese text keeps almost no rows, so it would test every row, then sort. Lasts
 * until the transaction ends or the next call.
 */
export async function scanWith(tx: Db, method: "bitmap" | "index" | "default"): Promise<void> {
  const allow = (on: boolean) => (on || method === "default" ? "on" : "off");
  const index = allow(method === "index");
  await tx.execute(sql`select set_config('enable_seqscan', ${allow(false)}, true), set_config('enable_sort', ${allow(method !== "index")}, true),
    set_config('enable_bitmapscan', ${allow(method === "bitmap")}, true), set_config('enable_indexscan', ${index}, true), set_config('enable_indexonlyscan', ${index}, true)`);
}

/** How many rows match, counted up to COUNT_CAP + 1; `capped` says there are more than the cap. */
export async function countCapped(
  executor: Db,
  table: PgTable,
  condition: SQL | undefined,
): Promise<{ total: number; capped: boolean }> {
  const inner = executor
    .select({ one: sql`1` })
    .from(table)
    .where(condition)
    .limit(COUNT_CAP + 1)
    .as("matches");
  const [row] = await executor.select({ n: sql<number>`count(*)::int` }).from(inner);
  const n = row?.n ?? 0;
  return n > COUNT_CAP ? { total: COUNT_CAP, capped: true } : { total: n, capped: false };
}
