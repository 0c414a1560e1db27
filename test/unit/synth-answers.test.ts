// The synthetic generator's assessments: answers always valid for the definition, scores from the
// real engine, and the patterns the statistics should show (size, region, dimension, trend).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerPlan, generateAnswers } from "~db/synth/answers";
import { zoneOf } from "~db/synth/distributions";
import {
  defaultPeriods,
  expectedAssessmentsPerFirm,
  normaliseSeed,
  periodWindow,
  Synthesiser,
  type SyntheticFirm,
} from "~db/synth/generate";
import { taxonomyFromContent } from "~db/synth/taxonomy";
import { checkAnswers } from "~/assessment/answers";
import { questionsOf } from "~/assessment/questions";
import { scoreAssessment } from "~/assessment/scoring";
import { Rng } from "~/platform/seeded-random";
import { loadVersion } from "~test/support/assessment-fixtures";

const version = loadVersion();
const plan = answerPlan(version.definition, version.compiled);
const questions = questionsOf(version.definition);
const required = new Set(version.model.indicators.map((i) => i.question));

const NOW = new Date("2026-11-22T08:00:00Z");
const PERIODS = ["2023", "2024", "2025"];
const run = (seed: number | string, firms: number, periods = PERIODS) => [
  ...new Synthesiser(version, taxonomyFromContent(), { seed, firms, periods, now: NOW }).firms(),
];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("generated answers", () => {
  it("are always valid for the definition, answer every scored question, and are already in canonical form", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), {
          minLength: plan.dimensions.length,
          maxLength: plan.dimensions.length,
        }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (seed, latent, naBoost) => {
          const answers = generateAnswers(plan, latent, { naBoost }, new Rng(seed));
          const checked = checkAnswers(questions, answers, required);
          expect(checked).toEqual({ ok: true, answers });
          expect(Object.keys(answers)).toEqual(questions.map((q) => q.name));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("follow the latent level: higher maturity gives higher scores", () => {
    const rng = new Rng(9);
    const scoreAt = (level: number) =>
      mean(
        Array.from(
          { length: 200 },
          () =>
            scoreAssessment(
              version.compiled,
              generateAnswers(
                plan,
                plan.dimensions.map(() => level),
                { naBoost: 0 },
                rng,
              ),
            ).overall,
        ),
      );
    const low = scoreAt(15);
    const mid = scoreAt(50);
    const high = scoreAt(85);
    expect(mid).toBeGreaterThan(low + 20);
    expect(high).toBeGreaterThan(mid + 20);
    expect(Math.abs(mid - 50)).toBeLessThan(8);
  });

  it("say 'not applicable' sometimes, only where the model allows it", () => {
    const rng = new Rng(4);
    const sets = Array.from({ length: 2000 }, () =>
      generateAnswers(
        plan,
        plan.dimensions.map(() => 40),
        { naBoost: 0.04 },
        rng,
      ),
    );
    for (const ind of version.compiled.indicators) {
      const na =
        sets.filter(
          (s) =>
            ind.kind === "level" && ind.notApplicable !== undefined && String(s[ind.question]) === ind.notApplicable,
        ).length / sets.length;
      if (ind.kind === "level" && ind.notApplicable !== undefined) {
        expect(na).toBeGreaterThan(0.03);
        expect(na).toBeLessThan(0.25);
      } else expect(na).toBe(0);
    }
  });
});

describe("the synthesiser", () => {
  const firms = run(2026, 6000);
  const rows = firms.flatMap((f) => f.assessments.map((a) => ({ a, o: f.row })));

  it("is deterministic for a seed (numbers and text both work) and differs between seeds", () => {
    expect(run(7, 150)).toEqual(run(7, 150));
    expect(run("demo", 50)).toEqual(run("demo", 50));
    expect(run(8, 150)[0]).not.toEqual(run(7, 150)[0]);
    expect(normaliseSeed("42")).toBe(42);
    expect(normaliseSeed("demo")).toBe(normaliseSeed("demo"));
  });

  it("stores what the scoring engine gives for the stored answers, without indicator scores, as submit does", () => {
    for (const { a } of rows.slice(0, 500)) {
      const result = scoreAssessment(version.compiled, a.answers);
      const { indicators: _i, ...stored } = result;
      expect(a.result).toEqual(stored);
      expect(a.overall_score).toBe(result.overall);
      expect(a.stage).toBe(result.stage);
      expect(a.dimension_scores).toEqual(Object.fromEntries(result.dimensions.map((d) => [d.id, d.score])));
      expect("indicators" in a.result).toBe(false);
    }
  });

  it("gives each firm one to all periods, more firms in later periods, and unique ids", () => {
    const perFirm = firms.map((f) => f.assessments.length);
    expect(Math.min(...perFirm)).toBe(1);
    expect(Math.max(...perFirm)).toBe(3);
    expect(perFirm.filter((n) => n < 3).length / firms.length).toBeGreaterThan(0.3);
    const byPeriod = PERIODS.map((p) => rows.filter((r) => r.a.period === p).length);
    expect(byPeriod[0]!).toBeLessThan(byPeriod[1]!);
    expect(byPeriod[1]!).toBeLessThan(byPeriod[2]!);
    expect(
      Math.abs(rows.length / firms.length - expectedAssessmentsPerFirm(3)) / expectedAssessmentsPerFirm(3),
    ).toBeLessThan(0.03);
    expect(new Set(rows.map((r) => r.a.id)).size).toBe(rows.length);
    for (const f of firms) expect(new Set(f.assessments.map((a) => a.period)).size).toBe(f.assessments.length);
  });

  it("dates each submission inside its period and before now, after its draft and its firm", () => {
    for (const f of firms.slice(0, 2000)) {
      for (const a of f.assessments) {
        const w = periodWindow(a.period);
        const at = Date.parse(a.submitted_at);
        expect(at).toBeGreaterThanOrEqual(w.start);
        expect(at).toBeLessThanOrEqual(Math.min(w.end, NOW.getTime()));
        expect(Date.parse(a.created_at)).toBeLessThan(at);
        expect(Date.parse(f.row.created_at)).toBeLessThan(Date.parse(a.created_at));
        expect(a.version).toBeGreaterThanOrEqual(2);
      }
    }
    expect(() => run(1, 1, ["2027"])).toThrow(/not started/);
    const wave = run(1, 30, ["2026-H1"]).flatMap((f) => f.assessments);
    for (const a of wave) expect(a.submitted_at < "2026-07-01").toBe(true);
  });

  it("scores larger firms higher, the coastal east above the west, and some dimensions above others", () => {
    const bySize = (size: string) => mean(rows.filter((r) => r.o.size_class === size).map((r) => r.a.overall_score));
    expect(bySize("large")).toBeGreaterThan(bySize("medium") + 5);
    expect(bySize("medium")).toBeGreaterThan(bySize("small") + 5);
    expect(bySize("small")).toBeGreaterThan(bySize("micro") + 5);
    const byZone = (zone: string) =>
      mean(rows.filter((r) => zoneOf(r.o.region_code) === zone).map((r) => r.a.overall_score));
    expect(byZone("east")).toBeGreaterThan(byZone("west") + 3);
    const dim = (id: string) =>
      mean(rows.map((r) => r.a.dimension_scores[id]).filter((s): s is number => typeof s === "number"));
    expect(dim("strategy")).toBeGreaterThan(dim("data-modelling") + 8);
    const stages = new Set(rows.map((r) => r.a.stage));
    expect([...stages].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("lets firms improve over time: firms assessed in every period gain on average, and many gain a lot", () => {
    const full = firms.filter((f) => f.assessments.length === 3);
    const gains = full.map((f) => f.assessments[2]!.overall_score - f.assessments[0]!.overall_score);
    expect(mean(gains)).toBeGreaterThan(2);
    expect(gains.filter((g) => g > 8).length / gains.length).toBeGreaterThan(0.2);
    expect(gains.filter((g) => g < 0).length / gains.length).toBeGreaterThan(0.05);
  });

  it("keeps a group's firms under one group key and everyone else under none", () => {
    const grouped = firms.filter((f: SyntheticFirm) => f.row.group_key);
    expect(grouped.length).toBeGreaterThan(0);
    for (const f of grouped) expect(f.row.group_key).toMatch(/^synthetic:group:\d{6}$/);
  });

  it("defaults to the last three full years", () => {
    expect(defaultPeriods(new Date("2026-11-22T00:00:00Z"))).toEqual(["2023", "2024", "2025"]);
  });
});
