import { describe, expect, it } from "vitest";
import { parseContentFile } from "~/content/load.server";
import { guideFile, industriesFile, regionsFile, sizeClassesFile } from "~/content/schemas";
import {
  businessLinks,
  industries,
  regions,
  scenarioTiers,
  sizeClasses,
  technologies,
} from "~/content/taxonomies.server";
import { guide } from "~/guide/guide.server";

describe("reference data under content/", () => {
  it("has the 31 manufacturing divisions C13-C43, each in a known group", () => {
    const { divisions, groups } = industries();
    expect(divisions.map((d) => d.code)).toEqual(Array.from({ length: 31 }, (_, i) => `C${13 + i}`));
    const groupIds = new Set(groups.map((g) => g.id));
    for (const d of divisions) expect(groupIds.has(d.group)).toBe(true);
    expect(new Set(divisions.map((d) => d.code)).size).toBe(divisions.length);
  });

  it("has the 34 province-level regions with unique codes, abbreviations and map tiles", () => {
    const rs = regions();
    expect(rs).toHaveLength(34);
    expect(rs.filter((r) => r.mainland)).toHaveLength(31);
    expect(new Set(rs.map((r) => r.code)).size).toBe(34);
    expect(new Set(rs.map((r) => r.abbr)).size).toBe(34);
    expect(new Set(rs.map((r) => `${r.tile.row}/${r.tile.col}`)).size).toBe(34);
    expect(rs.find((r) => r.code === "330000")?.zh).toBe("浙江省");
  });

  it("has four size classes and the other id lists", () => {
    expect(sizeClasses().classes.map((c) => c.id)).toEqual(["large", "medium", "small", "micro"]);
    expect(businessLinks()).toHaveLength(9);
    expect(scenarioTiers().map((t) => t.article)).toEqual([4, 5, 6]);
    expect(technologies().length).toBeGreaterThan(5);
  });

  it("summarises 7 chapters and 23 articles, each in exactly one chapter", () => {
    const g = guide();
    expect(g.chapters).toHaveLength(7);
    expect(g.articles.map((a) => a.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(g.chapters.flatMap((c) => c.articles).sort((a, b) => a - b)).toEqual(g.articles.map((a) => a.number));
  });
});

describe("taxonomy validation refuses bad files", () => {
  const region = { code: "110000", zh: "北京市", en: "Beijing", abbr: "BJ", mainland: true, tile: { row: 0, col: 0 } };
  const source = { zh: "来源", en: "Source" };

  it("refuses duplicate region codes and shared tiles", () => {
    const text = JSON.stringify({ source, regions: [region, { ...region, abbr: "TJ", tile: { row: 0, col: 1 } }] });
    expect(() => parseContentFile("regions.json", regionsFile, text)).toThrow(/duplicate region code "110000"/);
    const tiles = JSON.stringify({ source, regions: [region, { ...region, code: "120000", abbr: "TJ" }] });
    expect(() => parseContentFile("regions.json", regionsFile, tiles)).toThrow(/duplicate map tile/);
  });

  it("refuses a division in an unknown group, a group without divisions and duplicate divisions", () => {
    const groups = [
      { id: "equipment", zh: "装备", en: "Equipment" },
      { id: "empty", zh: "空", en: "Empty" },
    ];
    const divisions = [
      { code: "C34", zh: "通用设备", en: "General", group: "equipment" },
      { code: "C34", zh: "x", en: "x", group: "nowhere" },
    ];
    const text = JSON.stringify({ source, groups, divisions });
    const run = () => parseContentFile("industries.json", industriesFile, text);
    expect(run).toThrow(/duplicate industry division "C34"/);
    expect(run).toThrow(/unknown group "nowhere"/);
    expect(run).toThrow(/group "empty" has no division/);
  });

  it("refuses unordered size thresholds and names the file on bad JSON", () => {
    const classes = [
      { id: "large", zh: "大", en: "L", minEmployees: 10, minRevenueWanYuan: 10 },
      { id: "medium", zh: "中", en: "M", minEmployees: 20, minRevenueWanYuan: 5 },
      { id: "small", zh: "小", en: "S", minEmployees: 1, minRevenueWanYuan: 1 },
      { id: "micro", zh: "微", en: "XS", minEmployees: 0, minRevenueWanYuan: 0 },
    ];
    expect(() =>
      parseContentFile("size-classes.json", sizeClassesFile, JSON.stringify({ source, rule: source, classes })),
    ).toThrow(/ordered/);
    expect(() => parseContentFile("guide.json", guideFile, "{ nope")).toThrow(/guide.json: not valid JSON/);
  });
});
