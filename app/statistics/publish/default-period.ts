// Which period a statistics page opens on when the URL names none. The newest period of a release can
// be thin (the current year, a few weeks in): opening on it shows mostly suppressed marks. Pure.
import { ALL, type ReleaseCell } from "~/statistics/types";

/** A period is well populated when it publishes at least this share of the best period's region cells. */
export const WELL_POPULATED_SHARE = 0.5;

/**
 * The latest period whose national cell is published and whose published regional cells (all industries,
 * all sizes) number at least half of the best period's; the latest period when none qualifies.
 * `cells`: the release's cells with industry and size at the margin (national and per region).
 */
export function defaultPeriod(periods: readonly string[], cells: readonly ReleaseCell[]): string {
  const sorted = [...periods].sort();
  const latest = sorted[sorted.length - 1];
  if (latest === undefined) throw new Error("a release has at least one period");
  const regional = new Map<string, number>();
  const national = new Set<string>();
  for (const c of cells) {
    if (c.suppressed || c.industry !== ALL || c.size !== ALL) continue;
    if (c.region === ALL) national.add(c.period);
    else regional.set(c.period, (regional.get(c.period) ?? 0) + 1);
  }
  const best = Math.max(0, ...regional.values());
  const wellPopulated = (p: string) =>
    national.has(p) && (regional.get(p) ?? 0) >= Math.ceil(best * WELL_POPULATED_SHARE);
  return [...sorted].reverse().find(wellPopulated) ?? latest;
}
