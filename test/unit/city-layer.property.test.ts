// The city layer (decision 025) on small random cubes: its relations hold, and an exact attack over the
// finest unknowns (division × city × size), written apart from the app's audit, finds no suppressed cell
// of the cube or the city layer in the span of the published ones.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "~/platform/seeded-random";
import {
  cellKey,
  citySlot,
  cubeShape,
  interiorAncestors,
  relations,
  unknownCity,
} from "~/statistics/disclosure/cube-shape";
import { buildPeriodCube, type CubeContext, type PeriodRecords } from "~/statistics/disclosure/period-cube";
import { DISCLOSURE_RULES, GROUP_PREFIX } from "~/statistics/types";
import { ExactSpan } from "~test/support/exact-span";

const provinces = { "110000": ["110100"], "130000": ["130100", "130200"], "140000": ["140100", "140200", "140300"] };
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
  /** A city of the province, or null (not given). */
  city: string | null;
  score: number;
}

const firmArb = fc
  .record({
    division: fc.constantFrom("C13", "C14", "C15", "C16"),
    province: fc.constantFrom(...(Object.keys(provinces) as Array<keyof typeof provinces>)),
    size: fc.constantFrom("large", "small"),
    pick: fc.integer({ min: -1, max: 2 }),
    score: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ pick, ...f }) => ({ ...f, city: pick < 0 ? null : (provinces[f.province][pick] ?? null) }));
/** Firms bunched into a few kinds, so some cells are big and many small. */
const populationArb = fc
  .array(fc.tuple(firmArb, fc.integer({ min: 1, max: 25 })), { minLength: 1, maxLength: 10 })
  .chain((clusters) =>
    fc
      .tuple(
        ...clusters.map(([f, n]) =>
          fc.array(
            firmArb.map((g) => ({ ...g, ...f, score: g.score })),
            { minLength: n, maxLength: n },
          ),
        ),
      )
      .map((xs) => xs.flat()),
  );

const leafOf = (f: Firm) => {
  const i = shape.industry.leafIndex.get(f.division)!;
  const r = shape.region.leafIndex.get(f.province)!;
  const s = shape.size.leafIndex.get(f.size)!;
  return (i * shape.region.values.length + r) * shape.size.values.length + s;
};

function records(firms: Firm[]): PeriodRecords {
  return {
    count: firms.length,
    interior: Int32Array.from(firms.map(leafOf)),
    city: Int32Array.from(firms.map((f) => citySlot(shape, shape.region.leafIndex.get(f.province)!, f.city))),
    unit: Int32Array.from(firms.map(() => -1)),
    stage: Uint8Array.from(firms.map((f) => Math.min(5, 1 + Math.floor(f.score / 200)))),
    scores: [Uint16Array.from(firms.map((f) => f.score))],
  };
}

const groupOf = (division: string) => groups.find((g) => g.divisions.includes(division))!.id;

/** Does the cell (by its key alone, not the app's ancestor lists) count a firm of this kind? */
function counts(cell: number, f: { division: string; province: string; size: string; city: string }): boolean {
  const key = cellKey(shape, "p", cell);
  const industryOk =
    key.industry === "*" || key.industry === f.division || key.industry === GROUP_PREFIX + groupOf(f.division);
  if (cell >= layer.offset) return industryOk && key.region === f.city;
  return industryOk && (key.region === "*" || key.region === f.province) && (key.size === "*" || key.size === f.size);
}

/** The attacker's unknowns: division × city × size, wherever the reader cannot rule the combination out. */
function unknowns(present: (cell: number) => boolean) {
  const out: Array<{ division: string; province: string; size: string; city: string }> = [];
  for (const [province, cities] of Object.entries(provinces))
    for (const city of [...cities, unknownCity(province)])
      for (const division of ["C13", "C14", "C15", "C16"])
        for (const size of ["large", "small"]) {
          const x = { division, province, size, city };
          const cells = Array.from({ length: shape.cellCount }, (_, c) => c).filter((c) => counts(c, x));
          if (cells.every(present)) out.push(x);
        }
  return out;
}

function attack(cube: ReturnType<typeof buildPeriodCube>, published: Uint8Array): number[] {
  const present = (c: number) => cube.counts.firms[c]! > 0;
  const vars = unknowns(present);
  const row = (cell: number) => vars.map((x) => (counts(cell, x) ? 1 : 0));
  const span = new ExactSpan(vars.length);
  for (let c = 0; c < shape.cellCount; c++) if (present(c) && published[c]) span.add(row(c));
  const found: number[] = [];
  for (let c = 0; c < shape.cellCount; c++) if (present(c) && !published[c] && span.inSpan(row(c))) found.push(c);
  return found;
}

describe("the city layer", () => {
  it("adds up: a province's cities to the province, a city's groups to the city", () => {
    fc.assert(
      fc.property(populationArb, (firms) => {
        const cube = buildPeriodCube(ctx, "2025", records(firms), [], seededRandom(1));
        for (const r of ctx.relations)
          expect(r.children.reduce((a, c) => a + cube.counts.firms[c]!, 0)).toBe(cube.counts.firms[r.parent]);
        for (const f of firms) {
          const slot = citySlot(shape, shape.region.leafIndex.get(f.province)!, f.city);
          expect(layer.values[slot]).toBe(f.city ?? unknownCity(f.province));
        }
        const total = cube.cells.filter((c) => c.region.length === 6 && !/0000$/.test(c.region) && c.industry === "*");
        const counted = total.map((c) => cube.counts.firms[cubeCell(c.region)]!);
        expect(counted.reduce((a, b) => a + b, 0)).toBe(firms.length);
      }),
      { numRuns: 60 },
    );
  });

  it("leaves no suppressed cell of the cube or the city layer computable from published ones", () => {
    fc.assert(
      fc.property(populationArb, (firms) => {
        const cube = buildPeriodCube(ctx, "2025", records(firms), [], seededRandom(2));
        expect(cube.unresolved).toBe(0);
        expect(attack(cube, cube.published).map((c) => cellKey(shape, "p", c))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("the attack catches a planted leak: a complementary suppression published after all", () => {
    // 20 firms in 130100 and 2 in 130200, one group: the small city is withheld, so something else must be.
    const firms: Firm[] = [
      ...Array.from({ length: 20 }, (_, k) => ({
        division: "C13",
        province: "130000" as const,
        size: k % 2 ? "large" : "small",
        city: "130100",
        score: 100 + k * 40,
      })),
      ...[0, 1].map((k) => ({
        division: "C13",
        province: "130000" as const,
        size: "small",
        city: "130200",
        score: 500 + k,
      })),
    ];
    const cube = buildPeriodCube(ctx, "2025", records(firms), [], seededRandom(3));
    expect(attack(cube, cube.published)).toEqual([]);
    const secondary = cube.cells.filter((c) => c.reason === "secondary");
    expect(secondary.length).toBeGreaterThan(0);
    let caught = 0;
    for (let c = 0; c < shape.cellCount; c++) {
      if (cube.counts.firms[c] === 0 || cube.published[c]) continue;
      const key = cellKey(shape, "2025", c);
      if (!secondary.some((s) => s.industry === key.industry && s.region === key.region && s.size === key.size))
        continue;
      const leaked = Uint8Array.from(cube.published);
      leaked[c] = 1;
      if (attack(cube, leaked).length > 0) caught++;
    }
    expect(caught).toBeGreaterThan(0);
  });
});

const cubeCell = (city: string) => layer.offset + layer.indexOf.get(city)! * layer.industries.length;
