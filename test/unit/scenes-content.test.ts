import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseContentFile } from "~/content/load.server";
import { sceneFile } from "~/content/schemas";
import { businessLinks, industries, scenarioTiers } from "~/content/taxonomies.server";
import { sceneProblems, scenesOnDisk } from "~/scenes/content.server";
import { loadVersion } from "~test/support/assessment-fixtures";

const files = readdirSync("content/scenes").filter((f) => f.endsWith(".json"));
const scenes = [...scenesOnDisk().values()];

describe("the scene catalogue", () => {
  it("validates every file, one scene per file, slugs unique", () => {
    expect(scenes.length).toBe(files.length);
    expect(scenes.length).toBeGreaterThanOrEqual(36);
    expect(new Set(scenes.map((s) => s.slug)).size).toBe(scenes.length);
  });

  it("covers every article 4-16, every business link, every tier, and six scenes per industry group", () => {
    for (let a = 4; a <= 16; a++)
      expect(
        scenes.some((s) => s.articles.includes(a)),
        `article ${a}`,
      ).toBe(true);
    for (const l of businessLinks())
      expect(
        scenes.some((s) => s.businessLinks.includes(l.id)),
        l.id,
      ).toBe(true);
    for (const t of scenarioTiers())
      expect(
        scenes.some((s) => s.tier === t.id),
        t.id,
      ).toBe(true);
    for (const g of industries().groups)
      expect(scenes.filter((s) => s.industryGroup === g.id).length, g.id).toBeGreaterThanOrEqual(6);
  });

  it("refuses a scene with unknown ids or a division outside its group", () => {
    const scene = structuredClone(scenes[0]!);
    Object.assign(scene, { industryGroup: "electronics", technologies: ["telepathy"], dimensions: ["luck"] });
    const problems = sceneProblems(scene, "other-name", new Set(["inspection"])).join("\n");
    expect(problems).toMatch(/differs from its file name/);
    expect(problems).toMatch(/is not in group electronics/);
    expect(problems).toMatch(/unknown technology "telepathy"/);
    expect(problems).toMatch(/unknown dimension "luck"/);
    expect(() =>
      parseContentFile("scenes/x.json", sceneFile, JSON.stringify({ ...scene, title: { zh: "", en: "x" } })),
    ).toThrow(/title.zh/);
  });

  it("every recommendation of the benchmark model names existing scenes", () => {
    const { model } = loadVersion("qmd-2025");
    const catalogue = scenesOnDisk();
    for (const r of model.recommendations) {
      expect(r.scenes?.length, `${r.dimension} level ${r.level}`).toBeGreaterThan(0);
      for (const slug of r.scenes ?? []) expect(catalogue.has(slug), slug).toBe(true);
    }
  });
});
