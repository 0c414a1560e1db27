// The firm report's peer benchmark: a few primary-key reads of the newest public release that covers the
// assessment's period, so its cost does not grow with the number of firms. It reads releases and cells only
// through release/read.server, so it sees exactly what the public sees and shares its cell cache.
import type { Assessment } from "~db/schema";
import { industryGroupOf } from "~/content/taxonomies.server";
import {
  choosePeerGroup,
  histogramBin,
  type PeerChoice,
  type PeerLevel,
  type PositionBand,
  positionBand,
} from "~/report/peer-position";
import { findCells, type PublicRelease, publicReleasesCovering } from "~/statistics/release/read.server";
import { ALL, DISCLOSURE_RULES, GROUP_PREFIX } from "~/statistics/types";

export interface PeerBenchmark {
  release: { number: number; label: string; publishedAt: string; synthetic: boolean };
  level: PeerLevel;
  skipped: PeerChoice["skipped"];
  firms: number;
  band: PositionBand | null;
  overall: { median: number | null; p75: number | null; mean: number };
  /** Per dimension id: the peer median and top quartile (null when not published). */
  dimensions: Record<string, { median: number | null; p75: number | null }>;
  histogram: { edges: number[]; counts: number[]; firmBin: number };
}

export type PeerOutcome =
  { status: "ok"; peers: PeerBenchmark } | { status: "no-release" | "not-submitted" | "no-group" };

const benchmarkable = (
  a: Assessment,
): a is Assessment & { industryDivision: string; sizeClass: string; overallScore: number } =>
  a.status === "submitted" && a.overallScore !== null && !!a.industryDivision && !!a.sizeClass;

export async function peerBenchmark(assessment: Assessment): Promise<PeerOutcome> {
  if (!benchmarkable(assessment)) return { status: "not-submitted" };
  // The newest public release that covers the period and has a usable group: a late submission can make a
  // newer release suppress the firm's groups (across-time rule) while an older one still serves.
  const releases = await publicReleasesCovering(assessment.questionnaireVersionId, assessment.period, assessment.id);
  if (releases.length === 0) return { status: "no-release" };
  for (const { release, counted } of releases) {
    const peers = await fromRelease(assessment, release, counted);
    if (peers) return { status: "ok", peers };
  }
  return { status: "no-group" };
}

async function fromRelease(
  assessment: Assessment & { industryDivision: string; sizeClass: string; overallScore: number },
  release: PublicRelease,
  counted: boolean,
): Promise<PeerBenchmark | null> {
  const division = assessment.industryDivision;
  const group = industryGroupOf(division);
  const keys: Array<[PeerLevel, string, string]> = [
    ["division-size", division, assessment.sizeClass],
    ["division", division, "*"],
    ["group", group ? GROUP_PREFIX + group : "-", "*"],
    ["all", "*", "*"],
  ];
  const cells = await findCells(release, {
    period: assessment.period,
    industry: [...new Set(keys.map(([, industry]) => industry))],
    region: ALL,
    size: [...new Set(keys.map(([, , size]) => size))],
  });
  const candidates = keys.map(([level, industry, size]) => ({
    level,
    cell: cells.find((c) => c.industry === industry && c.size === size),
  }));
  const choice = choosePeerGroup(candidates, counted, DISCLOSURE_RULES.kBenchmark);
  if (!choice) return null;
  const m = choice.metrics;
  const score = assessment.overallScore;
  return {
    release: {
      number: release.number,
      label: release.label,
      publishedAt: release.publishedAt!,
      synthetic: release.containsSynthetic,
    },
    level: choice.level,
    skipped: choice.skipped,
    firms: m.firms,
    band: positionBand(score, m.overall),
    overall: { median: m.overall.median, p75: m.overall.p75, mean: m.overall.mean },
    dimensions: Object.fromEntries(
      Object.entries(m.dimensions).map(([id, d]) => [id, { median: d?.median ?? null, p75: d?.p75 ?? null }]),
    ),
    histogram: {
      edges: m.histogram.edges,
      counts: m.histogram.counts,
      firmBin: histogramBin(m.histogram.edges, score),
    },
  };
}
