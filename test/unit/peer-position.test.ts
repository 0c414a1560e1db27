import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choosePeerGroup, histogramBin, type PeerCandidate, positionBand } from "~/report/peer-position";
import type { PublishedMetrics, ReleaseCell } from "~/statistics/types";

const metrics = (firms: number, deciles: number[] | null = null): PublishedMetrics => ({
  firms,
  overall: { mean: 50, median: 50, p25: firms >= 20 ? 40 : null, p75: firms >= 20 ? 60 : null, deciles },
  dimensions: {},
  stageShares: [0, 0, 100, 0, 0],
  histogram: { edges: [0, 100], counts: [firms] },
});
const cell = (firms: number): ReleaseCell => ({
  period: "2025",
  industry: "C36",
  region: "*",
  size: "*",
  suppressed: false,
  reason: null,
  metrics: metrics(firms),
});
const suppressed: ReleaseCell = {
  period: "2025",
  industry: "C36",
  region: "*",
  size: "small",
  suppressed: true,
  reason: "threshold",
  metrics: null,
};

describe("peer group", () => {
  it("widens up the hierarchy past suppressed, missing and small groups, and says why", () => {
    const candidates: PeerCandidate[] = [
      { level: "division-size", cell: suppressed },
      { level: "division", cell: cell(10) },
      { level: "group", cell: cell(40) },
      { level: "all", cell: cell(400) },
    ];
    const choice = choosePeerGroup(candidates, true, 10)!;
    expect(choice.level).toBe("group");
    expect(choice.skipped).toEqual([
      { level: "division-size", reason: "suppressed" },
      { level: "division", reason: "too-few" },
    ]);
    // A firm the release did not count leaves ten others in the division.
    expect(choosePeerGroup(candidates, false, 10)!.level).toBe("division");
    expect(choosePeerGroup([{ level: "all", cell: undefined }], false, 10)).toBeNull();
  });
});

describe("position band", () => {
  it("is monotone in the score and stays within 1…of", () => {
    const deciles = [10, 20, 30, 40, 50, 60, 70, 80, 90];
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const bl = positionBand(lo, metrics(100, deciles).overall)!;
          const bh = positionBand(hi, metrics(100, deciles).overall)!;
          expect(bl.kind).toBe("decile");
          expect(bl.band).toBeLessThanOrEqual(bh.band);
          expect(bl.band).toBeGreaterThanOrEqual(1);
          expect(bh.band).toBeLessThanOrEqual(10);
        },
      ),
    );
  });

  it("falls back to quartiles, then the median, with fewer firms", () => {
    expect(positionBand(65, metrics(25).overall)).toEqual({ kind: "quartile", band: 4, of: 4 });
    expect(positionBand(45, metrics(12).overall)).toEqual({ kind: "half", band: 1, of: 2 });
  });

  it("places a score in the histogram bin that holds it", () => {
    expect(histogramBin([0, 30, 60, 100], 29.9)).toBe(0);
    expect(histogramBin([0, 30, 60, 100], 30)).toBe(1);
    expect(histogramBin([0, 30, 60, 100], 100)).toBe(2);
  });
});
