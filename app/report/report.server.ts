// Everything the firm's report shows, computed from the stored result and the model.
import type { Assessment, Firm } from "~db/schema";
import { listAssessments } from "~/assessment/assessment.server";
import { type AssessmentResult, rankPriorities } from "~/assessment/scoring";
import type { QuestionnaireVersion } from "~/assessment/versions.server";
import { casesForFirm } from "~/cases/matching.server";
import type { Localized } from "~/content/schemas";
import type { Scene } from "~/content/schemas";
import { industryGroupOf } from "~/content/taxonomies.server";
import { peerBenchmark, type PeerOutcome } from "~/report/peer-benchmark.server";
import { matchScenes } from "~/report/scene-match";
import { allScenes } from "~/scenes/scene.server";

export const REPORT_PRIORITIES = 5;

export interface ReportScene {
  slug: string;
  title: Localized;
  summary: Localized;
  sameIndustry: boolean;
}

export const SCENES_PER_PRIORITY = 3;
export const CASES_PER_PRIORITY = 2;

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
    dimension: Localized;
    score: number;
    target: number;
    gap: number;
    heldStage: boolean;
    recommendation: {
      title: Localized;
      actions: Localized[];
      articles: number[];
      scenes: ReportScene[];
      cases: ReportCase[];
    } | null;
  }>;
  history: Array<{ period: string; overall: number; stage: number; change: number | null; current: boolean }>;
}

export async function buildReport(
  firm: Firm,
  assessment: Assessment,
  version: QuestionnaireVersion,
): Promise<ReportData> {
  const industryGroup = industryGroupOf(firm.industryDivision) ?? null;
  const { model } = version;
  const result = assessment.result as Omit<AssessmentResult, "indicators">;
  const stage = model.stages.find((s) => s.stage === result.stage)!;
  const next = model.stages.find((s) => s.stage === result.stage + 1);
  const dimension = (id: string) => model.dimensions.find((d) => d.id === id)!;
  const levels = Object.fromEntries(result.dimensions.map((d) => [d.id, d.level]));
  // Independent reads at once: each is a round trip, and PostgreSQL shares the cores with the server.
  const [catalogue, peers, earlier]: [
    Scene[],
    Awaited<ReturnType<typeof peerBenchmark>>,
    Awaited<ReturnType<typeof listAssessments>>,
  ] = await Promise.all([allScenes(), peerBenchmark(assessment), listAssessments(assessment.firmId)]);
  // With peers, the target of each dimension is the peer group's top quartile (where published), not 100.
  const targets =
    peers.status === "ok"
      ? Object.fromEntries(
          Object.entries(peers.peers.dimensions).flatMap(([id, d]) => (d.p75 === null ? [] : [[id, d.p75]])),
        )
      : {};
  const gated = new Set(
    result.heldBy.map((id) => model.gates.find((g) => g.id === id)?.dimension).filter((d): d is string => !!d),
  );
  const ranked = peers.status === "ok" ? rankPriorities(model, result.dimensions, gated, targets) : result.priorities;
  const shown = ranked.slice(0, REPORT_PRIORITIES).map((p) => {
    const rec = model.recommendations.find((r) => r.dimension === p.dimension && r.level === p.level) ?? null;
    const scenes = rec
      ? matchScenes(catalogue, {
          dimension: p.dimension,
          recommended: rec.scenes ?? [],
          industryGroup,
          levels,
          limit: SCENES_PER_PRIORITY,
        })
      : [];
    return { p, rec, scenes };
  });
  const candidates = await casesForFirm(
    firm,
    {
      scenes: [...new Set(shown.flatMap((x) => x.scenes.map((m) => m.scene.slug)))],
      articles: [...new Set(shown.flatMap((x) => x.rec?.articles ?? []))],
    },
    { excludeFirmId: firm.id },
  );
  const casesFor = (scenes: string[], articles: number[]): ReportCase[] =>
    candidates
      .filter((c) => c.sceneSlugs.some((s) => scenes.includes(s)) || c.articles.some((a) => articles.includes(a)))
      .slice(0, CASES_PER_PRIORITY)
      .map((c) => ({
        id: c.id,
        title: c.content.title,
        sameIndustry: industryGroupOf(c.content.industryDivision) === industryGroup,
        fictional: c.isFictional,
      }));
  const submitted = earlier
    .filter((a) => a.status === "submitted" && a.overallScore !== null && a.stage !== null)
    .sort((a, b) => a.period.localeCompare(b.period));
  return {
    firmName: firm.name,
    period: assessment.period,
    submittedAt: (assessment.submittedAt ?? assessment.updatedAt).toISOString(),
    versions: { questionnaire: version.id, model: model.id, modelVersion: model.version },
    overall: result.overall,
    bandStage: result.bandStage,
    stage: { number: stage.stage, name: stage.name, description: stage.description, nextStep: stage.nextStep },
    nextStage: next ? { number: next.stage, name: next.name } : null,
    held: result.heldBy.map((id) => ({ id, explanation: model.gates.find((g) => g.id === id)!.explanation })),
    dimensions: result.dimensions.map((d) => ({
      ...d,
      name: dimension(d.id).name,
      weight: dimension(d.id).weight,
      articles: dimension(d.id).articles,
    })),
    peers,
    priorities: shown.map(({ p, rec, scenes }) => ({
      dimension: dimension(p.dimension).name,
      score: p.score,
      target: p.target,
      gap: p.gap,
      heldStage: p.heldStage,
      recommendation: rec
        ? {
            title: rec.title,
            actions: rec.actions,
            articles: rec.articles,
            scenes: scenes.map((m) => ({
              slug: m.scene.slug,
              title: m.scene.title,
              summary: m.scene.summary,
              sameIndustry: m.sameIndustry,
            })),
            cases: casesFor(
              scenes.map((m) => m.scene.slug),
              rec.articles,
            ),
          }
        : null,
    })),
    history: submitted.map((a, i) => ({
      period: a.period,
      overall: a.overallScore!,
      stage: a.stage!,
      change: i > 0 ? Math.round((a.overallScore! - submitted[i - 1]!.overallScore!) * 10) / 10 : null,
      current: a.id === assessment.id,
    })),
  };
}
