import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answers } from "~/assessment/answers";
import { bandOf, scoreAssessment } from "~/assessment/scoring";
import { answerOptions, answersAtLevel, arbitraryAnswers, loadVersion } from "~test/support/assessment-fixtures";

const { compiled, model } = loadVersion("qmd-2025");
const answers = arbitraryAnswers(compiled);
const score = (a: Answers) => scoreAssessment(compiled, a);
const within = (x: number | null) => x === null || (x >= 0 && x <= 100);

/** Replace one answered question's answer by a better one, if it has one. */
function improve(a: Answers, index: number, pick: number): Answers | null {
  const ind = compiled.indicators[index % compiled.indicators.length]!;
  const current = a[ind.question];
  if (current === undefined) return null;
  if (ind.kind === "level") {
    const { ordered } = answerOptions(ind);
    const at = ordered.indexOf(current as number);
    if (at < 0 || at === ordered.length - 1) return null;
    return { ...a, [ind.question]: ordered[at + 1 + (pick % (ordered.length - at - 1))]! };
  }
  const choices = ind.info.values.filter((v) => v !== ind.none);
  const ticked = (current as string[]).filter((v) => choices.includes(v));
  const missing = choices.filter((v) => !ticked.includes(v));
  if (missing.length === 0) return null;
  return { ...a, [ind.question]: [...ticked, missing[pick % missing.length]!] };
}

describe("scoring engine properties (qmd-2025)", () => {
  it("is bounded: every score in 0-100, the stage in 1-5", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const r = score(a);
        return (
          within(r.overall) &&
          r.dimensions.every((d) => within(d.score)) &&
          r.indicators.every((i) => within(i.score)) &&
          r.stage >= 1 &&
          r.stage <= 5
        );
      }),
    );
  });

  it("is monotone: a better answer never lowers any score or the stage", () => {
    fc.assert(
      fc.property(answers, fc.nat(), fc.nat(), (a, index, pick) => {
        const better = improve(a, index, pick);
        fc.pre(better !== null);
        const [before, after] = [score(a), score(better!)];
        expect(after.overall).toBeGreaterThanOrEqual(before.overall);
        expect(after.stage).toBeGreaterThanOrEqual(before.stage);
        after.dimensions.forEach((d, i) =>
          expect(d.score ?? 0).toBeGreaterThanOrEqual(before.dimensions[i]!.score ?? 0),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("drops a not-applicable answer and re-normalises the weights of the others", () => {
    const withNa = compiled.indicators.filter((i) => i.kind === "level" && i.notApplicable);
    expect(withNa.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.constantFrom(...withNa),
        fc.constantFrom(1, 2, 3, 4, 5) as fc.Arbitrary<1 | 2 | 3 | 4 | 5>,
        (ind, level) => {
          const base = answersAtLevel(compiled, level);
          const na = score({ ...base, [ind.question]: ind.kind === "level" ? ind.notApplicable! : [] });
          // Every other indicator of the dimension sits at `level`, so the dimension keeps that level's score exactly.
          const dim = na.dimensions.find((d) => d.id === ind.dimension)!;
          const others = compiled.indicators.filter((i) => i.dimension === ind.dimension && i !== ind);
          const expected = score(base).indicators.filter((i) => others.some((o) => o.question === i.question));
          const mean =
            expected.reduce((s, i, k) => s + others[k]!.weight * i.score!, 0) /
            others.reduce((s, o) => s + o.weight, 0);
          expect(dim.score).toBeCloseTo(Math.round(mean * 10) / 10, 9);
          expect(dim.answered).toBe(dim.total - 1);
          // Not applicable is not the lowest level: it is the same as leaving the question out.
          const { [ind.question]: _dropped, ...without } = base;
          expect(na.overall).toBe(score(without).overall);
        },
      ),
    );
  });

  it("puts the stage in the band of the overall score unless a gate holds it down", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const r = score(a);
        expect(r.bandStage).toBe(bandOf(model, r.overall));
        const stage = model.stages.find((s) => s.stage === r.bandStage)!;
        expect(r.overall >= stage.min && (r.overall < stage.max || (stage.max === 100 && r.overall <= 100))).toBe(true);
        const failing = model.gates.filter(
          (g) =>
            g.fromStage <= r.bandStage && (r.dimensions.find((d) => d.id === g.dimension)!.score ?? 0) < g.minScore,
        );
        expect(r.heldBy).toEqual(failing.map((g) => g.id).sort());
        expect(r.stage).toBe(Math.min(r.bandStage, ...failing.map((g) => g.fromStage - 1)));
        for (const g of failing) expect(r.stage).toBeLessThan(g.fromStage);
      }),
    );
  });

  it("is deterministic, whatever the order of the answers", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const reversed = Object.fromEntries(Object.entries(a).reverse());
        expect(score(reversed)).toEqual(score(a));
        expect(score(a)).toEqual(score(a));
      }),
      { numRuns: 100 },
    );
  });

  it("scores the extremes at 0 and 100 and puts them at stages 1 and 5", () => {
    const low = score(answersAtLevel(compiled, 1));
    const high = score(answersAtLevel(compiled, 5));
    expect([low.overall, low.stage]).toEqual([0, 1]);
    expect([high.overall, high.stage, high.heldBy]).toEqual([100, 5, []]);
    expect(high.priorities).toEqual([]);
  });
});
