// The insights workspace's pure rules: who may see which regions, how a compare request is read from the
// URL, and that every number of the compare tables is a published cell's figure.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Principal } from "~/accounts/access";
import { adoptionTables } from "~/insights/adoption";
import { compareRegions, compareTables, parseCompare, REFERENCE_KEY } from "~/insights/compare";
import { groupOptions } from "~/insights/groups";
import { homeRegion, insightsScope, provinceOf, refuseRegions } from "~/insights/scope";
import type { PresentContext } from "~/statistics/publish/present";
import { ALL, type PublishedMetrics, type ReleaseCell } from "~/statistics/types";

const PROVINCES = ["110000", "320000", "330000", "440000", "510000"];
const principal = (grants: Principal["grants"]): Principal => ({ userId: "u", memberships: [], grants });

describe("insights scope", () => {
  it("gives staff a scope and everyone else none", () => {
    expect(insightsScope(principal([]))).toBeNull();
    expect(insightsScope({ ...principal([]), memberships: [{ firmId: "f", role: "owner" }] })).toBeNull();
    expect(insightsScope(principal([{ role: "analyst", scope: null }]))).toEqual({ kind: "national" });
    expect(insightsScope(principal([{ role: "admin", scope: null }]))).toEqual({ kind: "national" });
    expect(insightsScope(principal([{ role: "government", scope: null }]))).toEqual({ kind: "national" });
    expect(insightsScope(principal([{ role: "government", scope: "330000" }]))).toEqual({
      kind: "provinces",
      provinces: ["330000"],
    });
  });

  it("refuses a provincial viewer every region outside their provinces and the national breakdown", () => {
    const region = fc.oneof(
      fc.constantFrom(ALL, ...PROVINCES),
      fc
        .constantFrom(...PROVINCES)
        .chain((p) => fc.integer({ min: 1, max: 99 }).map((c) => `${p.slice(0, 2)}${String(c).padStart(2, "0")}00`)),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.subarray(PROVINCES, { minLength: 1 }), fc.array(region, { maxLength: 6 }), (own, asked) => {
        const scope = { kind: "provinces" as const, provinces: own };
        const refused = refuseRegions(scope, asked);
        const allowed = asked.every((r) => r !== ALL && own.includes(provinceOf(r) ?? "-"));
        expect(refused === null).toBe(allowed);
        expect(refuseRegions({ kind: "national" }, asked)).toBeNull();
        expect(own).toContain(homeRegion(scope));
      }),
    );
  });
});

const tax = {
  regions: [
    { code: "320000", zh: "江苏省", en: "Jiangsu", abbr: "JS", mainland: true },
    { code: "330000", zh: "浙江省", en: "Zhejiang", abbr: "ZJ", mainland: true },
    { code: "440000", zh: "广东省", en: "Guangdong", abbr: "GD", mainland: true },
  ],
  groups: [{ id: "equipment", zh: "装备制造业", en: "Equipment manufacturing" }],
  divisions: [
    { code: "C36", zh: "汽车制造业", en: "Manufacture of automobiles", group: "equipment" },
    { code: "C38", zh: "电气机械和器材制造业", en: "Electrical machinery", group: "equipment" },
  ],
  sizes: [
    { id: "large", zh: "大型", en: "Large" },
    { id: "small", zh: "小型", en: "Small" },
  ],
  cities: [
    { code: "330100", name: "杭州市" },
    { code: "330200", name: "宁波市" },
    { code: "320100", name: "南京市" },
  ],
};
const options = groupOptions(tax);
const defaults = { period: "2025", region: ALL, sizes: ["large", "small"] };
const parse = (q: string) => parseCompare(new URLSearchParams(q), options, ["2024", "2025"], defaults);

describe("compare requests", () => {
  it("reads groups by name in either language, short names and codes", () => {
    const r = parse("by=region&g=浙江省&g=Jiangsu&g=广东&within=装备制造业&period=2024");
    expect(r.state).toBe("ok");
    if (r.state !== "ok") return;
    expect(r.request).toEqual({
      by: "region",
      groups: ["330000", "320000", "440000"],
      within: "G:equipment",
      period: "2024",
      mode: "period",
    });
    expect(compareRegions(r.request)).toEqual(["330000", "320000", "440000"]);
    const i = parse("by=industry&g=C36&g=c38 电气机械和器材制造业&within=Zhejiang");
    expect(i.state === "ok" && i.request).toMatchObject({ groups: ["C36", "C38"], within: "330000" });
    expect(i.state === "ok" && compareRegions(i.request)).toEqual(["330000"]);
    // A provincial viewer's view opens on its province, but an explicit "whole country" is kept, so the
    // scope check can refuse it rather than quietly narrowing it.
    const home = { ...defaults, region: "330000" };
    const opened = parseCompare(new URLSearchParams("by=industry&g=C36&g=C38"), options, ["2025"], home);
    expect(opened.state === "ok" && opened.request.within).toBe("330000");
    const national = parseCompare(new URLSearchParams("by=industry&g=C36&g=C38&within=*"), options, ["2025"], home);
    expect(national.state === "ok" && compareRegions(national.request)).toEqual([ALL]);
  });

  it("compares cities by name, and the scope check sees their provinces", () => {
    const r = parse("by=region&g=杭州&g=宁波市&g=南京市&within=装备制造业");
    expect(r.state === "ok" && r.request.groups).toEqual(["330100", "330200", "320100"]);
    if (r.state !== "ok") return;
    expect(refuseRegions({ kind: "provinces", provinces: ["330000"] }, compareRegions(r.request))).toEqual({
      reason: "outside",
      region: "320100",
    });
    const within = parse("by=industry&g=装备制造业&g=C36&within=杭州市");
    expect(within.state === "invalid" && within.problems.map((p) => p.message)).toEqual(["insights.errors.cityGroups"]);
    const groupsOnly = parse("by=region&g=杭州&g=宁波市&within=C36");
    expect(groupsOnly.state === "invalid" && groupsOnly.problems.map((p) => p.field)).toEqual(["within"]);
    expect(parse("by=size&within=杭州市").state).toBe("invalid");
    const whole = parse("by=industry&g=装备制造业&g=C36&within=浙江省");
    expect(whole.state).toBe("ok");
  });

  it("shows an empty form until asked, and names every problem", () => {
    expect(parse("").state).toBe("empty");
    const bad = parse("by=region&g=浙江省&g=火星&g=浙江&period=1999&mode=x");
    expect(bad.state).toBe("invalid");
    const messages = bad.state === "invalid" ? bad.problems.map((p) => p.message) : [];
    expect(messages).toEqual(
      expect.arrayContaining([
        "insights.errors.unknown.region",
        "insights.errors.repeated",
        "insights.errors.period",
        "insights.errors.mode",
      ]),
    );
    expect(parse("by=region&g=浙江省").state).toBe("invalid");
    expect(parse(`by=region${"&g=浙江省&g=江苏省&g=广东省".repeat(3)}`).state).toBe("invalid");
    // A region name where an industry is asked for is refused, not guessed.
    expect(parse("by=industry&g=浙江省&g=C36").state).toBe("invalid");
    const sizes = parse("by=size");
    expect(sizes.state === "ok" && sizes.request.groups).toEqual(["large", "small"]);
  });
});

