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
