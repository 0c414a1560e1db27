// The period a statistics page opens on: the latest well-populated one, never a thin current year.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultPeriod, WELL_POPULATED_SHARE } from "~/statistics/publish/default-period";
import { ALL, type PublishedMetrics, type ReleaseCell } from "~/statistics/types";

const METRICS: PublishedMetrics = {
  firms: 40,
  overall: { mean: 55.2, median: 55, p25: 45, p75: 66, deciles: null },
  dimensions: {},
  stageShares: [10, 20, 40, 20, 10],
  histogram: { edges: [0, 100], counts: [40] },
};

const PERIODS = ["2022", "2023", "2024", "2025", "2026"];
const REGIONS = ["110000", "320000", "330000", "440000", "510000", "650000"];

function cell(period: string, region: string, published: boolean, size = ALL): ReleaseCell {
  const key = { period, industry: ALL, region, size };
  return published
    ? { ...key, suppressed: false, reason: null, metrics: METRICS }
    : { ...key, suppressed: true, reason: "threshold", metrics: null };
}

/** Per period: whether the national cell is published and how many regional cells are. */
const shape = fc.array(fc.record({ national: fc.boolean(), regional: fc.nat({ max: REGIONS.length }) }), {
  minLength: 1,
  maxLength: PERIODS.length,
});

const cellsOf = (s: Array<{ national: boolean; regional: number }>) =>
  s.flatMap((p, i) => [
    cell(PERIODS[i]!, ALL, p.national),
    ...REGIONS.map((r, k) => cell(PERIODS[i]!, r, k < p.regional)),
    // Cells off the margins never count.
    cell(PERIODS[i]!, REGIONS[0]!, true, "small"),
  ]);

describe("defaultPeriod", () => {
  it("is the latest period with a published national cell and at least half the best regional coverage", () => {
    fc.assert(
      fc.property(shape, (s) => {
        const periods = PERIODS.slice(0, s.length);
        const chosen = defaultPeriod([...periods].reverse(), cellsOf(s));
        const best = Math.max(...s.map((p) => p.regional));
        const ok = (i: number) => s[i]!.national && s[i]!.regional >= Math.ceil(best * WELL_POPULATED_SHARE);
        const qualifying = s.map((_, i) => i).filter(ok);
        const expected = qualifying.length ? periods[qualifying[qualifying.length - 1]!] : periods[periods.length - 1];
        expect(chosen).toBe(expected);
      }),
    );
  });

  it("passes over a thin current year", () => {
    const s = [
      { national: true, regional: 6 },
      { national: true, regional: 5 },
      { national: true, regional: 1 },
    ];
    expect(defaultPeriod(PERIODS.slice(0, 3), cellsOf(s))).toBe("2023");
    expect(defaultPeriod(PERIODS.slice(0, 3), cellsOf([...s.slice(0, 2), { national: false, regional: 6 }]))).toBe(
      "2023",
    );
    expect(defaultPeriod(PERIODS.slice(0, 3), cellsOf([...s.slice(0, 2), { national: true, regional: 3 }]))).toBe(
      "2024",
    );
  });
});