const ctx: PresentContext = {
  t: (key, o) => (o ? `${key}${JSON.stringify(o)}` : key),
  minUnits: 10,
  dimensions: [
    { id: "d1", name: "D1" },
    { id: "d2", name: "D2" },
  ],
  stageNames: ["s1", "s2", "s3", "s4", "s5"],
};

const metrics = fc.record({
  firms: fc.integer({ min: 10, max: 500 }),
  mean: fc.integer({ min: 0, max: 1000 }).map((v) => v / 10),
  d1: fc.integer({ min: 0, max: 1000 }).map((v) => v / 10),
  d2: fc.integer({ min: 0, max: 1000 }).map((v) => v / 10),
  shares: fc.array(
    fc.integer({ min: 0, max: 1000 }).map((v) => v / 10),
    { minLength: 5, maxLength: 5 },
  ),
});
const toMetrics = (m: typeof metrics extends fc.Arbitrary<infer T> ? T : never): PublishedMetrics => ({
  firms: m.firms,
  overall: { mean: m.mean, median: Math.round(m.mean), p25: null, p75: null, deciles: null },
  dimensions: {
    d1: { mean: m.d1, median: null, p25: null, p75: null },
    d2: { mean: m.d2, median: null, p25: null, p75: null },
  },
  stageShares: m.shares,
  histogram: { edges: [0, 100], counts: [m.firms] },
});

describe("compare and adoption tables", () => {
  it("hold only published figures: a suppressed or missing cell shows no number", () => {
    fc.assert(
      fc.property(fc.array(fc.option(metrics, { nil: null }), { minLength: 4, maxLength: 4 }), (drawn) => {
        const r = parse("by=region&g=浙江省&g=江苏省&g=广东省");
        if (r.state !== "ok") throw new Error("parse");
        const keys = [ALL, "330000", "320000", "440000"];
        const cells: ReleaseCell[] = keys.map((region, k) => {
          const key = { period: "2025", industry: ALL, region, size: ALL };
          const m = drawn[k];
          return m
            ? { ...key, suppressed: false, reason: null, metrics: toMetrics(m) }
            : { ...key, suppressed: true, reason: "threshold", metrics: null };
        });
        const tables = compareTables(r.request, cells, ["2025"], ctx, { group: (k) => k, reference: "national" });
        for (const table of Object.values(tables))
          table.rows.forEach((row, index) => {
            const key = row.key === REFERENCE_KEY ? ALL : row.key;
            const m = drawn[keys.indexOf(key)];
            const numbers = row.values.filter((v, i) => typeof v === "number" && table.columns[i]!.kind !== "label");
            if (!m) {
              expect(row.reason).toBe("threshold");
              expect(numbers).toEqual([]);
            }
            if (table.id === "summary" && m) {
              expect(row.values[1]).toBe(m.firms);
              expect(row.values[2]).toBe(m.mean);
              const ref = drawn[0];
              expect(row.values[6]).toBe(index === 0 ? 0 : ref ? Math.round((m.mean - ref.mean) * 10) / 10 : null);
            }
            if (table.id === "stages" && m) expect(row.values.slice(1, 6)).toEqual(m.shares);
            if (table.id === "weakest" && m) expect(row.values[1]).toBe(m.d1 <= m.d2 ? "D1" : "D2");
          });
        const adoption = adoptionTables(
          { region: ALL, period: "2025" },
          cells,
          ["2025"],
          { groups: [], provinces: ["330000", "320000", "440000"], sizes: [] },
          ctx,
          { region: (k) => k, industry: (k) => k, size: (k) => k },
        );
        adoption.regions!.rows.forEach((row) => {
          const m = drawn[keys.indexOf(row.key)];
          expect(row.values[1]).toBe(m ? m.firms : null);
        });
      }),
    );
  });
});
