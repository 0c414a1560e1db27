// Disclosure control on small random cubes, attacked with exact linear algebra written apart from the app.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "~/platform/seeded-random";
import {
  cellCoordinates,
  type CubeShape,
  cubeShape,
  interiorAncestors,
  relations,
} from "~/statistics/disclosure/cube-shape";
import { NULL_SCORE, quantiles } from "~/statistics/disclosure/metrics";
import { buildPeriodCube, type CubeContext, type PeriodRecords } from "~/statistics/disclosure/period-cube";
import type { EarlierPeriod } from "~/statistics/disclosure/suppression";
import { DISCLOSURE_RULES, type ReleaseCell } from "~/statistics/types";
import { ExactSpan } from "~test/support/exact-span";

const shape = cubeShape({
  groups: [
    { id: "a", divisions: ["C13", "C14"] },
    { id: "b", divisions: ["C15", "C16", "C17"] },
  ],
  regions: ["110000", "120000", "130000"],
  sizes: ["large", "small"],
});
const ctx: CubeContext = {
  shape,
  relations: relations(shape),
  interior: interiorAncestors(shape),
  rules: DISCLOSURE_RULES,
  dimensionIds: ["d1"],
};
const interiorCells = [...ctx.interior.keys()];

interface Firm {
  cell: number;
  score: number;
  unit: number;
}

const firmArb = fc.record({
  cell: fc.constantFrom(...interiorCells),
  score: fc.integer({ min: 0, max: 1000 }),
  unit: fc.integer({ min: -8, max: 3 }).map((u) => (u < 0 ? -1 : u)),
});
/** Firms bunched into a few cells, so that some cells are big and many small. */
const populationArb = fc
  .array(fc.tuple(fc.constantFrom(...interiorCells), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 14 })
  .chain((clusters) =>
    fc
      .tuple(
        ...clusters.map(([cell, n]) =>
          fc.array(
            firmArb.map((f) => ({ ...f, cell })),
            { minLength: n, maxLength: n },
          ),
        ),
      )
      .map((xs) => xs.flat()),
  );

function records(firms: Firm[]): PeriodRecords {
  return {
    count: firms.length,
    interior: Int32Array.from(firms.map((f) => f.cell)),
    unit: Int32Array.from(firms.map((f) => f.unit)),
    stage: Uint8Array.from(firms.map((f) => Math.min(5, 1 + Math.floor(f.score / 200)))),
    scores: [
      Uint16Array.from(firms.map((f) => f.score)),
      Uint16Array.from(firms.map((f) => (f.score % 7 === 0 ? NULL_SCORE : f.score))),
    ],
  };
}

const indexOf = (s: CubeShape, c: ReleaseCell) => {
  const i = s.industry.indexOf.get(c.industry)!;
  const r = s.region.indexOf.get(c.region)!;
  const z = s.size.indexOf.get(c.size)!;
  return (i * s.region.values.length + r) * s.size.values.length + z;
};

/** Does cell `outer` contain interior cell `inner`? Decided from keys alone, not from the app's ancestor lists. */
function contains(outer: number, inner: number): boolean {
  const [oi, or, os] = cellCoordinates(shape, outer);
  const [ii, ir, is] = cellCoordinates(shape, inner);
  const up = (d: CubeShape["industry"], o: number, v: number) => {
    for (let x = v; x !== -1; x = d.parent[x]!) if (x === o) return true;
    return false;
  };
  return up(shape.industry, oi, ii) && up(shape.region, or, ir) && up(shape.size, os, is);
}

const units = (firms: Firm[], cell: number) => {
  const inside = firms.filter((f) => contains(cell, f.cell));
  return inside.filter((f) => f.unit < 0).length + new Set(inside.filter((f) => f.unit >= 0).map((f) => f.unit)).size;
};

