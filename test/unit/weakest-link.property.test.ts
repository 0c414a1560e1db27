// The weakest-link rule (decision 040): the stage is at most one above the band of the weakest
// foundation dimension, so a strong area cannot lift a firm past a weak foundation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answers } from "~/assessment/answers";
import type { BenchmarkModel } from "~/assessment/schemas";
import { compileModel, holdExplanation, scoreAssessment } from "~/assessment/scoring";
import { gatedDimensions } from "~/report/assemble";
import { answerOptions, answersAtLevel, arbitraryAnswers, loadVersion } from "~test/support/assessment-fixtures";

const v2025 = loadVersion("qmd-2025");
const v2026 = loadVersion("qmd-2026");
const { compiled, model, definition } = v2026;
const rule = model.weakestLink![0]!;
const foundation = new Set(rule.foundation);
const withModel = (m: BenchmarkModel) => compileModel(m, definition);
const withoutRule = withModel({ ...structuredClone(model), weakestLink: undefined });
const answers = arbitraryAnswers(compiled);

/** Every question of one dimension answered at its lowest level (coverage: none ticked). */
function atLevel(a: Answers, dimension: string, level: 1 | 2 | 3 | 4 | 5, c = compiled): Answers {
  const at = answersAtLevel(c, level);
  const out = { ...a };
  for (const ind of c.indicators) if (ind.dimension === dimension) out[ind.question] = at[ind.question]!;
  return out;
}

/** The issue's firm: equipment all at level 1, inspection at 2, everything else at 3. */
function issueExample(c: typeof compiled): Answers {
  return atLevel(atLevel(answersAtLevel(c, 3), "equipment", 1, c), "inspection", 2, c);
}

describe("the issue's example", () => {
  it("scored about 42.5 and stage 3 in 2025, which has no weakest-link rule", () => {
    const r = scoreAssessment(v2025.compiled, issueExample(v2025.compiled));
    expect(v2025.model.weakestLink).toBeUndefined();
    // the review counted 42.5; the fixture ticks 5 of 9 links for "level 3" coverage, hence 43
    expect(r.overall).toBeGreaterThanOrEqual(42.5);
    expect(r.overall).toBeLessThan(44);
    expect(r.stage).toBe(3);
  });

  it("cannot reach stage 3 in 2026: a level-1 foundation holds it at 2", () => {
    const r = scoreAssessment(compiled, issueExample(compiled));
    expect(r.dimensions.find((d) => d.id === "equipment")!.level).toBe(1);
    expect(r.bandStage).toBeGreaterThanOrEqual(3);
    expect(r.stage).toBe(2);
    expect(r.heldBy).toContain(rule.id);
    expect(r.priorities[0]).toMatchObject({ dimension: "equipment", heldStage: true });
  });
});

describe("weakest-link properties (qmd-2026)", () => {
  it("a strong area cannot lift a firm past a level-1 foundation", () => {
    fc.assert(
      fc.property(answers, fc.constantFrom(...rule.foundation), (a, weak) => {
        const strong = answersAtLevel(compiled, 5);
        // everything else as strong as it gets, or arbitrary; the weak foundation at level 1
        const r = scoreAssessment(compiled, atLevel({ ...a, ...strong }, weak, 1));
        const r2 = scoreAssessment(compiled, atLevel(a, weak, 1));
        return r.stage <= 2 && r2.stage <= 2;
      }),
      { numRuns: 200 },
    );
  });

  it("holds the stage at most one above the weakest scored foundation band", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const r = scoreAssessment(compiled, a);
        const levels = r.dimensions.filter((d) => foundation.has(d.id) && d.level !== null).map((d) => d.level!);
        return levels.length === 0 || r.stage <= Math.min(...levels) + rule.maxStageAbove;
      }),
      { numRuns: 300 },
    );
  });

  it("never raises a stage, and changes nothing else", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const [gated, plain] = [scoreAssessment(compiled, a), scoreAssessment(withoutRule, a)];
        expect(gated.stage).toBeLessThanOrEqual(plain.stage);
        expect(gated.overall).toBe(plain.overall);
        expect(gated.bandStage).toBe(plain.bandStage);
        expect(gated.dimensions).toEqual(plain.dimensions);
        expect(gated.heldBy.filter((id) => id !== rule.id)).toEqual(plain.heldBy);
      }),
      { numRuns: 200 },
    );
  });

  it("is monotone: a better answer never lowers the stage", () => {
    fc.assert(
      fc.property(answers, fc.nat(), (a, index) => {
        const ind = compiled.indicators[index % compiled.indicators.length]!;
        fc.pre(ind.kind === "level" && a[ind.question] !== undefined);
        const { ordered } = answerOptions(ind);
        const at = ordered.indexOf(a[ind.question] as number);
        fc.pre(at >= 0 && at < ordered.length - 1);
        const better = { ...a, [ind.question]: ordered[at + 1]! };
        expect(scoreAssessment(compiled, better).stage).toBeGreaterThanOrEqual(scoreAssessment(compiled, a).stage);
      }),
      { numRuns: 300 },
    );
  });
});

describe("without weakest-link rules nothing changes", () => {
  it("scores 2025 identically with an empty rule list", () => {
    const empty = compileModel({ ...structuredClone(v2025.model), weakestLink: [] }, v2025.definition);
    fc.assert(
      fc.property(arbitraryAnswers(v2025.compiled), (a) => {
        expect(scoreAssessment(empty, a)).toEqual(scoreAssessment(v2025.compiled, a));
      }),
      { numRuns: 200 },
    );
  });

  it("a rule with no scored foundation sets no cap", () => {
    const r = scoreAssessment(compiled, answersAtLevel(compiled, 5));
    const noFoundation = Object.fromEntries(
      Object.entries(answersAtLevel(compiled, 5)).filter(
        ([q]) => !foundation.has(compiled.indicators.find((i) => i.question === q)!.dimension),
      ),
    );
    expect(r.stage).toBe(5);
    expect(scoreAssessment(compiled, noFoundation).heldBy).not.toContain(rule.id);
  });
});

describe("the report's view of a weakest-link hold", () => {
  it("names the foundation dimensions at the lowest band and the rule's explanation", () => {
    const answers = atLevel(answersAtLevel(compiled, 3), "equipment", 1);
    const result = scoreAssessment(compiled, answers);
    expect(result.heldBy).toContain(rule.id);
    expect(gatedDimensions(model, result.heldBy, result.dimensions)).toEqual(new Set(["equipment"]));
    expect(holdExplanation(model, rule.id)).toEqual(rule.explanation);
    expect(holdExplanation(model, model.gates[0]!.id)).toEqual(model.gates[0]!.explanation);
    expect(holdExplanation(model, "no-such-rule")).toBeNull();
  });
});
