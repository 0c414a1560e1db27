// The firm's report put together from what report.server.ts has read: pure, so that the targets
// from peers, the gated set, the priorities and the history are unit-tested apart from the database.
// Two steps, because which cases to read depends on the priorities: planPriorities decides what the
// report recommends and casesWanted what to ask the case library for; assembleReport then builds it.
import type { Assessment } from "~db/schema";
import { comparisonScope, type DeclarationsOf } from "~/assessment/comparability";
import type { BenchmarkModel } from "~/assessment/schemas";
import {
  type AssessmentResult,
  type DimensionResult,
  heldDimensions,
  holdExplanation,
  type Priority,
  rankPriorities,
} from "~/assessment/scoring";
import type { Localized, Scene } from "~/content/schemas";
import type { PeerOutcome } from "~/report/peer-benchmark.server";
import { type Progress, progressOf, type ProgressRow } from "~/report/progress";
import { type MatchedScene, matchScenes } from "~/report/scene-match";

export const REPORT_PRIORITIES = 5;
export const SCENES_PER_PRIORITY = 3;
export const CASES_PER_PRIORITY = 2;

export interface ReportScene {
  slug: string;
  title: Localized;
  summary: Localized;
  sameIndustry: boolean;
  /** Suggested only because no scene of the firm's own industry group fits: the report labels it. */
  otherIndustry: boolean;
}

/** A published case from a similar firm: by title only, the publisher stays on the case page. */
export interface ReportCase {
  id: string;
  title: string;
  sameIndustry: boolean;
  fictional: boolean;
}

export interface ReportData {
  firmName: string;
  period: string;
  submittedAt: string;
  versions: { questionnaire: string; model: string; modelVersion: number };
  overall: number;
  bandStage: number;
  stage: { number: number; name: Localized; description: Localized; nextStep: Localized };
  nextStage: { number: number; name: Localized } | null;
  held: Array<{ id: string; explanation: Localized }>;
  dimensions: Array<{
    id: string;
    name: Localized;
    score: number | null;
    level: number | null;
    weight: number;
    articles: number[];
    answered: number;
    total: number;
  }>;
  /** The peer benchmark from the newest public release; priorities rank by the gap to its top quartile when present. */
  peers: PeerOutcome;
  priorities: Array<{
    dimensionId: string;
    dimension: Localized;
    score: number;
    target: number;
    /** What the gap is measured to: the peer group's top quartile, or the maximum when there is none. */
    targetBasis: "peers" | "maximum";
    gap: number;
    heldStage: boolean;
    recommendation: {
      /** The model's recommendation is keyed by dimension and this level. */
      level: number;
      title: Localized;
      actions: Localized[];
      articles: number[];
      scenes: ReportScene[];
      cases: ReportCase[];
    } | null;
  }>;
  /** `change` is null for the first row and when the overall score does not compare with the row before (decision 043). */
  history: Array<{
    period: string;
    edition: string | null;
    overall: number;
    stage: number;
    change: number | null;
    current: boolean;
  }>;
  /** Change from the previous (and first) submitted assessment on the dimensions both editions share; null without one. */
  progress: Progress | null;
}

/** What the report keeps of the stored result (the indicator detail is not shown). */
export type ReportResult = Omit<AssessmentResult, "indicators">;

type Recommendation = BenchmarkModel["recommendations"][number];

/** One priority the report shows, with the recommendation for its level and the scenes matched to it. */
export interface PlannedPriority {
  priority: Priority;
  recommendation: Recommendation | null;
  scenes: MatchedScene[];
}

/** A published case the report may suggest, already compared with the firm's industry group. */
export interface CandidateCase {
  id: string;
  title: string;
  sceneSlugs: readonly string[];
  articles: readonly number[];
  sameIndustry: boolean;
  fictional: boolean;
}

/** A firm's earlier assessment, as its history line needs it. */
export type HistoryRow = Pick<Assessment, "id" | "period" | "status" | "overallScore" | "stage"> &
  Partial<Pick<Assessment, "questionnaireVersionId">>;

/** With peers, each dimension's target is the peer group's top quartile where it is published; else none (100). */
export function peerTargets(peers: PeerOutcome): Record<string, number> {
  if (peers.status !== "ok") return {};
  return Object.fromEntries(
    Object.entries(peers.peers.dimensions).flatMap(([id, d]) => (d.p75 === null ? [] : [[id, d.p75]])),
  );
}

/** The dimensions whose gate or weakest-link rule held the stage back: they rank first. */
export function gatedDimensions(
  model: BenchmarkModel,
  heldBy: readonly string[],
  dimensions: readonly DimensionResult[] = [],
): Set<string> {
  return heldDimensions(model, heldBy, dimensions);
}

/**
 * The priorities the report shows: ranked again against the peers' targets when there are peers
 * (the stored ranking aims at 100), each with its recommendation and matched scenes.
 */
export function planPriorities(
  model: BenchmarkModel,
  result: ReportResult,
  peers: PeerOutcome,
  catalogue: readonly Scene[],
  industryGroup: string | null,
): PlannedPriority[] {
  const ranked =
    peers.status === "ok"
      ? rankPriorities(
          model,
          result.dimensions,
          gatedDimensions(model, result.heldBy, result.dimensions),
          peerTargets(peers),
        )
      : result.priorities;
  const levels = Object.fromEntries(result.dimensions.map((d) => [d.id, d.level]));
  return ranked.slice(0, REPORT_PRIORITIES).map((priority) => {
    const recommendation =
      model.recommendations.find((r) => r.dimension === priority.dimension && r.level === priority.level) ?? null;
    const scenes = recommendation
      ? matchScenes(catalogue, {
          dimension: priority.dimension,
          recommended: recommendation.scenes ?? [],
          industryGroup,
          levels,
          limit: SCENES_PER_PRIORITY,
        })
      : [];
    return { priority, recommendation, scenes };
  });
}

