// The scoring engine: (model, definition, answers) → result. Pure and deterministic.
// Indicator 0–100; dimension = weighted mean of its answered indicators (weights re-normalised,
// "not applicable" drops out); overall = weighted mean of the dimensions that have a score;
// stage = the band of the overall score, held down by any gate whose dimension is too low and by
// any weakest-link rule (at most N above the band of the weakest foundation dimension).
import type { Answers } from "~/assessment/answers";
import { type QuestionInfo, questionsOf } from "~/assessment/questions";
import type { BenchmarkModel, Indicator, SurveyDefinition } from "~/assessment/schemas";
import type { Localized } from "~/content/schemas";

export type IndicatorStatus = "answered" | "not_applicable" | "missing";

export interface IndicatorResult {
  question: string;
  dimension: string;
  status: IndicatorStatus;
  score: number | null;
}

export interface DimensionResult {
  id: string;
  score: number | null;
  /** the band (1–5) the dimension score falls in, on the same edges as the stages */
  level: number | null;
  answered: number;
  total: number;
}

export interface Priority {
  dimension: string;
  score: number;
  target: number;
  gap: number;
  /** weight × gap: what ranks the priorities */
  weightedGap: number;
  level: number;
  heldStage: boolean;
}

export interface AssessmentResult {
  modelId: string;
  modelVersion: number;
  overall: number;
  bandStage: number;
  stage: number;
  heldBy: string[];
  dimensions: DimensionResult[];
  indicators: IndicatorResult[];
  priorities: Priority[];
}

/** What an assessment keeps of its result (assessments.result): indicator scores follow from the answers. */
export type StoredResult = Omit<AssessmentResult, "indicators">;

/** One decimal place, as shown and stored. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

export interface CompiledModel {
  model: BenchmarkModel;
  indicators: Array<Indicator & { info: QuestionInfo; choiceCount: number }>;
  /** for each dimension of the model, in order, the positions of its indicators */
  byDimension: number[][];
}

/** Resolve each indicator's question once; scoring many assessments reuses this. */
export function compileModel(model: BenchmarkModel, definition: SurveyDefinition): CompiledModel {
  const questions = new Map(questionsOf(definition).map((q) => [q.name, q]));
  const indicators = model.indicators.map((ind) => {
    const info = questions.get(ind.question);
    if (!info) throw new Error(`model ${model.id}: indicator names unknown question "${ind.question}"`);
    return {
      ...ind,
      info,
      choiceCount: info.values.filter(
        (v) => ind.kind !== "coverage" || (v !== ind.none && !(v in (ind.notApplicableItems ?? {}))),
      ).length,
    };
  });
  const byDimension = model.dimensions.map((d) => indicators.flatMap((ind, i) => (ind.dimension === d.id ? [i] : [])));
  return { model, indicators, byDimension };
}

function scoreIndicator(
  ind: CompiledModel["indicators"][number],
  value: Answers[string] | undefined,
): { status: IndicatorStatus; score: number | null } {
  if (value === undefined) return { status: "missing", score: null };
  if (ind.kind === "level") {
    const key = String(value);
    if (ind.notApplicable !== undefined && key === ind.notApplicable) return { status: "not_applicable", score: null };
    const level = ind.levels[key];
    return level === undefined
      ? { status: "missing", score: null }
      : { status: "answered", score: ((level - 1) / 4) * 100 };
  }
  const picked = Array.isArray(value) ? value.map(String) : [String(value)];
  const excusing = ind.notApplicableItems ?? {};
  const counted = picked.filter(
    (v) => v !== ind.none && v !== ind.info.noneValue && !(v in excusing) && ind.info.values.includes(v),
  ).length;
  // An item ticked as done counts even if its "not applicable" is ticked too; one only excused leaves.
  const excused = new Set(
    picked.flatMap((v) => (v in excusing && !picked.includes(excusing[v]!) ? [excusing[v]!] : [])),
  );
  const applicable = ind.choiceCount - excused.size;
  if (ind.choiceCount > 0 && applicable === 0) return { status: "not_applicable", score: null };
  return {
    status: "answered",
    score: applicable <= 0 ? 0 : (Math.min(counted, applicable) / applicable) * 100,
  };
}

const sortedStages = new WeakMap<BenchmarkModel, BenchmarkModel["stages"]>();

/** The band (stage number) a score falls in: lower edge inclusive, the top band includes 100. */
export function bandOf(model: BenchmarkModel, score: number): number {
  let stages = sortedStages.get(model);
  if (!stages) {
    stages = [...model.stages].sort((a, b) => a.min - b.min);
    sortedStages.set(model, stages);
  }
  for (const s of stages)
    if (score >= s.min && (score < s.max || (s === stages[stages.length - 1] && score <= s.max))) return s.stage;
  return score < stages[0]!.min ? stages[0]!.stage : stages[stages.length - 1]!.stage;
}

