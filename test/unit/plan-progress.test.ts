import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actionProgress, nextAssessment, type ResultSnapshot } from "~/plan/progress";

const level = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
const score = fc.option(
  fc.integer({ min: 0, max: 1000 }).map((x) => x / 10),
  { nil: null },
);
const snapshot = (period: string): fc.Arbitrary<ResultSnapshot> =>
  fc.record({
    assessmentId: fc.uuid(),
    period: fc.constant(period),
    overall: fc.integer({ min: 0, max: 100 }),
    stage: fc.integer({ min: 1, max: 5 }),
    dimensions: fc.tuple(score, level, score, level).map(([s1, l1, s2, l2]) => [
      { id: "d", score: s1, level: l1 },
      { id: "e", score: s2, level: l2 },
    ]),
    indicators: fc.tuple(level, level, level).map(([a, b, c]) => [
      { question: "q1", dimension: "d", level: a },
      { question: "q2", dimension: "d", level: b },
      { question: "q3", dimension: "e", level: c },
    ]),
  });

describe("an action's progress on its dimension", () => {
  it("changes are after minus before, only for the action's dimension", () => {
    fc.assert(
      fc.property(snapshot("2025"), snapshot("2026"), (b, a) => {
        const p = actionProgress("d", b, a);
        expect(p.comparable).toBe(true);
        expect(p.stageChange).toBe(a.stage - b.stage);
        expect(p.indicators.map((i) => i.question)).toEqual(["q1", "q2"]);
        const [db, da] = [b.dimensions[0]!, a.dimensions[0]!];
        expect(p.scoreChange).toEqual(
          db.score === null || da.score === null ? null : Math.round((da.score - db.score) * 10) / 10,
        );
        for (const i of p.indicators)
          expect(i.change).toBe(i.before === null || i.after === null ? null : i.after - i.before);
      }),
    );
  });
  it("swapping before and after negates every change; the same result twice moves nothing", () => {
    fc.assert(
      fc.property(snapshot("2025"), snapshot("2026"), (b, a) => {
        const there = actionProgress("d", b, a);
        const back = actionProgress("d", a, b);
        expect(back.stageChange! + there.stageChange!).toBe(0);
        if (there.levelChange === null) expect(back.levelChange).toBeNull();
        else expect(back.levelChange! + there.levelChange).toBe(0);
        const same = actionProgress("d", b, b);
        expect(same.stageChange).toBe(0);
        for (const i of same.indicators) expect(i.change === null || i.change === 0).toBe(true);
      }),
    );
  });
  it("a dimension the later edition lacks is not compared", () => {
    fc.assert(
      fc.property(snapshot("2025"), snapshot("2026"), (b, a) => {
        const p = actionProgress("d", b, { ...a, dimensions: a.dimensions.filter((d) => d.id !== "d") });
        expect(p.comparable).toBe(false);
        expect(p.scoreChange).toBeNull();
        expect(p.indicators).toEqual([]);
      }),
    );
  });
  it("across editions only a dimension the later edition declares comparable is compared, and never the stage", () => {
    const declares = {
      comparableWith: [],
      comparability: [{ edition: "old", dimensions: ["e"], note: { zh: "", en: "" } }],
    };
    fc.assert(
      fc.property(snapshot("2025"), snapshot("2026"), (b, a) => {
        const before = { ...b, edition: "old" };
        const after = { ...a, edition: "new", declares };
        expect(actionProgress("d", before, after)).toMatchObject({
          comparable: false,
          scoreChange: null,
          indicators: [],
        });
        const e = actionProgress("e", before, after);
        expect(e.comparable).toBe(true);
        expect(e.indicators.map((i) => i.question)).toEqual(["q3"]);
        expect(e.stageChange).toBeNull();
        // Undeclared editions compare nothing, even on a dimension both hold.
        expect(actionProgress("e", before, { ...after, declares: undefined }).comparable).toBe(false);
      }),
    );
  });
  it("the next assessment is the earliest later submitted one", () => {
    const rows = [
      { id: "a", period: "2024", status: "submitted" },
      { id: "b", period: "2027", status: "submitted" },
      { id: "c", period: "2026", status: "draft" },
      { id: "d", period: "2026", status: "submitted" },
    ];
    expect(nextAssessment({ id: "a", period: "2024" }, rows)?.id).toBe("d");
    expect(nextAssessment({ id: "b", period: "2027" }, rows)).toBeNull();
  });
});
