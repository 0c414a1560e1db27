import { describe, expect, it } from "vitest";
import { dimensionQuestions, previewHref, previewOf, questionArticleIndex } from "~/assessment/preview";
import type { BenchmarkModel, SurveyDefinition } from "~/assessment/schemas";
import { loadVersion } from "~test/support/assessment-fixtures";

const { model, definition } = loadVersion("qmd-2025");
const all = definition.pages.flatMap((p) => p.elements);

/** A two-question edition whose indicator weights do not add up to 1: the index and weights must not assume they do. */
const tiny: { model: BenchmarkModel; definition: SurveyDefinition } = {
  definition: {
    title: { default: "小问卷", en: "Tiny" },
    pages: [
      {
        name: "one",
        title: { default: "第一页", en: "First" },
        elements: [
          {
            type: "radiogroup",
            name: "a",
            title: { default: "甲", en: "A" },
            description: { default: "证据：记录", en: "Evidence: records" },
            choices: [
              { value: 1, text: { default: "低", en: "Low" } },
              { value: 2, text: { default: "高", en: "High" } },
              { value: "na", text: { default: "不适用", en: "N/A" } },
            ],
          },
          {
            type: "checkbox",
            name: "b",
            title: { default: "乙", en: "B" },
            choices: [
              { value: "x", text: { default: "X", en: "X" } },
              { value: "y", text: { default: "Y", en: "Y" } },
            ],
            showNoneItem: true,
          },
        ],
      },
    ],
  },
  model: {
    id: "tiny",
    questionnaire: "tiny",
    version: 1,
    title: { zh: "小", en: "Tiny" },
    comparableWith: [],
    dimensions: [
      { id: "d", name: { zh: "维", en: "D" }, description: { zh: "维", en: "D" }, articles: [4], weight: 0.5 },
      { id: "e", name: { zh: "度", en: "E" }, description: { zh: "度", en: "E" }, articles: [12], weight: 0.25 },
    ],
    indicators: [
      {
        question: "a",
        dimension: "d",
        weight: 0.3,
        kind: "level",
        levels: { "1": 1, "2": 5 },
        notApplicable: "na",
        articles: [12, 4, 4],
      },
      { question: "b", dimension: "e", weight: 0.2, kind: "coverage", articles: [12] },
    ],
    stages: [],
    gates: [],
    recommendations: [],
  },
};

describe("the index between questions and guide articles", () => {
  it("lists, for each article, the scored questions whose indicator names it, in questionnaire order", () => {
    const { articlesOf, questionsFor } = questionArticleIndex(model, definition);
    for (const ind of model.indicators)
      for (const a of ind.articles) expect(questionsFor.get(a)!.map((q) => q.name)).toContain(ind.question);
    for (const [article, refs] of questionsFor) {
      for (const q of refs) expect(articlesOf.get(q.name)).toContain(article);
      expect(refs.map((q) => q.number)).toEqual([...refs.map((q) => q.number)].sort((x, y) => x - y));
    }
    for (let a = 4; a <= 16; a++) expect(questionsFor.get(a)?.length ?? 0, `article ${a}`).toBeGreaterThanOrEqual(2);
    expect(articlesOf.get("profile_production_mode")).toEqual([]);
    expect(questionsFor.get(23)).toBeUndefined();
  });

  it("numbers questions as the questionnaire does and drops repeated articles", () => {
    const { articlesOf, questionsFor } = questionArticleIndex(tiny.model, tiny.definition);
    expect(articlesOf.get("a")).toEqual([4, 12]);
    expect(questionsFor.get(12)!.map((q) => [q.name, q.number])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect(previewHref("tiny", "b")).toBe("/questionnaires/tiny#q-b");
  });
});

describe("the preview of an edition", () => {
  it("has every page, question and option, each question with its own anchor, in the reader's language", () => {
    const en = previewOf(model, definition, "en");
    expect(en.pages).toHaveLength(definition.pages.length);
    const questions = en.pages.flatMap((p) => p.questions);
    expect(questions.map((q) => q.name)).toEqual(all.map((q) => q.name));
    expect(new Set(questions.map((q) => q.anchor)).size).toBe(all.length);
    expect(questions.map((q) => q.title)).toEqual(all.map((q) => q.title.en));
    expect(questions.map((q) => q.options.length)).toEqual(all.map((q) => q.choices.length));
    expect(questions.filter((q) => q.hint).length).toBe(all.filter((q) => q.description).length);
    expect(en.scoredCount).toBe(model.indicators.length);
    const zh = previewOf(model, definition, "zh");
    expect(zh.pages[0]!.title).toBe(definition.pages[0]!.title!.default);
  });

  it("marks each option's level and the not-applicable option, and leaves profile questions unscored", () => {
    const p = previewOf(tiny.model, tiny.definition, "en");
    const [a, b] = p.pages[0]!.questions;
    expect(a!.options.map((o) => [o.text, o.level, o.notApplicable])).toEqual([
      ["Low", 1, false],
      ["High", 5, false],
      ["N/A", null, true],
    ]);
    expect(a!.hint).toBe("Evidence: records");
    expect(b!.none).toBe("");
    expect(b!.options.every((o) => o.level === null)).toBe(true);
    const real = previewOf(model, definition, "zh").pages[0]!.questions[0]!;
    expect(real.dimension).toBeNull();
    expect(real.articles).toEqual([]);
  });
});

describe("the questions and weights of each dimension", () => {
  it("re-normalises weights within each dimension and across the score", () => {
    for (const m of [model, tiny.model]) {
      const dims = dimensionQuestions(m, m === model ? definition : tiny.definition);
      let overall = 0;
      for (const d of dims) {
        expect(d.questions.reduce((s, q) => s + q.weight, 0)).toBeCloseTo(1, 9);
        overall += d.questions.reduce((s, q) => s + q.share, 0);
      }
      expect(overall).toBeCloseTo(1, 9);
    }
    const [d, e] = dimensionQuestions(tiny.model, tiny.definition);
    expect(d!.share).toBeCloseTo(2 / 3, 9);
    expect(e!.questions[0]).toMatchObject({ name: "b", number: 2, weight: 1, kind: "coverage" });
  });
});
