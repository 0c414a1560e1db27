// The assessment lifecycle: start (one per firm, version and period), save drafts with
// conflict detection, submit (validate, score, store in one transaction), read back.
import { and, desc, eq, sql } from "drizzle-orm";
import { type Assessment, assessments, type Firm, firms } from "~db/schema";
import { type AnswerProblem, type Answers, checkAnswers } from "~/assessment/answers";
import { type Change, mergeDraft } from "~/assessment/merge";
import { questionsOf } from "~/assessment/questions";
import { type AssessmentResult, scoreAssessment } from "~/assessment/scoring";
import type { QuestionnaireVersion } from "~/assessment/versions.server";
import { recordAudit } from "~/platform/audit.server";
import { config } from "~/platform/config.server";
import { databaseHandle, db } from "~/platform/db.server";
import { prepared } from "~/platform/prepared.server";

export function currentPeriod(now = new Date()): string {
  return config().ASSESSMENT_PERIOD ?? String(now.getFullYear());
}

const assessmentList = () =>
  prepared("assessment_list", (d) =>
    d
      .select({
        id: assessments.id,
        period: assessments.period,
        status: assessments.status,
        questionnaireVersionId: assessments.questionnaireVersionId,
        overallScore: assessments.overallScore,
        stage: assessments.stage,
        submittedAt: assessments.submittedAt,
        updatedAt: assessments.updatedAt,
      })
      .from(assessments)
      .where(eq(assessments.firmId, sql.placeholder("firmId")))
      .orderBy(desc(assessments.period), desc(assessments.createdAt))
      .prepare("assessment_list"),
  );

export function listAssessments(firmId: string) {
  return assessmentList().execute({ firmId });
}

const submittedResultList = () =>
  prepared("assessment_submitted_results", (d) =>
    d
      .select({
        id: assessments.id,
        period: assessments.period,
        status: assessments.status,
        questionnaireVersionId: assessments.questionnaireVersionId,
        result: assessments.result,
      })
      .from(assessments)
      .where(and(eq(assessments.firmId, sql.placeholder("firmId")), eq(assessments.status, "submitted")))
      .orderBy(assessments.period)
      .prepare("assessment_submitted_results"),
  );

/** The firm's submitted assessments with their stored results (for the report's progress across periods). */
export function listSubmittedResults(firmId: string) {
  return submittedResultList().execute({ firmId });
}

const assessmentLookup = () =>
  prepared("assessment_lookup", (d) =>
    d
      .select()
      .from(assessments)
      .where(and(eq(assessments.id, sql.placeholder("id")), eq(assessments.firmId, sql.placeholder("firmId"))))
      .prepare("assessment_lookup"),
  );

export async function getAssessment(firmId: string, assessmentId: string): Promise<Assessment | null> {
  const [row] = await assessmentLookup().execute({ id: assessmentId, firmId });
  return row ?? null;
}

const assessmentWithFirmLookup = () =>
  prepared("assessment_with_firm", (d) =>
    d
      .select({ assessment: assessments, firm: firms })
      .from(assessments)
      .innerJoin(firms, eq(firms.id, assessments.firmId))
      .where(and(eq(assessments.id, sql.placeholder("id")), eq(assessments.firmId, sql.placeholder("firmId"))))
      .prepare("assessment_with_firm"),
  );

/** The assessment and its firm in one round trip (the report reads both on every view). */
export async function getAssessmentWithFirm(
  firmId: string,
  assessmentId: string,
): Promise<{ assessment: Assessment; firm: Firm } | null> {
  const [row] = await assessmentWithFirmLookup().execute({ id: assessmentId, firmId });
  return row ?? null;
}

/** The firm's assessment for this version and period, created if there is none yet. */
export async function startAssessment(
  firmId: string,
  userId: string,
  version: QuestionnaireVersion,
  period: string,
): Promise<Assessment> {
  return db().transaction(async (tx) => {
    const [created] = await tx
      .insert(assessments)
      .values({ firmId: firmId, questionnaireVersionId: version.id, period })
      .onConflictDoNothing()
      .returning();
    if (created) {
      await recordAudit(
        {
          actorId: userId,
          action: "assessment.started",
          subjectType: "assessment",
          subjectId: created.id,
          details: { period, version: version.id },
        },
        tx,
      );
      return created;
    }
    const [existing] = await tx
      .select()
      .from(assessments)
      .where(
        and(
          eq(assessments.firmId, firmId),
          eq(assessments.questionnaireVersionId, version.id),
          eq(assessments.period, period),
        ),
      );
    return existing!;
  });
}

export type SaveResult =
  | { ok: true; version: number; answers: Answers }
  | { ok: false; reason: "not_found" | "not_draft" }
  | { ok: false; reason: "invalid"; problems: AnswerProblem[] }
  | { ok: false; reason: "conflict"; conflicts: string[]; version: number; answers: Answers };

