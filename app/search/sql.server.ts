// SQL pieces of the catalogue searches (scenes, cases): the gram-indexed substring condition and
// a count that stops early, so a query matching most of the library costs a bounded amount.
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "~db/connect";
import { likePattern, planSearch } from "./grams";

/** Results a list counts exactly; beyond this it shows "more than 240" and offers that many results' pages. */
export const COUNT_CAP = 240;

/** A filter value stored among a row's grams (longer than any gram, so never confused with one). */
export function filterToken(field: string, value: string | number): string {
  return `\u0001${field}:${value}`;
}

/**
 * The search condition: the row's grams (with any filter tokens) contain the query's grams and the
 * tokens of the filters in force, so one GIN lookup intersects them all; for queries longer than
 * three characters the text must also contain the query. Empty when there is nothing to search for.
 */
export function searchConditions(q: string | undefined, columns: { searchText: AnyPgColumn; searchGrams: AnyPgColumn }, tokens: string[] = []): SQL[] {
  if (!q) return [];
  const plan = planSearch(q);
  if (!plan.query) return [];
  const where: SQL[] = [];
  const wanted = [...plan.grams, ...(plan.grams.length ? tokens : [])];
  if (wanted.length) where.push(sql`${columns.searchGrams} @> ${sql.param(wanted)}::text[]`);
  if (!plan.gramsSuffice) where.push(sql`${columns.searchText} like ${likePattern(plan.query)}`);
  return where;
}

/**
 * Run a search's queries. With a text search they run in a transaction that turns sequential scans
 * off: the planner does not know that testing a row's gram array means fetching it from TOAST
 * (~0.1 ms a row) and would scan every row's array; through the GIN index it reads none.
 */
export function runSearch<T>(executor: Db, searching: boolean, queries: (db: Db) => Promise<T>): Promise<T> {
  if (!searching) return queries(executor);
  return executor.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return queries(tx);
  });
}

/** How many rows match, counted up to COUNT_CAP + 1; `capped` says there are more than the cap. */
export async function countCapped(executor: Db, table: PgTable, condition: SQL | undefined): Promise<{ total: number; capped: boolean }> {
  const inner = executor.select({ one: sql`1` }).from(table).where(condition).limit(COUNT_CAP + 1).as("matches");
  const [row] = await executor.select({ n: sql<number>`count(*)::int` }).from(inner);
  const n = row?.n ?? 0;
  return n > COUNT_CAP ? { total: COUNT_CAP, capped: true } : { total: n, capped: false };
}