export function scoreAssessment(
  compiled: CompiledModel,
  answers: Answers,
  targets?: Record<string, number>,
): AssessmentResult {
  const { model } = compiled;
  const indicators: IndicatorResult[] = compiled.indicators.map((ind) => ({
    question: ind.question,
    dimension: ind.dimension,
    ...scoreIndicator(ind, answers[ind.question]),
  }));

  const exact = new Map<string, number | null>();
  const dimensions: DimensionResult[] = model.dimensions.map((d, di) => {
    let sum = 0;
    let weights = 0;
    let answered = 0;
    const members = compiled.byDimension[di]!;
    for (const i of members) {
      const r = indicators[i]!;
      if (r.score === null) continue;
      answered++;
      sum += compiled.indicators[i]!.weight * r.score;
      weights += compiled.indicators[i]!.weight;
    }
    const total = members.length;
    const score = weights > 0 ? sum / weights : null;
    exact.set(d.id, score);
    return {
      id: d.id,
      score: score === null ? null : round1(score),
      level: score === null ? null : bandOf(model, round1(score)),
      answered,
      total,
    };
  });

  let sum = 0;
  let weights = 0;
  for (const d of model.dimensions) {
    const s = exact.get(d.id);
    if (s === null || s === undefined) continue;
    sum += d.weight * s;
    weights += d.weight;
  }
  const overall = round1(weights > 0 ? sum / weights : 0);
  const bandStage = bandOf(model, overall);
  const dimScore = (id: string) => dimensions.find((d) => d.id === id)?.score ?? 0;
  const failing = model.gates.filter((g) => g.fromStage <= bandStage && dimScore(g.dimension) < g.minScore);
  const weakest = weakestLinkCaps(model, dimensions).filter((w) => w.cap < bandStage);
  const stage = Math.min(bandStage, ...failing.map((g) => g.fromStage - 1), ...weakest.map((w) => w.cap));
  const heldBy = [...failing.map((g) => g.id), ...weakest.map((w) => w.id)].sort();
  const gated = new Set([...failing.map((g) => g.dimension), ...weakest.flatMap((w) => w.weakest)]);

  for (const ind of indicators) if (ind.score !== null) ind.score = round1(ind.score);
  return {
    modelId: model.id,
    modelVersion: model.version,
    overall,
    bandStage,
    stage,
    heldBy,
    dimensions,
    indicators,
    priorities: rankPriorities(model, dimensions, gated, targets),
  };
}

/**
 * Each weakest-link rule's cap on the stage: the lowest band among its foundation dimensions that
 * have a score, plus `maxStageAbove`, with the dimensions at that lowest band. Rules whose
 * foundation has no score at all set no cap. A model without rules gives none.
 */
export function weakestLinkCaps(
  model: BenchmarkModel,
  dimensions: readonly DimensionResult[],
): Array<{ id: string; cap: number; weakest: string[] }> {
  return (model.weakestLink ?? []).flatMap((rule) => {
    const scored = rule.foundation.flatMap((id) => {
      const level = dimensions.find((d) => d.id === id)?.level;
      return level === null || level === undefined ? [] : [{ id, level }];
    });
    if (scored.length === 0) return [];
    const low = Math.min(...scored.map((d) => d.level));
    return [
      { id: rule.id, cap: low + rule.maxStageAbove, weakest: scored.filter((d) => d.level === low).map((d) => d.id) },
    ];
  });
}

/** What held a stage back, by id: a gate's or a weakest-link rule's explanation. */
export function holdExplanation(model: BenchmarkModel, id: string): Localized | null {
  return (
    model.gates.find((g) => g.id === id)?.explanation ??
    model.weakestLink?.find((w) => w.id === id)?.explanation ??
    null
  );
}

/** The dimensions that held the stage back, from a stored result's `heldBy`. */
export function heldDimensions(
  model: BenchmarkModel,
  heldBy: readonly string[],
  dimensions: readonly DimensionResult[] = [],
): Set<string> {
  const caps = weakestLinkCaps(model, dimensions);
  return new Set(
    heldBy.flatMap((id) => {
      const gate = model.gates.find((g) => g.id === id);
      if (gate) return [gate.dimension];
      return caps.find((c) => c.id === id)?.weakest ?? [];
    }),
  );
}

/**
 * Rank dimensions by weight × gap to a target (100 by default; the benchmarking issue passes
 * the peer group's top quartile). Dimensions whose gate held the stage come first.
 */
export function rankPriorities(
  model: BenchmarkModel,
  dimensions: readonly DimensionResult[],
  gated: ReadonlySet<string> = new Set(),
  targets: Record<string, number> = {},
): Priority[] {
  const priorities: Priority[] = [];
  for (const d of model.dimensions) {
    const r = dimensions.find((x) => x.id === d.id);
    if (!r || r.score === null || r.level === null) continue;
    const target = targets[d.id] ?? 100;
    const gap = round1(Math.max(0, target - r.score));
    if (gap <= 0 && !gated.has(d.id)) continue;
    priorities.push({
      dimension: d.id,
      score: r.score,
      target,
      gap,
      weightedGap: Math.round(d.weight * gap * 100) / 100,
      level: r.level,
      heldStage: gated.has(d.id),
    });
  }
  return priorities.sort(
    (a, b) =>
      Number(b.heldStage) - Number(a.heldStage) ||
      b.weightedGap - a.weightedGap ||
      a.dimension.localeCompare(b.dimension),
  );
}
