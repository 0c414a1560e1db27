// Where the report looks for peers: its own period first, then the latest earlier published period.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choosePeerGroup, comparePeriods, peerSources } from "~/report/peer-position";

const periods = ["2022", "2023", "2024-H1", "2024", "2025", "2026"];
const releaseArb = fc.uniqueArray(
  fc.record({ number: fc.integer({ min: 1, max: 30 }), periods: fc.subarray(periods, { minLength: 1 }) }),
  { selector: (r) => r.number, maxLength: 8 },
);

describe("peer sources", () => {
  it("orders the own period first, then earlier periods latest first, and never a later period", () => {
    fc.assert(
      fc.property(releaseArb, fc.constantFrom(...periods), (releases, period) => {
        const sources = peerSources(releases, period, []);
        for (const s of sources) {
          expect(comparePeriods(s.period, period)).toBeLessThanOrEqual(0);
          expect(s.release.periods).toContain(s.period);
        }
        for (let i = 1; i < sources.length; i++) {
          const [a, b] = [sources[i - 1]!, sources[i]!];
          if (a.period === b.period) expect(a.release.number).toBeGreaterThan(b.release.number);
          else expect(comparePeriods(a.period, b.period)).toBeGreaterThan(0);
        }
        if (releases.some((r) => r.periods.includes(period))) expect(sources[0]!.period).toBe(period);
      }),
    );
  });

  it("the first usable source is the latest usable period, its newest release, and a published cell as is", () => {
    fc.assert(
      fc.property(releaseArb, fc.constantFrom(...periods), fc.func(fc.boolean()), (releases, period, usable) => {
        const sources = peerSources(releases, period, []);
        const metrics = (p: string, n: number) => ({ firms: 50, tag: `${p}#${n}` });
        // A stand-in for the published cells: each source has one cell, usable or suppressed.
        const pick = sources.find((s) => {
          const cell = {
            suppressed: !usable(s.period, s.release.number),
            metrics: metrics(s.period, s.release.number),
          };
          return choosePeerGroup([{ level: "all", cell: cell as never }], s.counted, 10) !== null;
        });
        if (!pick) return;
        const later = sources.filter((s) => comparePeriods(s.period, pick.period) > 0);
        for (const s of later) expect(usable(s.period, s.release.number)).toBe(false);
        const cell = { suppressed: false, metrics: metrics(pick.period, pick.release.number) };
        // No what-if: the chosen metrics are the published cell's own object, untouched.
        expect(choosePeerGroup([{ level: "all", cell: cell as never }], pick.counted, 10)!.metrics).toBe(cell.metrics);
      }),
    );
  });

  it("marks a source counted only when the firm's own assessment of that period was a member of that release", () => {
    const releases = [
      { number: 3, periods: ["2024", "2025"] },
      { number: 2, periods: ["2024"] },
    ];
    const spans = [{ period: "2024", fromRelease: 3, toRelease: null }];
    const sources = peerSources(releases, "2026", spans);
    expect(sources.map((s) => [s.period, s.release.number, s.counted])).toEqual([
      ["2025", 3, false],
      ["2024", 3, true],
      ["2024", 2, false],
    ]);
    // Firms besides the firm itself: a counted source needs one firm more.
    const cell = { suppressed: false, metrics: { firms: 10 } } as never;
    expect(choosePeerGroup([{ level: "all", cell }], true, 10)).toBeNull();
    expect(choosePeerGroup([{ level: "all", cell }], false, 10)).not.toBeNull();
  });

  it("sorts a year's waves before the whole year", () => {
    expect(["2025", "2024", "2025-H1", "2024-Q3"].sort(comparePeriods)).toEqual(["2024-Q3", "2024", "2025-H1", "2025"]);
  });
});
