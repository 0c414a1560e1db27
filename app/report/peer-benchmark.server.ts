// The firm report's peer benchmark: a few primary-key reads of public releases, so its cost does not grow
// with the number of firms. It looks at the assessment's own period first and, when no release has a usable
// peer group there, at the latest earlier period that has one (peer-position.ts `peerSources`). It reads
// releases and cells only through release/read.server, so it sees exactly what the public sees and shares
// its cell cache; the firm's score is placed against published cut points, never added to them (no what-if).
import type { Assessment } from "~db/schema";
import type { Localized } from "~/content/schemas";
import { industries, industryDivision, industryGroupOf } from "~/content/taxonomies.server";
import {
  choosePeerGroup,
  histogramBin,
  type PeerChoice,
  type PeerLevel,
  peerSources,
  type PositionBand,
  positionBand,
} from "~/report/peer-position";
import { findCells, peerReleases, type PublicRelease } from "~/statistics/release/read.server";
import { ALL, DISCLOSURE_RULES, GROUP_PREFIX } from "~/statistics/types";

export interface PeerBenchmark {
  release: { number: number; label: string; publishedAt: string; synthetic: boolean };
  /** The period whose published figures the firm is compared with. */
  period: string;
  /**
   * Null when that is the assessment's own period. Otherwise why the own period could not serve: no public
   * release covers it, or the releases that do have no peer group with enough other firms.
   */
  fallback: { from: string; reason: "no-release" | "no-group" } | null;
  /** The chosen group by name: the division (or the industry group) and the size class, when narrowed to them. */
  group: { industry: { code: string | null; name: Localized } | null; size: string | null };
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
  const { releases, spans } = await peerReleases(assessment.questionnaireVersionId, assessment.firmId);
  const sources = peerSources(releases, assessment.period, spans);
  const ownCovered = sources.some((s) => s.period === assessment.period);
  for (const { period, release, counted } of sources) {
    const peers = await fromRelease(assessment, period, release, counted);
    if (peers) {
      const fallback =
        period === assessment.period
          ? null
          : { from: assessment.period, reason: ownCovered ? ("no-group" as const) : ("no-release" as const) };
      return { status: "ok", peers: { ...peers, fallback } };
    }
  }
  return { status: ownCovered ? "no-group" : "no-release" };
}

function groupOf(level: PeerLevel, division: string, size: string): PeerBenchmark["group"] {
  const d = industryDivision(division);
  const g = industries().groups.find((x) => x.id === d?.group);
  switch (level) {
    case "division-size":
    case "division":
      return {
        industry: d ? { code: d.code, name: { zh: d.zh, en: d.en } } : null,
        size: level === "division-size" ? size : null,
      };
    case "group":
      return { industry: g ? { code: null, name: { zh: g.zh, en: g.en } } : null, size: null };
    case "all":
      return { industry: null, size: null };
  }
}

async function fromRelease(
  assessment: Assessment & { industryDivision: string; sizeClass: string; overallScore: number },
  period: string,
  release: PublicRelease,
  counted: boolean,
): Promise<Omit<PeerBenchmark, "fallback"> | null> {
  const division = assessment.industryDivision;
  const group = industryGroupOf(division);
  const keys: Array<[PeerLevel, string, string]> = [
    ["division-size", division, assessment.sizeClass],
    ["division", division, "*"],
    ["group", group ? GROUP_PREFIX + group : "-", "*"],
    ["all", "*", "*"],
  ];
  const cells = await findCells(release, {
    period,
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
    period,
    group: groupOf(choice.level, division, assessment.sizeClass),
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
