import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAnswers } from "~/assessment/answers";
import { questionsOf } from "~/assessment/questions";
import { arbitraryAnswers, loadVersion } from "~test/support/assessment-fixtures";

const { definition, compiled, model } = loadVersion("qmd-2025");
const questions = questionsOf(definition);
const scored = new Set(model.indicators.map((i) => i.question));

describe("answer validation against the definition", () => {
  it("accepts every well-formed partial answer set", () => {
    fc.assert(fc.property(arbitraryAnswers(compiled), (a) => checkAnswers(questions, a).ok));
  });

  it("normalises string numbers on single-choice questions", () => {
    const r = checkAnswers(questions, { str_digital_direction: "3" });
    expect(r).toEqual({ ok: true, answers: { str_digital_direction: 3 } });
  });

  it.each([
    [[], "", "not_an_object"],
    [{ nope: 1 }, "nope", "unknown_question"],
    [{ __proto__: { x: 1 }, str_digital_direction: 3 }, "", "not_an_object"],
    [{ str_digital_direction: 9 }, "str_digital_direction", "out_of_range"],
    [{ str_digital_direction: 2.5 }, "str_digital_direction", "wrong_type"],
    [{ str_digital_direction: [1] }, "str_digital_direction", "wrong_type"],
    [{ str_digital_direction: "na" }, "str_digital_direction", "out_of_range"],
    [{ scn_links_data: "rnd" }, "scn_links_data", "wrong_type"],
    [{ scn_links_data: ["rnd", "rnd"] }, "scn_links_data", "duplicate_choice"],
    [{ scn_links_data: ["rnd", "none"] }, "scn_links_data", "none_with_others"],
    [{ scn_links_data: ["moon"] }, "scn_links_data", "out_of_range"],
    [{ scn_links_data: [] }, "scn_links_data", "wrong_type"],
    [{ str_digital_direction: "x".repeat(1000) }, "str_digital_direction", "wrong_type"],
  ])("refuses %j, naming %s (%s)", (input, question, code) => {
    const r = checkAnswers(questions, input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContainEqual({ question, code });
  });

  it("lists every unanswered required question", () => {
    const r = checkAnswers(questions, { str_digital_direction: 1 }, scored);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.filter((p) => p.code === "missing")).toHaveLength(scored.size - 1);
  });
});
