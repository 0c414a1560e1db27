// Reads what a release build needs from the database: the records of a period (column-wise) and, for each
// earlier public release, what it published and how many units changed since. Runs inside the build's
// repeatable-read transaction, so every read sees one snapshot.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "~db/connect";
import { rowsOf } from "~/platform/db.server";
import { cellIndex, cellOfKey, citySlot, type CubeShape, recordCells } from "~/statistics/disclosure/cube-shape";
import { NULL_SCORE } from "~/statistics/disclosure/metrics";
import type { PeriodRecords } from "~/statistics/disclosure/period-cube";
import type { EarlierPeriod } from "~/statistics/disclosure/suppression";
import { earlierCellPattern } from "~/statistics/release/read.server";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The periods with submitted assessments of a questionnaire version: what a release can cover. */
export async function submittedPeriods(executor: Pick<Db, "execute">, version: string): Promise<string[]> {
  return rowsOf<{ period: string }>(
    await executor.execute(
      sql`select distinct period from assessments where questionnaire_version_id = ${version} and status = 'submitted' order by period`,
    ),
  ).map((r) => r.period);
}

/**
 * The edition a release is built for (decision 042): of the editions with submitted assessments in
 * `periods` (in any period when none are named), the one submitted to most recently; null when there is
 * none. A release holds one edition, so no cell ever mixes editions: with 2026 open for new assessments
 * while the history is of 2025, a release of the history's periods still counts 2025.
 */
export async function releaseEdition(
  executor: Pick<Db, "execute">,
  periods: readonly string[] = [],
): Promise<string | null> {
  const inPeriods = periods.length
    ? sql`and period in (${sql.join(
        periods.map((p) => sql`${p}`),
        sql`, `,
      )})`
    : sql``;
  const [row] = rowsOf<{ id: string }>(
    await executor.execute(
      sql`select questionnaire_version_id as id from assessments where status = 'submitted' ${inPeriods}
        group by questionnaire_version_id order by max(submitted_at) desc, questionnaire_version_id desc limit 1`,
    ),
  );
  return row?.id ?? null;
}

/** The assessments a release with this cut-off counts for one period. */
export function membership(version: string, period: string, cutoff: Date): SQL {
  return sql`a.questionnaire_version_id = ${version} and a.period = ${period} and a.submitted_at <= ${cutoff.toISOString()}::timestamptz
    and (a.status = 'submitted' or (a.status = 'withdrawn' and a.withdrawn_at > ${cutoff.toISOString()}::timestamptz))
    and a.industry_division is not null and a.region_code is not null and a.size_class is not null`;
}

/**
 * The build's members with their digests, computed once per build into a temporary table from which
 * `advanceSpans` records the new release's members.
 */
export async function snapshotMembers(
  tx: Tx,
  version: string,
  periods: readonly string[],
  cutoff: Date,
): Promise<void> {
  await tx.execute(sql`create temporary table release_current on commit drop as
    select a.id, a.period, a.industry_division, a.region_code, a.city_code, a.size_class, a.unit_key, ${DIGEST} as digest
    from assessments a where ${sql.join(
      periods.map((p) => sql`(${membership(version, p, cutoff)})`),
      sql` or `,
    )}`);
  await tx.execute(sql`analyze release_current`);
}

/** The span `s` is of a member of this edition. */
const ofEdition = (version: string) =>
  sql`exists (select 1 from assessments e where e.id = s.assessment_id and e.questionnaire_version_id = ${version})`;

/**
 * Record release `number`'s members (in `release_current`) as spans, for the periods it covers: a member
 * gone or changed since ends its span here; a new or changed one begins one. Unchanged members write nothing.
 * Only members of the release's edition are touched (decision 042): a release of another edition covering
 * the same period neither ends nor begins them, so comparing two releases of one edition sees only its own
 * changes.
 */
export async function advanceSpans(tx: Tx, version: string, number: number, periods: readonly string[]): Promise<void> {
  const covered = sql.join(
    periods.map((p) => sql`${p}`),
    sql`, `,
  );
  // The members counted unchanged go to a table of their own first: the insert below must not look itself
  // up in member_spans while writing to it (on a new, empty table the planner loops over it: quadratic).
  await tx.execute(sql`create temporary table span_kept on commit drop as
    select s.assessment_id from member_spans s join release_current c on c.id = s.assessment_id and c.digest = s.digest
    where s.period in (${covered}) and s.to_release is null`);
  await tx.execute(sql`analyze span_kept`);
  await tx.execute(sql`update member_spans s set to_release = ${number}
    where s.period in (${covered}) and s.to_release is null and not exists (select 1 from span_kept k where k.assessment_id = s.assessment_id)
      and ${ofEdition(version)}`);
  await tx.execute(sql`insert into member_spans (assessment_id, from_release, to_release, period, industry_division, region_code, city_code, size_class, unit_key, digest)
    select c.id, ${number}, null, c.period, c.industry_division, c.region_code, c.city_code, c.size_class, c.unit_key, c.digest from release_current c
    where not exists (select 1 from span_kept k where k.assessment_id = c.id)`);
}

/**
 * Changes whenever anything a release used from an assessment changes. concat_ws skips nulls, so a member
 * without a city keeps the digest it had before releases used cities.
 */
export const DIGEST = sql`md5(concat_ws('|', a.period, a.industry_division, a.region_code, a.size_class::text, a.unit_key, a.stage::text, a.overall_score::text, a.dimension_scores::text, a.city_code))`;

const PAGE = 10_000;

