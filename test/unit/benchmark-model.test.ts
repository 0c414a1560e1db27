import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkModel, SCORED_ARTICLES } from "~/assessment/model-check";
import { questionsOf } from "~/assessment/questions";
import type { BenchmarkModel } from "~/assessment/schemas";
import { loadVersion } from "~test/support/assessment-fixtures";

const ids = readdirSync("content/models")
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.each(ids)("benchmark model %s", (id) => {
  const { model, definition } = loadVersion(id);
  const questions = questionsOf(definition);

  it("passes every consistency rule", () => {
    expect(checkModel(model, definition)).toEqual([]);
  });

  it("has sibling weights that sum to 1", () => {
    expect(sum(model.dimensions.map((d) => d.weight))).toBeCloseTo(1, 9);
    for (const d of model.dimensions)
      expect(sum(model.indicators.filter((i) => i.dimension === d.id).map((i) => i.weight))).toBeCloseTo(1, 9);
  });

  it("maps every scored question and only existing questions", () => {
    const scored = questions
      .filter((q) => q.page !== "profile")
      .map((q) => q.name)
      .sort();
    expect(model.indicators.map((i) => i.question).sort()).toEqual(scored);
    expect(scored.length).toBeGreaterThanOrEqual(40);
  });

  it("covers every article 4-16 with at least two questions", () => {
    for (const a of SCORED_ARTICLES)
      expect(model.indicators.filter((i) => i.articles.includes(a)).length, `article ${a}`).toBeGreaterThanOrEqual(2);
  });

  it("has five stage bands that tile 0-100", () => {
    const bands = [...model.stages].sort((a, b) => a.min - b.min);
    expect(bands[0]!.min).toBe(0);
    expect(bands[4]!.max).toBe(100);
    for (let i = 0; i < 4; i++) expect(bands[i]!.max).toBe(bands[i + 1]!.min);
  });

  it("gives single-choice questions five anchored options", () => {
    for (const q of questions.filter((q) => q.page !== "profile" && q.type === "radiogroup")) {
      expect(
        q.values.filter((v) => v !== "na"),
        q.name,
      ).toEqual(["1", "2", "3", "4", "5"]);
    }
  });
});

describe("the model check can fail", () => {
  const { model, definition } = loadVersion("qmd-2025");
  const broken = (change: (m: BenchmarkModel) => void) => {
    const copy = structuredClone(model);
    change(copy);
    return checkModel(copy, definition);
  };

  it.each([
    [
      "dimension weights",
      (m: BenchmarkModel) => (m.dimensions[0]!.weight += 0.01),
      /dimension weights do not sum to 1/,
    ],
    ["indicator weights", (m: BenchmarkModel) => (m.indicators[0]!.weight += 0.01), /indicator weights of dimension/],
    ["an unmapped question", (m: BenchmarkModel) => m.indicators.splice(0, 1), /is not mapped/],
    ["an unknown question", (m: BenchmarkModel) => (m.indicators[0]!.question = "nope"), /does not have/],
    ["a band gap", (m: BenchmarkModel) => (m.stages[1]!.min = 21), /gap or overlap/],
    ["a band past 100", (m: BenchmarkModel) => (m.stages[4]!.max = 90), /from 0 to 100/],
    [
      "an article covered once",
      (m: BenchmarkModel) => m.indicators.forEach((i) => (i.articles = i.articles.filter((a) => a !== 16))),
      /article 16/,
    ],
    ["a missing recommendation", (m: BenchmarkModel) => m.recommendations.pop(), /recommendations; exactly 1/],
    [
      "a gate on an unknown dimension",
      (m: BenchmarkModel) => (m.gates[0]!.dimension = "nope"),
      /gate .* unknown dimension/,
    ],
  ])("reports %s", (_name, change, message) => {
    expect(broken(change).join("\n")).toMatch(message);
  });
});
