// The interval audit (decision 038) on small random cubes with a city layer: after the build, an outsider's
// LP attack (test/support/lp-attack.ts, its own unknowns and model, written apart from the audit) confines
// no suppressed count below 3 firms and no score total of a small cell to the protection interval or less.
// Without the audit the same attack finds such cells, so it cannot pass vacuously.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "~/platform/seeded-random";
import {
  cellKey,
  citySlot,
  cubeShape,
  interiorAncestors,
  relations,
  unknownCity,
} from "~/statistics/disclosure/cube-shape";
import { loadHighsSolver } from "~/statistics/disclosure/highs-solver";
import type { LpSolver } from "~/statistics/disclosure/interval-audit";
import { buildPeriodCube, type CubeContext, type PeriodRecords } from "~/statistics/disclosure/period-cube";
import { DISCLOSURE_RULES, GROUP_PREFIX } from "~/statistics/types";
import { type AttackCell, lpAttack } from "~test/support/lp-attack";

const provinces = { "110000": ["110100"], "130000": ["130100", "130200"], "140000": ["140100", "140200"] };
const divisions = ["C13", "C14", "C15", "C16"];
const groups = [
  { id: "a", divisions: ["C13", "C14"] },
  { id: "b", divisions: ["C15", "C16"] },
];
const shape = cubeShape({
  groups,
  regions: Object.keys(provinces),
  sizes: ["large", "small"],
  cities: Object.entries(provinces).flatMap(([province, cities]) => cities.map((code) => ({ code, province }))),
});
const ctx: CubeContext = {
  shape,
  relations: relations(shape),
  interior: interiorAncestors(shape),
  rules: DISCLOSURE_RULES,
  dimensionIds: [],
};
const layer = shape.city!;

interface Firm {
  division: string;
  province: keyof typeof provinces;
  size: string;
  city: string | null;
  score: number;
}
const firmArb = fc
  .record({
    division: fc.constantFrom(...divisions),
    province: fc.constantFrom(...(Object.keys(provinces) as Array<keyof typeof provinces>)),
    size: fc.constantFrom("large", "small"),
    pick: fc.integer({ min: -1, max: 1 }),
    score: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ pick, ...f }) => ({ ...f, city: pick < 0 ? null : (provinces[f.province][pick] ?? null) }));
/** Firms bunched into a few kinds (cells big and small), plus a few strays (cells of one or two firms). */
const populationArb = fc
  .tuple(
    fc.array(fc.tuple(firmArb, fc.integer({ min: 5, max: 30 })), { minLength: 2, maxLength: 6 }),
    fc.array(firmArb, { maxLength: 6 }),
  )
  .chain(([clusters, strays]) =>
    fc
      .tuple(
        ...clusters.map(([f, n]) =>
          fc.array(
            firmArb.map((g) => ({ ...g, ...f, score: g.score })),
            { minLength: n, maxLength: n },
          ),
        ),
      )
      .map((xs) => [...xs.flat(), ...strays]),
  );

const leafOf = (f: Firm) => {
  const i = shape.industry.leafIndex.get(f.division)!;
  const r = shape.region.leafIndex.get(f.province)!;
  const s = shape.size.leafIndex.get(f.size)!;
  return (i * shape.region.values.length + r) * shape.size.values.length + s;
};
const records = (firms: Firm[]): PeriodRecords => ({
  count: firms.length,
  interior: Int32Array.from(firms.map(leafOf)),
  city: Int32Array.from(firms.map((f) => citySlot(shape, shape.region.leafIndex.get(f.province)!, f.city))),
  unit: Int32Array.from(firms.map(() => -1)),
  stage: Uint8Array.from(firms.map((f) => Math.min(5, 1 + Math.floor(f.score / 200)))),
  scores: [Uint16Array.from(firms.map((f) => f.score))],
});

const groupOf = (division: string) => groups.find((g) => g.divisions.includes(division))!.id;
type Part = { division: string; province: string; size: string; city: string };
/** Does the cell, by its key alone, hold this finest part? */
function holds(cell: number, x: Part): boolean {
  const key = cellKey(shape, "p", cell);
  const industry =
    key.industry === "*" || key.industry === x.division || key.industry === GROUP_PREFIX + groupOf(x.division);
  if (cell >= layer.offset) return industry && key.region === x.city;
  return industry && (key.region === "*" || key.region === x.province) && (key.size === "*" || key.size === x.size);
}

/** The outsider's view of a built cube: parts a reader cannot rule out, cells as the release lists them. */
async function attack(cube: ReturnType<typeof buildPeriodCube>) {
  const listed = (c: number) => cube.counts.firms[c]! > 0;
  const all = Array.from({ length: shape.cellCount }, (_, c) => c);
  const parts: Part[] = [];
  for (const [province, cities] of Object.entries(provinces))
    for (const city of [...cities, unknownCity(province)])
      for (const division of divisions)
        for (const size of ["large", "small"]) {
          const x = { division, province, size, city };
          if (all.filter((c) => holds(c, x)).every(listed)) parts.push(x);
        }
  const byKey = new Map(cube.cells.map((c) => [`${c.industry}|${c.region}|${c.size}`, c]));
  const cells: AttackCell[] = all.filter(listed).map((c) => {
    const k = cellKey(shape, "p", c);
    const shown = byKey.get(`${k.industry}|${k.region}|${k.size}`)!;
    return {
      parts: parts.flatMap((x, j) => (holds(c, x) ? [j] : [])),
      published: shown.suppressed ? null : { firms: shown.metrics.firms, mean: shown.metrics.overall.mean },
    };
  });
  const cellOf = all.filter(listed);
  return (await lpAttack(parts.length, cells)).map((e) => ({ ...e, cell: cellOf[e.cell]! }));
}

const rules = DISCLOSURE_RULES;
/** What the attack confines: a count below the count rule, a small cell's total within the protection interval. */
async function confined(cube: ReturnType<typeof buildPeriodCube>): Promise<string[]> {
  const out: string[] = [];
  for (const e of await attack(cube)) {
    const key = cellKey(shape, "p", e.cell);
    const name = `${key.industry}/${key.region}/${key.size}`;
    if (e.maxCount < rules.minUnitsForCounts - 1e-6) out.push(`${name}: at most ${e.maxCount} firms`);
    if (cube.counts.units[e.cell]! < rules.minUnitsForScores && e.maxSum - e.minSum <= rules.scoreProtection + 1e-6)
      out.push(`${name}: total within [${e.minSum}, ${e.maxSum}]`);
  }
  return out;
}

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

describe("the interval audit on random cubes", () => {
  it("leaves no suppressed count below 3 firms and no small cell's total within the protection interval", async () => {
    await fc.assert(
      fc.asyncProperty(populationArb, async (firms) => {
        const cube = buildPeriodCube(ctx, "2025", records(firms), [], seededRandom(1), solver);
        expect(cube.interval).not.toBeNull();
        expect(await confined(cube)).toEqual([]);
      }),
      { numRuns: 8, seed: 38 },
    );
  });

  it("the attack catches a planted leak: the same cubes built without the interval audit", async () => {
    let caught = 0;
    for (const firms of fc.sample(populationArb, { numRuns: 8, seed: 38 })) {
      const cube = buildPeriodCube(ctx, "2025", records(firms), [], seededRandom(1));
      if ((await confined(cube)).length > 0) caught++;
    }
    expect(caught).toBeGreaterThan(0);
  });
});