export interface SaveInput {
  /** the assessment and its version, as the route's access check read them */
  assessment: Assessment;
  version: QuestionnaireVersion;
  baseVersion: number;
  changes: Record<string, Change>;
  base: Record<string, Change>;
  page: number;
}

export async function saveDraft(input: SaveInput): Promise<SaveResult> {
  const { assessment: row, version } = input;
  const questions = questionsOf(version.definition);
  const setValues = Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== null));
  const cleared = Object.keys(input.changes).filter((q) => input.changes[q] === null);
  const checked = checkAnswers(questions, setValues);
  const unknownCleared = cleared
    .filter((q) => !questions.some((x) => x.name === q))
    .map((question) => ({ question, code: "unknown_question" as const }));
  if (!checked.ok || unknownCleared.length)
    return { ok: false, reason: "invalid", problems: [...(checked.ok ? [] : checked.problems), ...unknownCleared] };
  const page = Math.max(0, Math.min(input.page, version.definition.pages.length - 1));
  const normalised: Record<string, Change> = {
    ...checked.answers,
    ...Object.fromEntries(cleared.map((q) => [q, null])),
  };

  return db().transaction(async (tx) => {
    const [locked] = await tx.select().from(assessments).where(eq(assessments.id, row.id)).for("update");
    if (!locked) return { ok: false as const, reason: "not_found" as const };
    if (locked.status !== "draft") return { ok: false as const, reason: "not_draft" as const };
    const current = locked.answers;
    const merged = mergeDraft(current, locked.version, input.baseVersion, normalised, input.base);
    if (!merged.ok)
      return {
        ok: false as const,
        reason: "conflict" as const,
        conflicts: merged.conflicts,
        version: locked.version,
        answers: current,
      };
    const [saved] = await tx
      .update(assessments)
      .set({ answers: merged.answers, currentPage: page, version: locked.version + 1, updatedAt: new Date() })
      .where(eq(assessments.id, row.id))
      .returning({ version: assessments.version });
    return { ok: true as const, version: saved!.version, answers: merged.answers };
  });
}

export type SubmitResult =
  | { ok: true; result: AssessmentResult }
  | { ok: false; reason: "not_found" | "not_draft" }
  | { ok: false; reason: "stale"; version: number }
  | { ok: false; reason: "invalid"; problems: AnswerProblem[] };

// The update and its audit entry in one statement: together or not at all, in one round trip.
const SUBMIT_SQL = `
  with submitted as (
    update assessments a
    set status = 'submitted', answers = $1::jsonb, overall_score = $2, stage = $3, dimension_scores = $4::jsonb,
        result = $5::jsonb, version = a.version + 1, submitted_at = now(), submitted_by = $6, updated_at = now(),
        industry_division = o.industry_division, region_code = o.region_code, city_code = o.city_code, size_class = o.size_class,
        unit_key = coalesce(o.group_key, o.id::text)
    from firms o
    where a.id = $7 and a.status = 'draft' and a.version = $8 and o.id = a.firm_id
    returning a.id
  )
  insert into audit_log (actor_id, action, subject_type, subject_id, details)
  select $6, 'assessment.submitted', 'assessment', id::text, $9::jsonb from submitted
  returning id`;

/**
 * Validate every answer, score, and store answers, scores, stage and versions. The update and its
 * audit entry are one statement, so they happen together or not at all, in one round trip.
 */
export async function submitAssessment(input: {
  assessment: Assessment;
  version: QuestionnaireVersion;
  userId: string;
  baseVersion: number;
  answers?: unknown;
}): Promise<SubmitResult> {
  const { assessment: row, version } = input;
  if (row.status !== "draft") return { ok: false, reason: "not_draft" };
  const required = new Set(version.model.indicators.map((i) => i.question));
  const checked = checkAnswers(questionsOf(version.definition), input.answers ?? row.answers, required);
  if (!checked.ok) return { ok: false, reason: "invalid", problems: checked.problems };
  const result = scoreAssessment(version.compiled, checked.answers);
  const dimensionScores = Object.fromEntries(result.dimensions.map((d) => [d.id, d.score]));
  // Indicator scores are not kept: they follow from the stored answers and the model.
  const { indicators: _indicators, ...stored } = result;
  const details = { version: version.id, model: `${version.model.id}@${version.model.version}` };
  const written = await databaseHandle().namedQuery("submit_assessment", SUBMIT_SQL, [
    JSON.stringify(checked.answers),
    result.overall,
    result.stage,
    JSON.stringify(dimensionScores),
    JSON.stringify(stored),
    input.userId,
    row.id,
    input.baseVersion,
    JSON.stringify(details),
  ]);
  if (written.length === 1) return { ok: true, result };
  // Nothing was written: tell why.
  const now = await getAssessment(row.firmId, row.id);
  if (!now) return { ok: false, reason: "not_found" };
  if (now.status !== "draft") return { ok: false, reason: "not_draft" };
  return { ok: false, reason: "stale", version: now.version };
}
