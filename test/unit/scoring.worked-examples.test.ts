// Three firms scored by hand on a small model, to show the rules at work.
import { describe, expect, it } from "vitest";
import type { BenchmarkModel, SurveyDefinition } from "~/assessment/schemas";
import { compileModel, scoreAssessment } from "~/assessment/scoring";

const t = (s: string) => ({ default: s, en: s });
const l = (s: string) => ({ zh: s, en: s });
const levels = [1, 2, 3, 4, 5].map((v) => ({ value: v, text: t(`level ${v}`) }));

const definition: SurveyDefinition = {
  title: t("Worked example"),
  pages: [
    {
      name: "a",
      elements: [
        { type: "radiogroup", name: "q1", title: t("q1"), choices: levels },
        { type: "radiogroup", name: "q2", title: t("q2"), choices: [...levels, { value: "na", text: t("n/a") }] },
      ],
    },
    { name: "b", elements: [{ type: "radiogroup", name: "q3", title: t("q3"), choices: levels }] },
    {
      name: "c",
      elements: [
        {
          type: "checkbox",
          name: "q4",
          title: t("q4"),
          showNoneItem: true,
          choices: ["w", "x", "y", "z"].map((v) => ({ value: v, text: t(v) })),
        },
      ],
    },
  ],
};

const levelMap = { "1": 1, "2": 2, "3": 3, "4": 4, "5": 5 };
const stage = (n: number, min: number, max: number) => ({
  stage: n,
  name: l(`S${n}`),
  min,
  max,
  description: l(""),
  nextStep: l(""),
  articles: [4],
});
const model: BenchmarkModel = {
  id: "worked",
  questionnaire: "worked",
  version: 1,
  title: l("Worked example"),
  comparableWith: [],
  dimensions: [
    { id: "a", name: l("A"), description: l(""), articles: [4], weight: 0.5 },
    { id: "b", name: l("B"), description: l(""), articles: [4], weight: 0.3 },
    { id: "c", name: l("C"), description: l(""), articles: [4], weight: 0.2 },
  ],
  indicators: [
    { question: "q1", dimension: "a", weight: 0.6, kind: "level", levels: levelMap, articles: [4] },
    {
      question: "q2",
      dimension: "a",
      weight: 0.4,
      kind: "level",
      levels: levelMap,
      notApplicable: "na",
      articles: [4],
    },
    { question: "q3", dimension: "b", weight: 1, kind: "level", levels: levelMap, articles: [4] },
    { question: "q4", dimension: "c", weight: 1, kind: "coverage", none: "none", articles: [4] },
  ],
  stages: [stage(1, 0, 20), stage(2, 20, 40), stage(3, 40, 60), stage(4, 60, 80), stage(5, 80, 100)],
  gates: [{ id: "b-before-4", fromStage: 4, dimension: "b", minScore: 40, explanation: l("") }],
  recommendations: [],
};

const compiled = compileModel(model, definition);
const dims = (r: ReturnType<typeof scoreAssessment>) => Object.fromEntries(r.dimensions.map((d) => [d.id, d.score]));

describe("worked examples", () => {
  it("firm 1: a middling firm at stage 3", () => {
    // q1 level 3 → (3−1)/4 × 100 = 50;  q2 level 5 → 100;  A = 0.6×50 + 0.4×100 = 70
    // q3 level 2 → 25;  B = 25
    // q4 ticks 2 of 4 → 50;  C = 50
    // overall = 0.5×70 + 0.3×25 + 0.2×50 = 35 + 7.5 + 10 = 52.5 → band [40,60) → stage 3
    // the gate on B starts at stage 4, so it does not apply
    // priorities by weight × gap to 100: B 0.3×75 = 22.5, A 0.5×30 = 15, C 0.2×50 = 10
    const r = scoreAssessment(compiled, { q1: 3, q2: 5, q3: 2, q4: ["w", "x"] });
    expect(dims(r)).toEqual({ a: 70, b: 25, c: 50 });
    expect([r.overall, r.bandStage, r.stage, r.heldBy]).toEqual([52.5, 3, 3, []]);
    expect(r.priorities.map((p) => [p.dimension, p.weightedGap])).toEqual([
      ["b", 22.5],
      ["a", 15],
      ["c", 10],
    ]);
  });

  it("firm 2: not applicable drops out, and a gate holds the stage down", () => {
    // q1 level 5 → 100;  q2 not applicable → dropped, A = 0.6×100 / 0.6 = 100
    // q3 level 2 → 25;  q4 all four ticked → 100
    // overall = 0.5×100 + 0.3×25 + 0.2×100 = 50 + 7.5 + 20 = 77.5 → band [60,80) → stage 4
    // gate: stage 4 needs B ≥ 40, B is 25 → the stage is held at 3
    // priorities: B first (it held the stage), A and C have no gap left
    const r = scoreAssessment(compiled, { q1: 5, q2: "na", q3: 2, q4: ["w", "x", "y", "z"] });
    expect(dims(r)).toEqual({ a: 100, b: 25, c: 100 });
    expect(r.indicators.find((i) => i.question === "q2")).toMatchObject({ status: "not_applicable", score: null });
    expect([r.overall, r.bandStage, r.stage, r.heldBy]).toEqual([77.5, 4, 3, ["b-before-4"]]);
    expect(r.priorities.map((p) => [p.dimension, p.heldStage])).toEqual([["b", true]]);
  });

  it("firm 3: a starting firm", () => {
    // q1 level 1 → 0;  q2 level 2 → 25;  A = 0.6×0 + 0.4×25 = 10
    // q3 level 1 → 0;  q4 "none of these" → 0
    // overall = 0.5×10 + 0 + 0 = 5 → band [0,20) → stage 1
    // priorities: A 0.5×90 = 45, B 0.3×100 = 30, C 0.2×100 = 20
    const r = scoreAssessment(compiled, { q1: 1, q2: 2, q3: 1, q4: ["none"] });
    expect(dims(r)).toEqual({ a: 10, b: 0, c: 0 });
    expect([r.overall, r.stage]).toEqual([5, 1]);
    expect(r.priorities.map((p) => [p.dimension, p.weightedGap, p.level])).toEqual([
      ["a", 45, 1],
      ["b", 30, 1],
      ["c", 20, 1],
    ]);
  });

  it("a score on a band edge belongs to the upper band; 100 is in the top band", () => {
    // q1 3 → 50, q2 n/a → A 50; q3 2 → 25; q4 none → 0: 25 + 7.5 + 0 = 32.5 (stage 2)
    expect(scoreAssessment(compiled, { q1: 3, q2: "na", q3: 2, q4: ["none"] }).stage).toBe(2);
    // A 50, B 50, C 0 → 25 + 15 + 0 = 40 exactly → stage 3
    expect(scoreAssessment(compiled, { q1: 3, q2: 3, q3: 3, q4: ["none"] })).toMatchObject({ overall: 40, stage: 3 });
    expect(scoreAssessment(compiled, { q1: 5, q2: 5, q3: 5, q4: ["w", "x", "y", "z"] })).toMatchObject({
      overall: 100,
      stage: 5,
    });
  });
});