export interface LoadedRecords {
  records: PeriodRecords;
  synthetic: boolean;
  skipped: number;
}

export async function loadPeriodRecords(
  tx: Tx,
  shape: CubeShape,
  dimensionIds: readonly string[],
  version: string,
  period: string,
  cutoff: Date,
): Promise<LoadedRecords> {
  // Typed arrays sized once from a count: a million records take ~30 MB, not the ~10× of growing JS arrays.
  const [{ n: expected }] = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from assessments a where ${membership(version, period, cutoff)}`),
  ) as [{ n: number }];
  const interior = new Int32Array(expected);
  const city = new Int32Array(expected);
  const unit = new Int32Array(expected);
  const stage = new Uint8Array(expected);
  const scores = [0, ...dimensionIds].map(() => new Uint16Array(expected));
  const groups = new Map<string, number>();
  let count = 0;
  let synthetic = false;
  let skipped = 0;
  const dims = sql.join(
    dimensionIds.map((d) => sql`coalesce(round((a.dimension_scores->>${d})::numeric * 10)::int, ${NULL_SCORE})`),
    sql`, `,
  );
  // One pass over the period through a cursor, read in pages; the repeatable-read snapshot keeps it consistent with the count.
  await tx.execute(sql`declare release_records no scroll cursor for
    select a.industry_division as d, a.region_code as r, a.city_code as c, a.size_class as s,
      case when a.unit_key = a.firm_id::text then null else a.unit_key end as u,
      a.stage as st, round(a.overall_score::numeric * 10)::int as o, a.is_synthetic as syn, array_to_string(array[${dims}], ',') as ds
    from assessments a where ${membership(version, period, cutoff)}`);
  for (;;) {
    const page = rowsOf<{
      d: string;
      r: string;
      c: string | null;
      s: string;
      u: string | null;
      st: number;
      o: number;
      syn: boolean;
      ds: string;
    }>(await tx.execute(sql.raw(`fetch forward ${PAGE} from release_records`)));
    if (page.length === 0) break;
    for (const row of page) {
      const i = shape.industry.leafIndex.get(row.d);
      const r = shape.region.leafIndex.get(row.r);
      const s = shape.size.leafIndex.get(row.s);
      const st = Number(row.st);
      if (i === undefined || r === undefined || s === undefined || !(st >= 1 && st <= 5)) {
        skipped++;
        continue;
      }
      interior[count] = cellIndex(shape, i, r, s);
      city[count] = citySlot(shape, r, row.c);
      if (row.u === null) unit[count] = -1;
      else {
        if (!groups.has(row.u)) groups.set(row.u, groups.size);
        unit[count] = groups.get(row.u)!;
      }
      stage[count] = st;
      scores[0]![count] = Number(row.o);
      const ds = row.ds.split(",");
      for (let k = 0; k < dimensionIds.length; k++) scores[k + 1]![count] = Number(ds[k]);
      if (row.syn) synthetic = true;
      count++;
    }
  }
  await tx.execute(sql`close release_records`);
  return {
    records: {
      count,
      interior: interior.subarray(0, count),
      city: city.subarray(0, count),
      unit: unit.subarray(0, count),
      stage: stage.subarray(0, count),
      scores: scores.map((a) => a.subarray(0, count)),
    },
    synthetic,
    skipped,
  };
}

interface ChangedRow {
  d: string;
  r: string;
  c: string | null;
  s: string;
  u: string;
}

/** What an earlier release published for the period, and which units changed since, per cell. */
export async function earlierPeriod(
  tx: Tx,
  shape: CubeShape,
  interior: Map<number, number[]>,
  earlier: { id: string; number: number },
  current: number,
  period: string,
  version: string,
): Promise<EarlierPeriod> {
  const published = new Uint8Array(shape.cellCount);
  const suppressed = new Uint8Array(shape.cellCount);
  const stagesWithheld = new Uint8Array(shape.cellCount);
  for (const c of await earlierCellPattern(tx, earlier.id, period)) {
    const cell = cellOfKey(shape, c);
    if (cell === undefined) continue;
    (c.suppressed ? suppressed : published)[cell] = 1;
    if (c.stagesWithheld) stagesWithheld[cell] = 1;
  }
  // The member versions counted by exactly one of the two releases (spans are immutable versions, so one
  // counted by both is the same in both): the earlier release's that ended since, and those begun since.
  const changed = rowsOf<ChangedRow>(
    await tx.execute(sql`select industry_division as d, region_code as r, city_code as c, size_class::text as s, unit_key as u from member_spans s
      where period = ${period} and ((from_release <= ${earlier.number} and to_release > ${earlier.number} and to_release <= ${current})
        or (from_release > ${earlier.number} and to_release is null)) and ${ofEdition(version)}`),
  );
  const unitsByCell = new Map<number, Set<string>>();
  const cellsOf = recordCells(shape, interior);
  for (const row of changed) {
    const i = shape.industry.leafIndex.get(row.d);
    const r = shape.region.leafIndex.get(row.r);
    const z = shape.size.leafIndex.get(row.s);
    if (i === undefined || r === undefined || z === undefined) continue;
    for (const a of cellsOf(cellIndex(shape, i, r, z), citySlot(shape, r, row.c))) {
      let set = unitsByCell.get(a);
      if (!set) unitsByCell.set(a, (set = new Set()));
      set.add(row.u);
    }
  }
  const changedUnits = new Int32Array(shape.cellCount);
  for (const [cell, set] of unitsByCell) changedUnits[cell] = set.size;
  return { published, suppressed, changedUnits, stagesWithheld };
}
