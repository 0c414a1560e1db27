// Summaries of a published cell from exact score histograms. Scores are stored to one decimal, so a
// histogram of 1,001 bins (score × 10) holds every value exactly and quantiles equal percentile_cont.
import type { DisclosureRules, Histogram, OverallSummary, ScoreSummary } from "~/statistics/types";

export const BINS = 1001;
/** Marks a missing score in the ×10 integer encoding. */
export const NULL_SCORE = 0xffff;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The k-th smallest values (0-based ranks, ascending) of a histogram of n values, as score × 10. */
function ranked(hist: ArrayLike<number>, base: number, ranks: number[]): number[] {
  const out: number[] = [];
  let seen = 0;
  let k = 0;
  for (let b = 0; b < BINS && k < ranks.length; b++) {
    seen += hist[base + b]!;
    while (k < ranks.length && ranks[k]! < seen) {
      out.push(b);
      k++;
    }
  }
  return out;
}

/** percentile_cont over the histogram for each q (ascending), in score points. */
export function quantiles(hist: ArrayLike<number>, base: number, n: number, qs: number[]): number[] {
  const positions = qs.map((q) => q * (n - 1));
  const ranks = [...new Set(positions.flatMap((p) => [Math.floor(p), Math.ceil(p)]))].sort((a, b) => a - b);
  const value = new Map(ranked(hist, base, ranks).map((v, k) => [ranks[k]!, v]));
  return positions.map((p) => {
    const lo = value.get(Math.floor(p))!;
    const hi = value.get(Math.ceil(p))!;
    return (lo + (hi - lo) * (p - Math.floor(p))) / 10;
  });
}

/** Whether quantile q may be published for a cell of `units` independent firms. */
export const quantileAllowed = (units: number, q: number, rules: DisclosureRules): boolean =>
  units >= rules.minUnitsForScores && units * Math.min(q, 1 - q) >= rules.quantileTailUnits;

export const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

export function summary(
  hist: ArrayLike<number>,
  base: number,
  n: number,
  sumX10: number,
  units: number,
  rules: DisclosureRules,
): ScoreSummary {
  const [p25, median, p75] = quantiles(hist, base, n, [0.25, 0.5, 0.75]).map(Math.round);
  return {
    mean: round1(sumX10 / n / 10),
    median: quantileAllowed(units, 0.5, rules) ? median! : null,
    p25: quantileAllowed(units, 0.25, rules) ? p25! : null,
    p75: quantileAllowed(units, 0.75, rules) ? p75! : null,
  };
}

export function overallSummary(
  hist: ArrayLike<number>,
  base: number,
  n: number,
  sumX10: number,
  units: number,
  rules: DisclosureRules,
): OverallSummary {
  return {
    ...summary(hist, base, n, sumX10, units, rules),
    deciles: quantileAllowed(units, 0.1, rules) ? quantiles(hist, base, n, DECILES).map(Math.round) : null,
  };
}

/** Ten-point bands, adjacent ones merged (left to right) until every non-empty bin holds at least `minBin` firms. */
export function mergedHistogram(hist: ArrayLike<number>, base: number, minBin: number): Histogram {
  const band = new Array<number>(10).fill(0);
  for (let b = 0; b < BINS; b++) band[Math.min(9, Math.floor(b / 100))]! += hist[base + b]!;
  const edges = [0];
  const counts: number[] = [];
  let open = 0;
  for (let k = 0; k < 10; k++) {
    open += band[k]!;
    const last = k === 9;
    if (open >= minBin || (last && open === 0)) {
      edges.push((k + 1) * 10);
      counts.push(open);
      open = 0;
    }
  }
  if (open > 0) {
    // A small remainder at the top joins the bin below it.
    if (counts.length === 0) throw new Error("a published cell has fewer firms than a histogram bin");
    counts[counts.length - 1]! += open;
    edges[edges.length - 1] = 100;
  }
  return { edges, counts };
}

export function stageShares(stages: ArrayLike<number>, base: number, firms: number, count: number): number[] {
  return Array.from({ length: count }, (_, s) => round1((stages[base + s]! / firms) * 100));
}
