// Reading public statistics releases and their cells. Only 'published' and 'superseded' releases are
// public; every cell query takes a `PublicRelease`, which only the functions here hand out, so nothing of
// a release being built or withdrawn can be read through this module. The one exception is a preview:
// `previewReleaseByText` hands out a built release marked `preview`, for callers that checked the viewer
// is staff (see statistics/publish/view.server.ts). This is the only module that reads
// release_cells (lint enforces it), and its one cell cache serves every consumer: pages, downloads, the
// API and the firm report's peer benchmark. Cell queries follow the primary key
// (release_id, period, industry, region, size).
import { and, asc, desc, eq, getTableColumns, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "~db/connect";
import { assessments, memberSpans, releaseCells, statisticsReleases } from "~db/schema";
import { db, perDatabase, rowsOf } from "~/platform/db.server";
import { Lru } from "~/platform/lru";
import { prepared } from "~/platform/prepared.server";
import {
  ALL,
  type CellKey,
  type DisclosureRules,
  PUBLIC_RELEASE_STATUSES,
  type PublishedMetrics,
  type ReleaseCell,
  type SuppressionReason,
} from "~/statistics/types";

export interface ReleaseMethodology {
  rules: DisclosureRules;
  questionnaire: string;
  model: { id: string; version: number };
  dimensions: Array<{ id: string; name: { zh: string; en: string } }>;
  note: { zh: string; en: string };
}

export interface ReleaseSummary {
  cells: number;
  suppressed: Partial<Record<SuppressionReason, number>>;
  firmsByPeriod: Record<string, number | null>;
}

declare const isPublic: unique symbol;

export interface PublicRelease {
  readonly [isPublic]: true;
  id: string;
  number: number;
  label: string;
  questionnaireVersionId: string;
  periods: string[];
  /** "built" only in a staff preview (`preview` is then true). */
  status: (typeof PUBLIC_RELEASE_STATUSES)[number] | "built";
  /** A built release shown to staff before it is published: pages say "not yet public". */
  preview: boolean;
  /** The highest-numbered published release. */
  latest: boolean;
  cutoff: string;
  methodology: ReleaseMethodology;
  summary: ReleaseSummary;
  containsSynthetic: boolean;
  builtAt: string | null;
  publishedAt: string | null;
}

type ReleaseRow = typeof statisticsReleases.$inferSelect;

function toPublic(row: ReleaseRow, latestNumber: number | null): PublicRelease {
  const summary = row.summary;
  return {
    id: row.id,
    number: row.number,
    label: row.label,
    questionnaireVersionId: row.questionnaireVersionId,
    periods: [...row.periods].sort(),
    status: row.status as PublicRelease["status"],
    preview: row.status === "built",
    latest: row.number === latestNumber,
    cutoff: row.cutoff.toISOString(),
    methodology: row.methodology,
    summary: {
      cells: summary.cells ?? 0,
      suppressed: summary.suppressed ?? {},
      firmsByPeriod: summary.firmsByPeriod ?? {},
    },
    containsSynthetic: row.containsSynthetic,
    builtAt: row.builtAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  } as PublicRelease;
}

const isPublicStatus = inArray(statisticsReleases.status, [...PUBLIC_RELEASE_STATUSES]);

async function latestPublishedNumber(): Promise<number | null> {
  const [row] = await db()
    .select({ number: statisticsReleases.number })
    .from(statisticsReleases)
    .where(eq(statisticsReleases.status, "published"))
    .orderBy(desc(statisticsReleases.number))
    .limit(1);
  return row?.number ?? null;
}

/** Every public release, newest first. */
export async function listPublicReleases(): Promise<PublicRelease[]> {
  const rows = await db()
    .select()
    .from(statisticsReleases)
    .where(isPublicStatus)
    .orderBy(desc(statisticsReleases.number));
  const latest = rows.find((r) => r.status === "published")?.number ?? null;
  return rows.map((r) => toPublic(r, latest));
}

/** The highest-numbered published release, or null when nothing is published yet. */
export async function latestPublicRelease(): Promise<PublicRelease | null> {
  const [row] = await db()
    .select()
    .from(statisticsReleases)
    .where(eq(statisticsReleases.status, "published"))
    .orderBy(desc(statisticsReleases.number))
    .limit(1);
  return row ? toPublic(row, row.number) : null;
}

/** A public release by its number as written in a URL (`1`, `12`…); null for anything else, or an unknown or non-public release. */
export function publicReleaseByText(text: string): Promise<PublicRelease | null> {
  return /^[1-9]\d{0,8}$/.test(text) ? publicReleaseByNumber(Number(text)) : Promise.resolve(null);
}

/**
 * A built, not yet published release by its number as written in a URL, for a staff preview; null for
 * anything else. The caller must have checked that the viewer may preview releases.
 */
export async function previewReleaseByText(text: string): Promise<PublicRelease | null> {
  if (!/^[1-9]\d{0,8}$/.test(text)) return null;
  const [row] = await db()
    .select()
    .from(statisticsReleases)
    .where(and(eq(statisticsReleases.number, Number(text)), eq(statisticsReleases.status, "built")))
    .limit(1);
  return row ? toPublic(row, null) : null;
}

export interface WithdrawnRelease {
  number: number;
  label: string;
  status: "withdrawn";
  periods: string[];
  cutoff: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string;
  questionnaire: string;
  containsSynthetic: boolean;
}

/** Releases that were public and have been withdrawn, newest first: the history lists them, nothing serves their cells. */
export async function listWithdrawnReleases(): Promise<WithdrawnRelease[]> {
  const rows = await db()
    .select()
    .from(statisticsReleases)
    .where(eq(statisticsReleases.status, "withdrawn"))
    .orderBy(desc(statisticsReleases.number));
  return rows.map((r) => ({
    number: r.number,
    label: r.label,
    status: "withdrawn",
    periods: [...r.periods].sort(),
    cutoff: r.cutoff.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    withdrawnReason: r.withdrawnReason ?? "",
    questionnaire: r.methodology.questionnaire,
    containsSynthetic: r.containsSynthetic,
  }));
}

/** Whether a release number names a withdrawn release (the API then answers 410 Gone, not 404). */
export async function isWithdrawnNumber(text: string): Promise<boolean> {
  if (!/^[1-9]\d{0,8}$/.test(text)) return false;
  const [row] = await db()
    .select({ id: statisticsReleases.id })
    .from(statisticsReleases)
    .where(and(eq(statisticsReleases.number, Number(text)), eq(statisticsReleases.status, "withdrawn")))
    .limit(1);
  return row !== undefined;
}

/** A public release by its number; null for an unknown or non-public one. */
export async function publicReleaseByNumber(number: number): Promise<PublicRelease | null> {
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const [row] = await db()
    .select()
    .from(statisticsReleases)
    .where(and(eq(statisticsReleases.number, number), isPublicStatus))
    .limit(1);
  if (!row) return null;
  return toPublic(row, row.status === "published" ? await latestPublishedNumber() : null);
}

/**
 * Which cells to read: an exact key per dimension, a list of exact keys, `undefined` for every value, or
 * `{ not: "*" }` for every value but the margin.
 */
export type KeyFilter = string | readonly string[] | { not: typeof ALL } | undefined;
export interface CellQuery {
  period?: string;
  industry?: KeyFilter;
  region?: KeyFilter;
  size?: KeyFilter;
}

type CellRow = typeof releaseCells.$inferSelect;

export function toCell(
  row: Pick<CellRow, "period" | "industry" | "region" | "size" | "suppressed" | "reason" | "metrics">,
): ReleaseCell {
  const key: CellKey = { period: row.period, industry: row.industry, region: row.region, size: row.size };
  return row.suppressed
    ? { ...key, suppressed: true, reason: row.reason as SuppressionReason, metrics: null }
    : { ...key, suppressed: false, reason: null, metrics: row.metrics as PublishedMetrics };
}

function keyCondition(
  column: typeof releaseCells.industry | typeof releaseCells.region | typeof releaseCells.size,
  filter: KeyFilter,
): SQL | undefined {
  if (filter === undefined) return undefined;
  if (typeof filter === "string") return eq(column, filter);
  if (isKeyList(filter)) return inArray(column, [...filter]);
  return ne(column, ALL);
}

const isKeyList = (filter: KeyFilter): filter is readonly string[] => Array.isArray(filter);

type LayerQuery = (CellQuery | CellKey) & { layer?: "cube" | "city" };

function cellConditions(release: PublicRelease, query: LayerQuery): SQL[] {
  const conditions = [
    eq(releaseCells.releaseId, release.id),
    // The city layer is never public: only findCityCells, behind the insights scope check, reads it.
    eq(releaseCells.layer, query.layer ?? "cube"),
    query.period === undefined ? undefined : eq(releaseCells.period, query.period),
    keyCondition(releaseCells.industry, query.industry),
    keyCondition(releaseCells.region, query.region),
    keyCondition(releaseCells.size, query.size),
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

const CELL_COLUMNS = {
  period: releaseCells.period,
  industry: releaseCells.industry,
  region: releaseCells.region,
  size: releaseCells.size,
  suppressed: releaseCells.suppressed,
  reason: releaseCells.reason,
  metrics: releaseCells.metrics,
};
const KEY_ORDER = [
  asc(releaseCells.period),
  asc(releaseCells.industry),
  asc(releaseCells.region),
  asc(releaseCells.size),
];

// A release's cells never change once built, so a query's answer can be kept per release (and database).
// Bounded by the number of cells kept, not of queries: a peer lookup keeps four cells, a page table hundreds.
const CACHED_CELLS = 50_000;
const cellCache = perDatabase(() => new Lru<string, ReleaseCell[]>(CACHED_CELLS, (cells) => Math.max(1, cells.length)));
const cachedCells = (release: PublicRelease, query: LayerQuery, load: () => Promise<ReleaseCell[]>) =>
  cellCache().through(`${release.id}|${JSON.stringify(query)}`, load);

/** The cells of a public release that match the query, in key order. */
export async function findCells(release: PublicRelease, query: CellQuery): Promise<ReleaseCell[]> {
  return cachedCells(release, query, async () => {
    const rows = await db()
      .select(CELL_COLUMNS)
      .from(releaseCells)
      .where(and(...cellConditions(release, query)))
      .orderBy(...KEY_ORDER);
    return rows.map(toCell);
  });
}

/**
 * Cells of a release's city layer (decision 025): cities × (all industries, industry groups), all sizes.
 * Never public: the only caller is the insights workspace, after its scope check (app/insights/scope.ts).
 */
export async function findCityCells(
  release: PublicRelease,
  query: { period?: string; industry?: KeyFilter; cities: readonly string[] },
): Promise<ReleaseCell[]> {
  if (query.cities.length === 0) return [];
  const q: LayerQuery = { period: query.period, industry: query.industry, region: query.cities, layer: "city" };
  return cachedCells(release, q, async () => {
    const rows = await db()
      .select(CELL_COLUMNS)
      .from(releaseCells)
      .where(and(...cellConditions(release, q)))
      .orderBy(...KEY_ORDER);
    return rows.map(toCell);
  });
}

/** One cell by its exact key, or null when the cube has no such cell. */
export async function findCell(release: PublicRelease, key: CellKey): Promise<ReleaseCell | null> {
  const [cell] = await cachedCells(release, key, async () => {
    const rows = await db()
      .select(CELL_COLUMNS)
      .from(releaseCells)
      .where(and(...cellConditions(release, key)))
      .limit(1);
    return rows.map(toCell);
  });
  return cell ?? null;
}

/**
 * The matching cells in pages of `pageSize`, in key order, walking the primary key (keyset pagination),
 * so a download of a whole release never holds all of it in memory.
 */
export async function* streamCells(
  release: PublicRelease,
  query: CellQuery,
  pageSize = 1000,
): AsyncGenerator<ReleaseCell[]> {
  let after: CellKey | null = null;
  for (;;) {
    const conditions = cellConditions(release, query);
    if (after) {
      conditions.push(
        sql`(${releaseCells.period}, ${releaseCells.industry}, ${releaseCells.region}, ${releaseCells.size}) > (${after.period}, ${after.industry}, ${after.region}, ${after.size})`,
      );
    }
    const rows = await db()
      .select(CELL_COLUMNS)
      .from(releaseCells)
      .where(and(...conditions))
      .orderBy(...KEY_ORDER)
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows.map(toCell);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { period: last.period, industry: last.industry, region: last.region, size: last.size };
  }
}

/** The whole-country, all-industries, all-sizes cell of one period in every public release that has it, oldest release first. */
export async function nationalCellAcrossReleases(
  period: string,
): Promise<Array<{ release: PublicRelease; cell: ReleaseCell }>> {
  const rows = await db()
    .select({ release: statisticsReleases, cell: CELL_COLUMNS })
    .from(releaseCells)
    .innerJoin(statisticsReleases, eq(statisticsReleases.id, releaseCells.releaseId))
    .where(
      and(
        isPublicStatus,
        eq(releaseCells.period, period),
        eq(releaseCells.industry, ALL),
        eq(releaseCells.region, ALL),
        eq(releaseCells.size, ALL),
      ),
    )
    .orderBy(asc(statisticsReleases.number));
  const latest = await latestPublishedNumber();
  return rows.map((r) => ({ release: toPublic(r.release, latest), cell: toCell(r.cell) }));
}

/** How many public releases of a version the report's peer search looks at, newest first. */
export const RELEASES_TRIED = 12;

/** A firm's assessment as a member of releases: its period and the releases that counted it. */
export interface FirmSpan {
  period: string;
  fromRelease: number;
  toRelease: number | null;
}

/**
 * For the firm report's peer benchmark: the newest public releases of a questionnaire version (at most
 * RELEASES_TRIED), and the firm's own member spans in that version, so the caller can tell for every
 * release and period whether the firm's own assessment is among the counted firms (its peers exclude it).
 */
export async function peerReleases(
  version: string,
  firmId: string,
): Promise<{ releases: PublicRelease[]; spans: FirmSpan[] }> {
  const [rows, spans] = await Promise.all([
    releasesOfVersion().execute({ version }),
    firmSpans().execute({ version, firmId }),
  ]);
  return { releases: rows.map(({ latestNumber, ...row }) => toPublic(row, latestNumber)), spans };
}

const releasesOfVersion = () =>
  prepared("public_releases_of_version", (d) =>
    d
      .select({
        ...getTableColumns(statisticsReleases),
        latestNumber: sql<
          number | null
        >`(select max(l.number) from statistics_releases l where l.status = 'published')`,
      })
      .from(statisticsReleases)
      .where(and(eq(statisticsReleases.questionnaireVersionId, sql.placeholder("version")), isPublicStatus))
      .orderBy(desc(statisticsReleases.number))
      .limit(RELEASES_TRIED)
      .prepare("public_releases_of_version"),
  );

const firmSpans = () =>
  prepared("firm_member_spans", (d) =>
    d
      .select({ period: memberSpans.period, fromRelease: memberSpans.fromRelease, toRelease: memberSpans.toRelease })
      .from(memberSpans)
      .innerJoin(assessments, eq(assessments.id, memberSpans.assessmentId))
      .where(
        and(
          eq(assessments.firmId, sql.placeholder("firmId")),
          eq(assessments.questionnaireVersionId, sql.placeholder("version")),
        ),
      )
      .prepare("firm_member_spans"),
  );

/**
 * For a release build's across-time check: which cells an earlier public release published, which it
 * suppressed, and which it published with their stage distribution withheld (stageShares not an array: null
 * since decision 023), for a period (keys and flags only, no figures). Runs on the build's transaction, so
 * it sees the build's snapshot; the caller passes the id of a release it read as public in that snapshot.
 */
export async function earlierCellPattern(
  executor: Pick<Db, "execute">,
  releaseId: string,
  period: string,
): Promise<Array<{ industry: string; region: string; size: string; suppressed: boolean; stagesWithheld: boolean }>> {
  return rowsOf(
    await executor.execute(
      sql`select industry, region, size, suppressed,
        (not suppressed and coalesce(jsonb_typeof(metrics->'stageShares'), 'null') <> 'array') as "stagesWithheld"
        from release_cells where release_id = ${releaseId} and period = ${period}`,
    ),
  );
}
