// The synthetic generator's firms: deterministic for a seed, valid identifiers, realistic proportions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildTables,
  DIVISION_WEIGHTS,
  drawFirm,
  drawStaffAndRevenue,
  type FirmSpec,
  GROUP_MAX,
  GROUP_MIN,
  newGroupState,
  PROVINCE_WEIGHTS,
  SIZE_WEIGHTS,
  syntheticCreditCode,
  ZONES,
} from "~db/synth/distributions";
import { WeightedTable } from "~db/synth/random";
import { taxonomyFromContent } from "~db/synth/taxonomy";
import { checkCreditCode } from "~/firms/credit-code";
import { classifySize, SIZE_CLASSES } from "~/firms/size-class";
import { Rng } from "~/platform/seeded-random";

const taxonomy = taxonomyFromContent();
const tables = buildTables(taxonomy);

function firms(seed: number, n: number): FirmSpec[] {
  const structure = new Rng(seed, 0x53);
  const group = newGroupState();
  return Array.from({ length: n }, (_, i) => drawFirm(tables, seed, i, structure, group));
}

const share = <T>(items: T[], pick: (t: T) => boolean) => items.filter(pick).length / items.length;

describe("seeded randomness", () => {
  it("gives the same stream for the same seed and different streams for different seeds", () => {
    const a = new Rng(7, 1);
    const b = new Rng(7, 1);
    const c = new Rng(7, 2);
    const xs = Array.from({ length: 100 }, () => a.uint32());
    expect(Array.from({ length: 100 }, () => b.uint32())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.uint32())).not.toEqual(xs);
  });

  it("makes well-formed, unique version-4 UUIDs", () => {
    const rng = new Rng(3);
    const ids = Array.from({ length: 20_000 }, () => rng.uuid());
    for (const id of ids.slice(0, 2000))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps every draw in range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 100 }),
        (seed, lo, span) => {
          const rng = new Rng(seed);
          for (let i = 0; i < 20; i++) {
            const u = rng.next();
            expect(u >= 0 && u < 1).toBe(true);
            const k = rng.int(lo, lo + span);
            expect(k >= lo && k <= lo + span && Number.isInteger(k)).toBe(true);
          }
        },
      ),
    );
  });

  it("picks from a weighted table in proportion to the weights", () => {
    const table = new WeightedTable([
      ["a", 1],
      ["b", 3],
      ["c", 6],
      ["never", 0],
    ] as const);
    const rng = new Rng(11);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, never: 0 };
    for (let i = 0; i < 50_000; i++) counts[table.pick(rng)]!++;
    expect(counts.never).toBe(0);
    expect(counts.a! / 50_000).toBeCloseTo(0.1, 1);
    expect(counts.b! / 50_000).toBeCloseTo(0.3, 1);
    expect(counts.c! / 50_000).toBeCloseTo(0.6, 1);
  });
});

describe("the weights cover the taxonomies", () => {
  it("names every mainland province and every division C13–C43, and nothing else", () => {
    expect(Object.keys(PROVINCE_WEIGHTS).sort()).toEqual([...taxonomy.regions].sort());
    expect(taxonomy.regions).toHaveLength(31);
    expect(Object.keys(DIVISION_WEIGHTS).sort()).toEqual([...taxonomy.divisions].sort());
    expect(Object.values(ZONES).flat().sort()).toEqual([...taxonomy.regions].sort());
  });
});