describe("primary suppression", () => {
  it("publishes only cells with at least 10 independent firms and no dominant stage", () => {
    fc.assert(
      fc.property(populationArb, (firms) => {
        const cube = buildPeriodCube(ctx, "2025", records(firms), [], seededRandom(1));
        for (const c of cube.cells) {
          const inside = firms.filter((f) => contains(indexOf(shape, c), f.cell));
          expect(inside.length).toBeGreaterThan(0);
          if (c.suppressed) continue;
          expect(units(firms, indexOf(shape, c))).toBeGreaterThanOrEqual(10);
          expect(c.metrics.firms).toBe(inside.length);
          const stages = [1, 2, 3, 4, 5].map(
            (s) => inside.filter((f) => Math.min(5, 1 + Math.floor(f.score / 200)) === s).length,
          );
          expect(Math.max(...stages)).toBeLessThan(inside.length - 1);
          expect(c.metrics.histogram.counts.every((n) => n === 0 || n >= 3)).toBe(true);
          expect(c.metrics.histogram.counts.reduce((a, b) => a + b, 0)).toBe(inside.length);
          const n = units(firms, indexOf(shape, c));
          if (n < 20) expect(c.metrics.overall.p25).toBeNull();
          if (n < 50) expect(c.metrics.overall.deciles).toBeNull();
          expect(
            Math.abs(c.metrics.overall.mean - inside.reduce((a, f) => a + f.score, 0) / inside.length / 10),
          ).toBeLessThanOrEqual(0.0500001);
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe("secondary suppression, attacked with exact linear algebra", () => {
  it("leaves no suppressed cell in the span of published cells", () => {
    fc.assert(
      fc.property(populationArb, (firms) => {
        const cube = buildPeriodCube(ctx, "2025", records(firms), [], seededRandom(2));
        const live = interiorCells.filter((c) => firms.some((f) => f.cell === c));
        const rowOf = (cell: number) => live.map((i) => (contains(cell, i) ? 1 : 0));
        const span = new ExactSpan(live.length);
        for (const c of cube.cells) if (!c.suppressed) span.add(rowOf(indexOf(shape, c)));
        for (const c of cube.cells)
          if (c.suppressed)
            expect(span.inSpan(rowOf(indexOf(shape, c))), `${c.industry}/${c.region}/${c.size}`).toBe(false);
      }),
      { numRuns: 120 },
    );
  });
});

const stageOf = (f: Firm) => Math.min(5, 1 + Math.floor(f.score / 200));
/** The same cube without the count rule for stages (no stage of 1 firm or more is below 1): the cell pattern alone. */
const cellsOnly: CubeContext = { ...ctx, rules: { ...DISCLOSURE_RULES, minFirmsPerStage: 1 } };

describe("the count rule inside published cells (stage distributions)", () => {
  it("publishes no stage with 1 or 2 firms, and withholds only the stage shares of a cell", () => {
    fc.assert(
      fc.property(populationArb, (firms) => {
        const cube = buildPeriodCube(ctx, "2025", records(firms), [], seededRandom(5));
        const plain = buildPeriodCube(cellsOnly, "2025", records(firms), [], seededRandom(5));
        expect(cube.cells.map((c) => c.reason)).toEqual(plain.cells.map((c) => c.reason));
        cube.cells.forEach((c, k) => {
          if (c.suppressed) return;
          const inside = firms.filter((f) => contains(indexOf(shape, c), f.cell));
          const stages = [1, 2, 3, 4, 5].map((s) => inside.filter((f) => stageOf(f) === s).length);
          const { stageShares, stageReason } = c.metrics;
          // Everything but the stage shares is what the cell pattern alone publishes.
          const blank = { stageShares: null, stageReason: null };
          expect({ ...c.metrics, ...blank }).toEqual({ ...plain.cells[k]!.metrics, ...blank });
          if (stageShares === null) {
            expect(["threshold", "secondary"]).toContain(stageReason);
            if (stageReason === "threshold") expect(stages.some((n) => n === 1 || n === 2)).toBe(true);
            return;
          }
          expect(stageReason).toBeNull();
          // What a reader computes: share × firms, a count of firms, never 1 or 2.
          for (const share of stageShares) {
            const count = Math.round((share * c.metrics.firms) / 100);
            expect(count === 0 || count >= DISCLOSURE_RULES.minFirmsPerStage).toBe(true);
          }
          expect(stages.every((n) => n === 0 || n >= 3)).toBe(true);
        });
      }),
      { numRuns: 80 },
    );
  });

  it("leaves no withheld stage distribution in the span of the published ones", () => {
    let withheld = 0;
    fc.assert(
      fc.property(populationArb, (firms) => {
        const cube = buildPeriodCube(ctx, "2025", records(firms), [], seededRandom(6));
        const live = interiorCells.filter((c) => firms.some((f) => f.cell === c));
        const rowOf = (cell: number) => live.map((i) => (contains(cell, i) ? 1 : 0));
        // Stage counts add up like firms: a cell's stage-s count is the sum of its interior cells' counts.
        const span = new ExactSpan(live.length);
        for (const c of cube.cells) if (!c.suppressed && c.metrics.stageShares) span.add(rowOf(indexOf(shape, c)));
        for (const c of cube.cells)
          if (c.suppressed || !c.metrics.stageShares) {
            if (!c.suppressed) withheld++;
            expect(span.inSpan(rowOf(indexOf(shape, c))), `${c.industry}/${c.region}/${c.size}`).toBe(false);
          }
      }),
      { numRuns: 120 },
    );
    // The property is not empty: random cubes do withhold stage distributions.
    expect(withheld).toBeGreaterThan(20);
  });
});

describe("across releases: the snapshot-differencing attack", () => {
  const change = fc.oneof(
    fc.record({ kind: fc.constant("add" as const), firm: firmArb.map((f) => ({ ...f, unit: -1 })) }),
    fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("change" as const), at: fc.nat(), score: fc.integer({ min: 0, max: 1000 }) }),
  );

  it("cannot isolate the one firm that was added, removed or changed", () => {
    fc.assert(
      fc.property(populationArb, change, (firms, ch) => {
        const first = buildPeriodCube(ctx, "2025", records(firms), [], seededRandom(3));
        let next = firms.slice();
        let moved: Firm;
        if (ch.kind === "add") next.push((moved = ch.firm));
        else if (ch.kind === "remove") {
          next = next.filter((_, k) => k !== ch.at % firms.length);
          moved = firms[ch.at % firms.length]!;
        } else next[ch.at % firms.length] = { ...(moved = firms[ch.at % firms.length]!), score: ch.score };
        const changedUnits = new Int32Array(shape.cellCount);
        for (const a of ctx.interior.get(moved.cell)!) changedUnits[a] = 1;
        const earlier: EarlierPeriod = {
          published: first.published,
          suppressed: first.suppressed,
          changedUnits,
          stagesWithheld: first.stagesWithheld,
        };
        const second = buildPeriodCube(ctx, "2025", records(next), [earlier], seededRandom(4));
        // Unknowns: every interior cell's old value, plus the firm's contribution d. Old cells know x; new cells know x + d·[cell ∋ firm].
        const live = interiorCells.filter((c) => firms.some((f) => f.cell === c) || c === moved.cell);
        const span = new ExactSpan(live.length + 1);
        const row = (cell: number, withD: boolean) => [
          ...live.map((i) => (contains(cell, i) ? 1 : 0)),
          withD && contains(cell, moved.cell) ? 1 : 0,
        ];
        for (let c = 0; c < shape.cellCount; c++) {
          if (first.published[c]) span.add(row(c, false));
          if (second.published[c]) span.add(row(c, true));
        }
        expect(span.inSpan([...live.map(() => 0), 1])).toBe(false);
        // The same attack on stage counts, from the cells whose stage shares both releases published.
        const stageSpan = new ExactSpan(live.length + 1);
        for (let c = 0; c < shape.cellCount; c++) {
          if (first.published[c] && !first.stagesWithheld[c]) stageSpan.add(row(c, false));
          if (second.published[c] && !second.stagesWithheld[c]) stageSpan.add(row(c, true));
        }
        expect(stageSpan.inSpan([...live.map(() => 0), 1])).toBe(false);
        // And what was suppressed stays suppressed; a withheld stage distribution stays withheld.
        for (let c = 0; c < shape.cellCount; c++) {
          if (first.suppressed[c] && second.counts.firms[c]! > 0) expect(second.published[c]).toBe(0);
          if (first.stagesWithheld[c] && second.published[c]) expect(second.stagesWithheld[c]).toBe(1);
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe("quantiles from histograms", () => {
  it("equal percentile_cont over the sorted scores", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, q) => {
          const hist = new Uint32Array(1001);
          for (const x of xs) hist[x]!++;
          const sorted = xs.slice().sort((a, b) => a - b);
          const pos = q * (sorted.length - 1);
          const lo = sorted[Math.floor(pos)]!;
          const hi = sorted[Math.ceil(pos)]!;
          expect(quantiles(hist, 0, xs.length, [q])[0]).toBeCloseTo((lo + (hi - lo) * (pos - Math.floor(pos))) / 10, 6);
        },
      ),
    );
  });
});
