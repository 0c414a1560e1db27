import { describe, expect, it } from "vitest";
import { readCaseForm, valuesOf } from "~/cases/form.server";

const choices = {
  technologies: new Set(["sensors", "machine-vision"]),
  scenes: new Set(["a-scene", "b-scene"]),
  divisions: new Set(["C36"]),
  regions: new Set(["330000"]),
};

function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
  return f;
}

const valid = {
  language: "zh",
  title: "视觉检测",
  summary: "概要",
  problem: "问题",
  approach: "做法",
  technologies: ["machine-vision"],
  sceneSlugs: ["a-scene"],
  articles: ["13", "4", "13"],
  industryDivision: "C36",
  regionCode: "330000",
  sizeClass: "medium",
  "result-0-metric": "漏检率",
  "result-0-before": "1,200",
  "result-0-after": "300.5",
  "result-0-unit": "ppm",
  "result-0-period": "2025年",
  publication: "named",
};

describe("case form", () => {
  it("reads a valid form, de-duplicating and sorting articles and parsing numbers", () => {
    const r = readCaseForm(form(valid), choices);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.content.articles).toEqual([4, 13]);
    expect(r.content.results).toEqual([
      { metric: "漏检率", before: 1200, after: 300.5, unit: "ppm", period: "2025年" },
    ]);
    expect(r.anonymised).toBe(false);
    expect(readCaseForm(form({ ...valid, publication: "anything" }), choices)).toMatchObject({
      ok: true,
      anonymised: true,
    });
  });

  it("round-trips through the values shown in the form", () => {
    const r = readCaseForm(form(valid), choices);
    if (!r.ok) throw new Error("expected valid");
    const v = valuesOf(r.content, r.anonymised);
    const again = form({
      ...valid,
      articles: v.articles,
      "result-0-before": v.results[0]!.before,
      "result-0-after": v.results[0]!.after,
    });
    expect(readCaseForm(again, choices)).toMatchObject({ ok: true, content: r.content });
  });

  it("names each problem and keeps what was typed", () => {
    const r = readCaseForm(
      form({
        ...valid,
        title: "",
        sceneSlugs: ["nope"],
        technologies: ["laser-beams"],
        regionCode: "990000",
        "result-0-after": "many",
        "result-1-metric": "only a metric",
      }),
      choices,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toMatchObject({
      title: "errors.required",
      sceneSlugs: "caseForm.errors.unknownScene",
      technologies: "caseForm.errors.unknownOption",
      regionCode: "caseForm.errors.unknownOption",
      results: "caseForm.errors.resultNumber|1",
    });
    expect(r.values.results).toHaveLength(2);
    expect(r.values.sceneSlugs).toEqual(["nope"]);
  });

  it("needs at least one complete result and bounded text", () => {
    const noResults = Object.fromEntries(Object.entries(valid).filter(([k]) => !k.startsWith("result-")));
    expect(readCaseForm(form(noResults), choices)).toMatchObject({
      ok: false,
      errors: { results: "caseForm.errors.resultsRequired" },
    });
    expect(readCaseForm(form({ ...valid, "result-0-unit": "" }), choices)).toMatchObject({
      ok: false,
      errors: { results: "caseForm.errors.resultIncomplete|1" },
    });
    expect(readCaseForm(form({ ...valid, problem: "x".repeat(20_001) }), choices)).toMatchObject({
      ok: false,
      errors: { problem: "errors.tooLong" },
    });
  });
});
