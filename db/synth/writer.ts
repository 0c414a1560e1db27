// The bulk path: one statement per batch inserts the batch's firms and their assessments from two
// JSON parameters (jsonb_to_recordset). It works the same on PostgreSQL and PGlite, needs no COPY
// support, and the assessments take their classification columns from the inserted firm rows with
// the very expressions SUBMIT_SQL uses (app/assessment/assessment.server.ts).
import { sql } from "drizzle-orm";
import type { Db } from "~db/connect";
import type { AssessmentRow, FirmRow } from "~db/synth/generate";

/** A database or a transaction: anything that runs a statement. */
export type Executor = Pick<Db, "execute">;

async function rows<T>(ex: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await ex.execute(query)) as unknown as { rows: T[] }).rows;
}

export interface BatchCounts {
  firms: number;
  assessments: number;
}

/**
 * Insert firms and their assessments in one statement (atomic on its own). Every assessment's
 * firm must be in the same batch. Status, flags and the submit-time classification (industry,
 * region, size class, unit key = group key or firm id) are set here as SUBMIT_SQL sets them.
 */
export async function insertBatch(
  ex: Executor,
  versionId: string,
  firms: readonly FirmRow[],
  assessments: readonly AssessmentRow[],
): Promise<BatchCounts>;
/** The same with the rows already as JSON arrays (what the streaming writer sends). */
export async function insertBatch(
  ex: Executor,
  versionId: string,
  firmsJson: string,
  assessmentsJson: string,
  firmCount: number,
  assessmentCount: number,
): Promise<BatchCounts>;
export async function insertBatch(
  ex: Executor,
  versionId: string,
  firms: readonly FirmRow[] | string,
  assessments: readonly AssessmentRow[] | string,
  firmCount?: number,
  assessmentCount?: number,
): Promise<BatchCounts> {
  const orgJson = typeof firms === "string" ? firms : JSON.stringify(firms);
  const rowJson = typeof assessments === "string" ? assessments : JSON.stringify(assessments);
  const expected = {
    firms: typeof firms === "string" ? firmCount! : firms.length,
    assessments: typeof assessments === "string" ? assessmentCount! : assessments.length,
  };
  const [counts] = await rows<BatchCounts>(
    ex,
    sql`
      with o as (
        insert into firms (id, name, credit_code, industry_division, region_code, size_class, employees, revenue_wan_yuan,
                                   city, city_code, group_key, is_demo, is_synthetic, created_at, updated_at)
        select t.id, t.name, t.credit_code, t.industry_division, t.region_code, t.size_class, t.employees, t.revenue_wan_yuan,
               null, t.city_code, t.group_key, false, true, t.created_at, t.created_at
        from jsonb_to_recordset(${orgJson}::jsonb) as t(
          id uuid, name text, credit_code text, industry_division text, region_code text, city_code varchar(6), size_class size_class,
          employees integer, revenue_wan_yuan integer, group_key text, created_at timestamptz)
        returning id, industry_division, region_code, city_code, size_class, group_key
      ), a as (
        insert into assessments (id, firm_id, questionnaire_version_id, period, status, answers, current_page, version,
                                 overall_score, stage, dimension_scores, result, is_synthetic, submitted_at, submitted_by,
                                 industry_division, region_code, city_code, size_class, unit_key, created_at, updated_at)
        select s.id, s.firm_id, ${versionId}, s.period, 'submitted', s.answers, s.current_page, s.version,
               s.overall_score, s.stage, s.dimension_scores, s.result, true, s.submitted_at, null,
               o.industry_division, o.region_code, o.city_code, o.size_class, coalesce(o.group_key, o.id::text), s.created_at, s.submitted_at
        from jsonb_to_recordset(${rowJson}::jsonb) as s(
          id uuid, firm_id uuid, period text, answers jsonb, current_page integer, version integer,
          overall_score real, stage smallint, dimension_scores jsonb, result jsonb, submitted_at timestamptz, created_at timestamptz)
        join o on o.id = s.firm_id
        returning 1
      )
      select (select count(*)::int from o) as firms, (select count(*)::int from a) as assessments`,
  );
  if (!counts || counts.firms !== expected.firms || counts.assessments !== expected.assessments) {
    throw new Error(
      `bulk insert wrote ${JSON.stringify(counts)} of ${expected.firms} firms and ${expected.assessments} assessments`,
    );
  }
  return counts;
}

export async function countSynthetic(ex: Executor): Promise<BatchCounts> {
  const [counts] = await rows<BatchCounts>(
    ex,
    sql`select (select count(*)::int from firms where is_synthetic) as firms,
               (select count(*)::int from assessments where is_synthetic) as assessments`,
  );
  return counts!;
}

export async function hasSynthetic(ex: Executor): Promise<boolean> {
  const [row] = await rows<{ found: boolean }>(
    ex,
    sql`select exists (select 1 from firms where is_synthetic) or exists (select 1 from assessments where is_synthetic) as found`,
  );
  return row!.found;
}

/**
 * Delete every synthetic row (call inside a transaction): synthetic assessments, then synthetic
 * firms (their memberships and cases go with them by cascade). Real firms are never touched.
 */
export async function deleteSynthetic(ex: Executor): Promise<BatchCounts> {
  const [a] = await rows<{ n: number }>(
    ex,
    sql`with d as (delete from assessments where is_synthetic returning 1) select count(*)::int as n from d`,
  );
  const [o] = await rows<{ n: number }>(
    ex,
    sql`with d as (delete from firms where is_synthetic returning 1) select count(*)::int as n from d`,
  );
  return { firms: o!.n, assessments: a!.n };
}