describe("synthetic firms", () => {
  const sample = firms(20260, 30_000);

  it("are the same for the same seed and differ for another seed", () => {
    expect(firms(5, 500)).toEqual(firms(5, 500));
    const other = firms(6, 500);
    expect(other.map((f) => f.id)).not.toEqual(firms(5, 500).map((f) => f.id));
  });

  it("have plainly synthetic names, valid and unique credit codes, mainland provinces and known divisions", () => {
    expect(sample[122]!.name).toBe("合成示例企业 000123");
    for (const f of sample) {
      expect(checkCreditCode(f.creditCode)).toEqual({ ok: true, code: f.creditCode });
      expect(f.creditCode.slice(2, 8)).toBe(f.regionCode);
    }
    expect(new Set(sample.map((f) => f.creditCode)).size).toBe(sample.length);
    expect(new Set(sample.map((f) => f.id)).size).toBe(sample.length);
    expect(new Set(sample.map((f) => f.regionCode)).size).toBe(31);
    expect(sample.every((f) => taxonomy.divisions.includes(f.industryDivision))).toBe(true);
  });

  it("never collide with the demo and test credit codes (a digit where synthetic codes have Y)", () => {
    expect(syntheticCreditCode("330000", 0)[8]).toBe("Y");
  });

  it("have staff and revenue that the national rule puts in their own size class", () => {
    for (const f of sample) expect(classifySize(f.employees, f.revenueWanYuan, taxonomy.sizeClasses)).toBe(f.sizeClass);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(...SIZE_CLASSES), (seed, size) => {
        const { employees, revenueWanYuan } = drawStaffAndRevenue(new Rng(seed), size, taxonomy.sizeClasses);
        expect(classifySize(employees, revenueWanYuan, taxonomy.sizeClasses)).toBe(size);
        expect(
          Number.isInteger(employees) && Number.isInteger(revenueWanYuan) && employees > 0 && revenueWanYuan > 0,
        ).toBe(true);
      }),
    );
  });

  it("come mostly small and micro, a few percent large", () => {
    const single = sample.filter((f) => !f.groupKey);
    for (const size of SIZE_CLASSES) {
      expect(Math.abs(share(single, (f) => f.sizeClass === size) - SIZE_WEIGHTS[size])).toBeLessThan(0.015);
    }
    expect(share(sample, (f) => f.sizeClass === "small" || f.sizeClass === "micro")).toBeGreaterThan(0.8);
    expect(share(sample, (f) => f.sizeClass === "large")).toBeLessThan(0.06);
  });

  it("crowd into the manufacturing provinces: Guangdong, Jiangsu, Zhejiang and Shandong hold about half", () => {
    const total = Object.values(PROVINCE_WEIGHTS).reduce((a, b) => a + b, 0);
    for (const code of ["440000", "320000", "330000", "370000", "630000"]) {
      expect(Math.abs(share(sample, (f) => f.regionCode === code) - PROVINCE_WEIGHTS[code]! / total)).toBeLessThan(
        0.01,
      );
    }
    const big4 = share(sample, (f) => ["440000", "320000", "330000", "370000"].includes(f.regionCode));
    expect(big4).toBeGreaterThan(0.45);
    expect(big4).toBeLessThan(0.55);
    const count = (code: string) => sample.filter((f) => f.regionCode === code).length;
    expect(count("440000")).toBeGreaterThan(10 * count("620000"));
  });

  it("spread over divisions in proportion to their weights", () => {
    const total = Object.values(DIVISION_WEIGHTS).reduce((a, b) => a + b, 0);
    for (const code of ["C30", "C38", "C13", "C16"]) {
      expect(
        Math.abs(share(sample, (f) => f.industryDivision === code) - DIVISION_WEIGHTS[code]! / total),
      ).toBeLessThan(0.008);
    }
  });

  it("form groups of 2–5 neighbouring firms, a few percent of all firms", () => {
    const groups = new Map<string, number[]>();
    for (const f of sample) if (f.groupKey) groups.set(f.groupKey, [...(groups.get(f.groupKey) ?? []), f.index]);
    const inGroups = share(sample, (f) => f.groupKey !== null);
    expect(inGroups).toBeGreaterThan(0.02);
    expect(inGroups).toBeLessThan(0.07);
    for (const members of groups.values()) {
      expect(members.length).toBeGreaterThanOrEqual(GROUP_MIN);
      expect(members.length).toBeLessThanOrEqual(GROUP_MAX);
      expect(members[members.length - 1]! - members[0]!).toBe(members.length - 1);
    }
  });
});
