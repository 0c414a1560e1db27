// The shape of a statistics release: the cube of DESIGN.md (industry × region × size × period, with every
// margin), its cells and what a published cell carries. Shared by the release builder, the pages, the open
// data API and the firm report, so every format serves the same numbers.

/**
 * A release's statuses: building (its transaction is open), built (complete, not public; staff may preview
 * it), published (the newest public one), superseded (public, followed by a newer published one), withdrawn
 * (was public, taken back: listed in the history, its cells no longer served, still counted by the
 * across-time checks). The one list: db/schema.ts feeds its enum from it.
 */
export const RELEASE_STATUSES = ["building", "built", "published", "superseded", "withdrawn"] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];
/** The statuses of a public release, the only ones pages, downloads and the API ever serve. */
export const PUBLIC_RELEASE_STATUSES = ["published", "superseded"] as const satisfies readonly ReleaseStatus[];

/** `*` is the margin ("all") of a dimension. */
export const ALL = "*";

/**
 * Industry key: `*` (all manufacturing), `G:<group id>` (an industry group of content/taxonomies/industries.json),
 * or a GB/T 4754 division code such as `C36`.
 */
export type IndustryKey = string;
/** Region key: `*` (whole country) or a GB/T 2260 province code such as `330000`. */
export type RegionKey = string;
/** Size key: `*` or a size class: large, medium, small, micro. */
export type SizeKey = string;

export interface CellKey {
  period: string;
  industry: IndustryKey;
  region: RegionKey;
  size: SizeKey;
}

export const GROUP_PREFIX = "G:";

/** Why a cell is suppressed; a page shows the mark and the reason, never a 0. */
export const SUPPRESSION_REASONS = [
  "threshold", // fewer than 10 independent firms (groups of companies count once); of stage shares: a stage with 1 or 2 firms
  "dominance", // n−1 or more firms in one stage
  "secondary", // would let a suppressed cell be computed from published ones
  "carried", // suppressed in an earlier release for the same period
  "across-time", // changed by fewer than 10 firms since an earlier release that published it
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** Summary of one score (overall or a dimension) in a published cell. Means 1 decimal, quantiles whole points. */
export interface ScoreSummary {
  mean: number;
  /** Published when n ≥ 10. */
  median: number | null;
  /** Published when n·0.25 ≥ 5, i.e. n ≥ 20. */
  p25: number | null;
  p75: number | null;
}

export interface OverallSummary extends ScoreSummary {
  /** p10, p20, …, p90 (nine cut points), published when n·0.1 ≥ 5, i.e. n ≥ 50. */
  deciles: number[] | null;
}

/** Firms per score band; adjacent bands are merged until every non-empty bin holds at least 3 firms. */
export interface Histogram {
  /** Bin edges, ascending, first 0 and last 100; bin i is [edges[i], edges[i+1]), the last one closed. */
  edges: number[];
  counts: number[];
}

export interface PublishedMetrics {
  /** Firms assessed in the cell. */
  firms: number;
  overall: OverallSummary;
  /** Keyed by the benchmark model's dimension ids; null when fewer than 10 firms have a score for it. */
  dimensions: Record<string, ScoreSummary | null>;
  /**
   * Share of firms (percent, 1 decimal) at stage 1…5; null when the cell's stage distribution is withheld
   * (a stage with 1 or 2 firms, or protecting such a distribution), while the rest of the cell is published.
   */
  stageShares: number[] | null;
  /** Why stageShares is withheld; null when published. Absent in releases built before the rule (read as null). */
  stageReason?: SuppressionReason | null;
  histogram: Histogram;
}

export type ReleaseCell =
  | (CellKey & { suppressed: false; reason: null; metrics: PublishedMetrics })
  | (CellKey & { suppressed: true; reason: SuppressionReason; metrics: null });

/** The disclosure rules a release was built with, stored in its methodology note. */
export interface DisclosureRules {
  /** Score statistics (mean, median, stage shares, histogram) need at least this many units. */
  minUnitsForScores: number;
  /** Counts of firms need at least this many units (a cell is published whole or suppressed whole). */
  minUnitsForCounts: number;
  /** A quantile q needs n·min(q, 1−q) ≥ this. */
  quantileTailUnits: number;
  /** A stage distribution with at least n − this many units in one stage is suppressed. */
  dominanceSlack: number;
  /** A cell published by an earlier release may be republished only if unchanged or changed by at least this many units. */
  minChangedUnits: number;
  /**
   * A published stage distribution has no stage with 1 … this − 1 firms (a share × firms is a count); 0 is
   * allowed. Otherwise the cell publishes everything but its stage shares.
   */
  minFirmsPerStage: number;
  /** Histogram bins are merged until each non-empty bin holds at least this many firms. */
  minHistogramBin: number;
  /** Peer groups need at least this many firms other than the firm itself. */
  kBenchmark: number;
}

export const DISCLOSURE_RULES: DisclosureRules = {
  minUnitsForScores: 10,
  minUnitsForCounts: 3,
  quantileTailUnits: 5,
  dominanceSlack: 1,
  minChangedUnits: 10,
  minFirmsPerStage: 3,
  minHistogramBin: 3,
  kBenchmark: 10,
};