/** The scenes and articles the planned priorities point at: what to ask the case library about. */
export function casesWanted(planned: readonly PlannedPriority[]): { scenes: string[]; articles: number[] } {
  return {
    scenes: [...new Set(planned.flatMap((x) => x.scenes.map((m) => m.scene.slug)))],
    articles: [...new Set(planned.flatMap((x) => x.recommendation?.articles ?? []))],
  };
}

/** The first cases (in the candidates' order, most similar firm first) illustrating any of these scenes or articles. */
export function casesFor(
  candidates: readonly CandidateCase[],
  scenes: readonly string[],
  articles: readonly number[],
): ReportCase[] {
  return candidates
    .filter((c) => c.sceneSlugs.some((s) => scenes.includes(s)) || c.articles.some((a) => articles.includes(a)))
    .slice(0, CASES_PER_PRIORITY)
    .map(({ id, title, sameIndustry, fictional }) => ({ id, title, sameIndustry, fictional }));
}

/** The firm's submitted assessments by period, each with its change from the one before. */
export function historyOf(
  earlier: readonly HistoryRow[],
  currentId: string,
  declarations: DeclarationsOf = () => undefined,
): ReportData["history"] {
  const submitted = earlier
    .filter(
      (a): a is HistoryRow & { overallScore: number; stage: number } =>
        a.status === "submitted" && a.overallScore !== null && a.stage !== null,
    )
    .sort((a, b) => a.period.localeCompare(b.period));
  const edition = (a: HistoryRow) => a.questionnaireVersionId ?? "";
  const overallCompares = (a: HistoryRow, b: HistoryRow) =>
    comparisonScope(
      { edition: edition(a), declares: declarations(edition(a)) },
      { edition: edition(b), declares: declarations(edition(b)) },
    ).overall;
  return submitted.map((a, i) => {
    const before = i > 0 ? submitted[i - 1]! : null;
    return {
      period: a.period,
      edition: a.questionnaireVersionId ?? null,
      overall: a.overallScore,
      stage: a.stage,
      change:
        before && overallCompares(a, before) ? Math.round((a.overallScore - before.overallScore) * 10) / 10 : null,
      current: a.id === currentId,
    };
  });
}

export interface ReportInputs {
  firmName: string;
  assessment: Pick<Assessment, "id" | "period" | "submittedAt" | "updatedAt">;
  result: ReportResult;
  versionId: string;
  model: BenchmarkModel;
  peers: PeerOutcome;
  planned: readonly PlannedPriority[];
  candidates: readonly CandidateCase[];
  earlier: readonly HistoryRow[];
  /** The firm's submitted assessments with their results, for progress across periods. */
  submitted?: readonly ProgressRow[] | undefined;
  /** The comparability declarations of the editions the firm's assessments used (decision 043). */
  declarations?: DeclarationsOf | undefined;
}

export function assembleReport(input: ReportInputs): ReportData {
  const { model, result } = input;
  const stage = model.stages.find((s) => s.stage === result.stage)!;
  const targets = peerTargets(input.peers);
  const next = model.stages.find((s) => s.stage === result.stage + 1);
  const dimension = (id: string) => model.dimensions.find((d) => d.id === id)!;
  return {
    firmName: input.firmName,
    period: input.assessment.period,
    submittedAt: (input.assessment.submittedAt ?? input.assessment.updatedAt).toISOString(),
    versions: { questionnaire: input.versionId, model: model.id, modelVersion: model.version },
    overall: result.overall,
    bandStage: result.bandStage,
    stage: { number: stage.stage, name: stage.name, description: stage.description, nextStep: stage.nextStep },
    nextStage: next ? { number: next.stage, name: next.name } : null,
    held: result.heldBy.map((id) => ({ id, explanation: holdExplanation(model, id)! })),
    dimensions: result.dimensions.map((d) => ({
      ...d,
      name: dimension(d.id).name,
      weight: dimension(d.id).weight,
      articles: dimension(d.id).articles,
    })),
    peers: input.peers,
    priorities: input.planned.map(({ priority: p, recommendation: rec, scenes }) => ({
      dimensionId: p.dimension,
      dimension: dimension(p.dimension).name,
      score: p.score,
      target: p.target,
      targetBasis: p.dimension in targets ? "peers" : "maximum",
      gap: p.gap,
      heldStage: p.heldStage,
      recommendation: rec
        ? {
            level: rec.level,
            title: rec.title,
            actions: rec.actions,
            articles: rec.articles,
            scenes: scenes.map((m) => ({
              slug: m.scene.slug,
              title: m.scene.title,
              summary: m.scene.summary,
              sameIndustry: m.sameIndustry,
              otherIndustry: m.otherIndustry,
            })),
            cases: casesFor(
              input.candidates,
              scenes.map((m) => m.scene.slug),
              rec.articles,
            ),
          }
        : null,
    })),
    history: historyOf(input.earlier, input.assessment.id, input.declarations),
    progress: progressOf(input.submitted ?? [], input.assessment.id, input.declarations),
  };
}
