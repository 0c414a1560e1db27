import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_FIRMS } from "~db/demo-firms";
import { type DemoCaseFile, demoCaseFile } from "~/cases/schema";
import { parseContentFile } from "~/content/load.server";
import { isKnownDivision, isSelectableRegion, sizeClasses, technologies } from "~/content/taxonomies.server";
import { scenesOnDisk } from "~/scenes/content.server";

const files = readdirSync("content/cases")
  .filter((f) => f.endsWith(".json"))
  .sort();
const cases: { file: string; data: DemoCaseFile }[] = files.map((file) => ({
  file,
  data: parseContentFile(`cases/${file}`, demoCaseFile, readFileSync(`content/cases/${file}`, "utf8")),
}));
const han = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;
const fullText = (c: DemoCaseFile) =>
  [c.title, c.summary, c.problem, c.approach, ...c.results.map((r) => r.metric)].join("\n");

describe("the demo cases", () => {
  it("validates every file, slugs equal file names and are unique", () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
    for (const { file, data } of cases) expect(data.slug, file).toBe(file.slice(0, -5));
    expect(new Set(cases.map((c) => c.data.slug)).size).toBe(cases.length);
  });

  it("names only existing scenes and technologies", () => {
    const scenes = scenesOnDisk();
    const techIds = new Set(technologies().map((t) => t.id));
    for (const { file, data } of cases) {
      expect(data.sceneSlugs.length, file).toBeGreaterThanOrEqual(1);
      expect(data.sceneSlugs.length, file).toBeLessThanOrEqual(3);
      for (const slug of data.sceneSlugs) expect(scenes.has(slug), `${file}: scene ${slug}`).toBe(true);
      expect(data.technologies.length, file).toBeGreaterThan(0);
      for (const t of data.technologies) expect(techIds.has(t), `${file}: technology ${t}`).toBe(true);
    }
  });

  it("matches the classification of the named demo firm", () => {
    const sizes = new Set(sizeClasses().classes.map((s) => s.id));
    for (const { file, data } of cases) {
      const firm = DEMO_FIRMS[data.demoFirm]!;
      expect(data.industryDivision, file).toBe(firm.industryDivision);
      expect(data.regionCode, file).toBe(firm.regionCode);
      expect(data.sizeClass, file).toBe(firm.sizeClass);
      expect(isKnownDivision(data.industryDivision), file).toBe(true);
      expect(isSelectableRegion(data.regionCode), file).toBe(true);
      expect(sizes.has(data.sizeClass), file).toBe(true);
    }
  });

  it("spreads over all four firms, half anonymised", () => {
    expect(new Set(cases.map((c) => c.data.demoFirm)).size).toBe(DEMO_FIRMS.length);
    expect(cases.filter((c) => c.data.anonymised).length).toBe(3);
  });

  it("is fictional Chinese text of the agreed length, without HTML or images", () => {
    for (const { file, data } of cases) {
      expect(data.language, file).toBe("zh");
      expect(data.title.startsWith("（虚构示例）"), file).toBe(true);
      for (const field of ["problem", "approach"] as const) {
        const n = han(data[field]);
        expect(n, `${file}: ${field} has ${n} Chinese characters`).toBeGreaterThanOrEqual(150);
        expect(data[field].length, `${file}: ${field}`).toBeLessThanOrEqual(400);
        expect(data[field], `${file}: ${field}`).not.toMatch(/<[a-z!/]|!\[/i);
      }
      expect(data.results.length, file).toBeGreaterThanOrEqual(2);
      expect(data.results.length, file).toBeLessThanOrEqual(4);
      for (const a of data.articles) expect(a, file).toBeGreaterThanOrEqual(4);
      expect(data.articles.length, file).toBeGreaterThan(0);
    }
  });

  it("gives search something to find: 追溯 and 视觉", () => {
    expect(cases.some((c) => fullText(c.data).includes("追溯"))).toBe(true);
    expect(cases.some((c) => fullText(c.data).includes("视觉"))).toBe(true);
  });
});
