// Progress across periods (issue 14 item 3): how the firm's current submitted assessment compares
// with its previous and its first submitted assessment. Pure, so the rules are unit-tested apart
// from the database: a change is after − before (one decimal), only what the two editions declare
// comparable is compared (app/assessment/comparability.ts, decision 043), and the editions are named.
import { comparisonScope, type DeclarationsOf, splitDimensions } from "~/assessment/comparability";
import { round1, type StoredResult } from "~/assessment/scoring";
import type { Localized } from "~/content/schemas";

/** A submitted assessment of the firm as the comparison needs it. */
export interface ProgressRow {
  id: string;
  period: string;
  status: string;
  questionnaireVersionId: string;
  result: Pick<StoredResult, "modelId" | "modelVersion" | "overall" | "stage" | "dimensions"> | null;
}

export interface Edition {
  period: string;
  questionnaire: string;
  model: string;
  modelVersion: number;
}

export interface DimensionChange {
  id: string;
  before: number | null;
  after: number | null;
  /** after − before, one decimal; null when either side has no score */
  change: number | null;
  levelBefore: number | null;
  levelAfter: number | null;
}

export interface Comparison {
  /** "previous": the submitted assessment just before; "first": the firm's first one (when not the previous). */
  against: "previous" | "first";
  before: Edition;
  /** both sides were scored by the same questionnaire version and model */
  sameEdition: boolean;
  /** the overall score and stage compare (same edition, or declared whole-comparable) */
  overallComparable: boolean;
  overallBefore: number;
  /** after − before; null when the overall scores do not compare */
  overallChange: number | null;
  stageBefore: number;
  stageAfter: number;
  /** the dimensions that compare, in the current model's order */
  dimensions: DimensionChange[];
  /** how many of the current edition's dimensions do not compare */
  notComparable: number;
  /** their ids, in the current model's order */
  notComparableIds: string[];
  /** the declaring model's note on what compares between the two editions */
  note: Localized | null;
}

export interface Progress {
  current: Edition;
  comparisons: Comparison[];
  /** every submitted assessment up to and including the current one, oldest period first */
  trend: Array<{ period: string; edition: string; overall: number; stage: number; current: boolean }>;
}

type Scored = ProgressRow & { result: NonNullable<ProgressRow["result"]> };

const editionOf = (a: Scored): Edition => ({
  period: a.period,
  questionnaire: a.questionnaireVersionId,
  model: a.result.modelId,
  modelVersion: a.result.modelVersion,
});

const delta = (after: number | null, before: number | null): number | null =>
  after === null || before === null ? null : round1(after - before);

/** Compares two scored assessments on what their editions declare comparable. */
export function compare(
  before: Scored,
  after: Scored,
  against: Comparison["against"],
  declarations: DeclarationsOf = () => undefined,
): Comparison {
  const scope = comparisonScope(
    { edition: after.questionnaireVersionId, declares: declarations(after.questionnaireVersionId) },
    { edition: before.questionnaireVersionId, declares: declarations(before.questionnaireVersionId) },
  );
  const { compared, notCompared } = splitDimensions(
    scope,
    after.result.dimensions.map((d) => d.id),
    before.result.dimensions.map((d) => d.id),
  );
  const shown = new Set(compared);
  const earlier = new Map(before.result.dimensions.map((d) => [d.id, d]));
  const dimensions = after.result.dimensions.flatMap((d): DimensionChange[] => {
    const b = earlier.get(d.id);
    if (!b || !shown.has(d.id)) return [];
    return [
      {
        id: d.id,
        before: b.score,
        after: d.score,
        change: delta(d.score, b.score),
        levelBefore: b.level,
        levelAfter: d.level,
      },
    ];
  });
  const a = editionOf(after);
  const e = editionOf(before);
  return {
    against,
    before: e,
    sameEdition: a.questionnaire === e.questionnaire && a.model === e.model && a.modelVersion === e.modelVersion,
    overallComparable: scope.overall,
    overallBefore: before.result.overall,
    overallChange: scope.overall ? round1(after.result.overall - before.result.overall) : null,
    stageBefore: before.result.stage,
    stageAfter: after.result.stage,
    dimensions,
    notComparable: notCompared.length,
    notComparableIds: notCompared,
    note: scope.note,
  };
}

/**
 * The progress section of the report for `currentId`, or null when the firm has no submitted
 * assessment in an earlier period. Only submitted, scored assessments in periods before the current
 * one count (a report of an old period does not compare with later ones).
 */
export function progressOf(
  rows: readonly ProgressRow[],
  currentId: string,
  declarations: DeclarationsOf = () => undefined,
): Progress | null {
  const scored = rows.filter((r): r is Scored => r.status === "submitted" && r.result !== null);
  const current = scored.find((r) => r.id === currentId);
  if (!current) return null;
  const earlier = scored
    .filter((r) => r.id !== currentId && r.period < current.period)
    .sort((x, y) => x.period.localeCompare(y.period));
  if (earlier.length === 0) return null;
  const previous = earlier[earlier.length - 1]!;
  const first = earlier[0]!;
  const comparisons = [compare(previous, current, "previous", declarations)];
  if (first !== previous) comparisons.push(compare(first, current, "first", declarations));
  return {
    current: editionOf(current),
    comparisons,
    trend: [...earlier, current].map((r) => ({
      period: r.period,
      edition: r.questionnaireVersionId,
      overall: r.result.overall,
      stage: r.result.stage,
      current: r.id === currentId,
    })),
  };
}

/** A change as the report prints it: one decimal with a sign, "—" when there is none. */
export const signedChange = (x: number | null): string => (x === null ? "—" : `${x > 0 ? "+" : ""}${x.toFixed(1)}`);

/** A score as the report prints it: one decimal, "—" when there is none. */
export const scoreText = (x: number | null): string => (x === null ? "—" : x.toFixed(1));
