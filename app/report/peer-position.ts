// A firm's place among its peers, from a release's published cells only: which peer group, which band.
// Pure. Nothing here sees another firm's score; the inputs are the firm's own score and published lines.
import type { OverallSummary, PublishedMetrics, ReleaseCell } from "~/statistics/types";

/** The peer hierarchy of DESIGN.md, narrowest first. */
export const PEER_LEVELS = ["division-size", "division", "group", "all"] as const;
export type PeerLevel = (typeof PEER_LEVELS)[number];

export interface PeerCandidate {
  level: PeerLevel;
  cell: ReleaseCell | undefined;
}

export type SkipReason = "not-in-release" | "suppressed" | "too-few";

export interface PeerChoice {
  level: PeerLevel;
  metrics: PublishedMetrics;
  /** The narrower groups passed over, and why. */
  skipped: Array<{ level: PeerLevel; reason: SkipReason }>;
}

/**
 * The narrowest published group with at least `k` firms besides the firm itself (`counted`: whether the
 * release counted the firm's own assessment).
 */
export function choosePeerGroup(candidates: readonly PeerCandidate[], counted: boolean, k: number): PeerChoice | null {
  const skipped: PeerChoice["skipped"] = [];
  for (const { level, cell } of candidates) {
    if (!cell) skipped.push({ level, reason: "not-in-release" });
    else if (cell.suppressed) skipped.push({ level, reason: "suppressed" });
    else if (cell.metrics.firms - (counted ? 1 : 0) < k) skipped.push({ level, reason: "too-few" });
    else return { level, metrics: cell.metrics, skipped };
  }
  return null;
}

export interface PositionBand {
  /** The finest published cut points: deciles, else quartiles, else the median. */
  kind: "decile" | "quartile" | "half";
  /** 1 = lowest band, `of` = highest. */
  band: number;
  of: number;
}

/** The band of `score` between the published cut points; a score on a cut point belongs to the band above. */
export function positionBand(score: number, overall: OverallSummary): PositionBand | null {
  const quartiles = [overall.p25, overall.median, overall.p75];
  const [kind, cuts] = overall.deciles
    ? (["decile", overall.deciles] as const)
    : quartiles.every((q) => q !== null)
      ? (["quartile", quartiles as number[]] as const)
      : overall.median !== null
        ? (["half", [overall.median]] as const)
        : [null, []];
  if (kind === null) return null;
  return { kind, band: 1 + cuts.filter((c) => score >= c).length, of: cuts.length + 1 };
}

/** Which histogram bin of the peer distribution holds `score`. */
export function histogramBin(edges: readonly number[], score: number): number {
  for (let k = 0; k < edges.length - 1; k++) if (score < edges[k + 1]! || k === edges.length - 2) return k;
  return 0;
}

/** A release as the peer search needs it: its number and the periods it covers. */
export interface ReleaseRef {
  number: number;
  periods: readonly string[];
}

/** A firm's assessment as a member of releases (see FirmSpan in release/read.server). */
export interface SpanRef {
  period: string;
  fromRelease: number;
  toRelease: number | null;
}

/** One place to look for peers: a period of a release, and whether that release counted the firm there. */
export interface PeerSource<R extends ReleaseRef> {
  period: string;
  release: R;
  counted: boolean;
}

/** Earlier periods the peer search goes back over when the assessment's own period has no usable group. */
export const EARLIER_PERIODS_TRIED = 3;

/**
 * Where to look for peers, in order: the assessment's own period in each release that covers it (newest
 * release first), then each earlier period (latest first, at most `earlier` of them) in the releases that
 * cover it. A period after the assessment's is never a source: a firm is compared with what had been
 * published about its own year or before, never with a year it did not take part in yet.
 */
export function peerSources<R extends ReleaseRef>(
  releases: readonly R[],
  period: string,
  spans: readonly SpanRef[],
  earlier = EARLIER_PERIODS_TRIED,
): Array<PeerSource<R>> {
  const newestFirst = [...releases].sort((a, b) => b.number - a.number);
  const before = [...new Set(newestFirst.flatMap((r) => r.periods))]
    .filter((p) => comparePeriods(p, period) < 0)
    .sort((a, b) => comparePeriods(b, a))
    .slice(0, earlier);
  return [period, ...before].flatMap((p) =>
    newestFirst
      .filter((r) => r.periods.includes(p))
      .map((release) => ({
        period: p,
        release,
        counted: spans.some(
          (s) =>
            s.period === p && s.fromRelease <= release.number && (s.toRelease === null || s.toRelease > release.number),
        ),
      })),
  );
}

/**
 * Periods in time order: a year ("2025") or a year with a wave ("2025-H1"). A wave sorts within its
 * year; the plain year sorts after its waves (it is the whole year's figure, complete last).
 */
export function comparePeriods(a: string, b: string): number {
  const [ya, wa] = [a.slice(0, 4), a.slice(5)];
  const [yb, wb] = [b.slice(0, 4), b.slice(5)];
  if (ya !== yb) return ya < yb ? -1 : 1;
  if (wa === wb) return 0;
  if (wa === "") return 1;
  if (wb === "") return -1;
  return wa < wb ? -1 : 1;
}
