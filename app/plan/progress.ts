// What moved on an action's dimension between the assessment it came from (before) and the firm's next
// submitted assessment (after): pure, over plain snapshots of the two results.
import { type ComparabilityDeclarations, comparisonScope, dimensionComparable } from "~/assessment/comparability";
import { round1 } from "~/assessment/scoring";

export interface ResultSnapshot {
  assessmentId: string;
  period: string;
  overall: number;
  stage: number;
  dimensions: ReadonlyArray<{ id: string; score: number | null; level: number | null }>;
  indicators: ReadonlyArray<{ question: string; dimension: string; level: number | null }>;
  /** the edition (questionnaire version id); two snapshots without one count as the same edition */
  edition?: string;
  /** that edition's comparability declarations (decision 043) */
  declares?: ComparabilityDeclarations;
}

const change = (before: number | null, after: number | null): number | null =>
  before === null || after === null ? null : round1(after - before);

export interface ActionProgress {
  before: { period: string; score: number | null; level: number | null; stage: number };
  after: { period: string; score: number | null; level: number | null; stage: number };
  scoreChange: number | null;
  levelChange: number | null;
  /** null when the two editions' stages do not compare */
  stageChange: number | null;
  /** The dimension's indicators found in either result, in the before result's order, then the after's. */
  indicators: Array<{ question: string; before: number | null; after: number | null; change: number | null }>;
  /**
   * False when the after result does not hold this dimension, or holds it in an edition that does not
   * declare it comparable with the before one: nothing is compared.
   */
  comparable: boolean;
}

export function actionProgress(dimension: string, before: ResultSnapshot, after: ResultSnapshot): ActionProgress {
  const scope = comparisonScope(
    { edition: after.edition ?? "", declares: after.declares },
    { edition: before.edition ?? "", declares: before.declares },
  );
  const b = before.dimensions.find((d) => d.id === dimension);
  const a = after.dimensions.find((d) => d.id === dimension);
  const comparable = Boolean(b && a) && dimensionComparable(scope, dimension);
  const levelsOf = (r: ResultSnapshot) =>
    new Map(r.indicators.filter((i) => i.dimension === dimension).map((i) => [i.question, i.level]));
  const lb = levelsOf(before);
  const la = levelsOf(after);
  const questions = comparable ? [...new Set([...lb.keys(), ...la.keys()])] : [];
  return {
    before: { period: before.period, score: b?.score ?? null, level: b?.level ?? null, stage: before.stage },
    after: { period: after.period, score: a?.score ?? null, level: a?.level ?? null, stage: after.stage },
    scoreChange: comparable ? change(b!.score, a!.score) : null,
    levelChange: comparable ? change(b!.level, a!.level) : null,
    stageChange: scope.overall ? after.stage - before.stage : null,
    indicators: questions.map((q) => {
      const x = lb.get(q) ?? null;
      const y = la.get(q) ?? null;
      return { question: q, before: x, after: y, change: change(x, y) };
    }),
    comparable,
  };
}

/** The firm's next submitted assessment after `from` by period: the "after" of its actions. */
export function nextAssessment<T extends { id: string; period: string; status: string }>(
  from: { id: string; period: string },
  assessments: readonly T[],
): T | null {
  return (
    assessments
      .filter((a) => a.status === "submitted" && a.id !== from.id && a.period > from.period)
      .sort((x, y) => x.period.localeCompare(y.period))[0] ?? null
  );
}
