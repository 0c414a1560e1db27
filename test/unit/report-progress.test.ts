import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { round1 } from "~/assessment/scoring";
import { progressOf, type ProgressRow } from "~/report/progress";

const ids = ["d1", "d2", "d3", "d4", "d5", "d6"];
const score = fc.option(
  fc.integer({ min: 0, max: 1000 }).map((x) => x / 10),
  { nil: null },
);
const dims = fc
  .subarray(ids, { minLength: 1 })
  .chain((chosen) =>
    fc.tuple(
      ...chosen.map((id) => score.map((s) => ({ id, score: s, level: s === null ? null : 1, answered: 1, total: 1 }))),
    ),
  );
const row = (id: string, period: string) =>
  fc
    .record({
      dimensions: dims,
      overall: fc.integer({ min: 0, max: 1000 }).map((x) => x / 10),
      stage: fc.integer({ min: 1, max: 5 }),
      model: fc.constantFrom("m1", "m2"),
    })
    .map((r): ProgressRow => ({
      id,
      period,
      status: "submitted",
      questionnaireVersionId: `q-${r.model}`,
      result: { modelId: r.model, modelVersion: 1, overall: r.overall, stage: r.stage, dimensions: r.dimensions },
    }));
/** 1–5 assessments in distinct periods, shuffled; the current one is any of them. */
const firmRows = fc
  .uniqueArray(fc.integer({ min: 2020, max: 2030 }), { minLength: 1, maxLength: 5 })
  .chain((years) => fc.tuple(...years.map((y, i) => row(`a${i}`, String(y)))))
  .chain((rows) =>
    fc.tuple(fc.shuffledSubarray(rows, { minLength: rows.length }), fc.constantFrom(...rows.map((r) => r.id))),
  );

// q-m2 declares d1–d3 comparable with q-m1 (the rule itself: test/unit/comparability.test.ts).
const declared = ["d1", "d2", "d3"];
const declarations = (edition: string) =>
  edition === "q-m2"
    ? { comparableWith: [], comparability: [{ edition: "q-m1", dimensions: declared, note: { zh: "", en: "" } }] }
    : { comparableWith: [] };

describe("progress across periods", () => {
  it("a change is after − before, only comparable dimensions appear, and the overall only within an edition", () => {
    fc.assert(
      fc.property(firmRows, ([rows, currentId]) => {
        const progress = progressOf(rows, currentId, declarations);
        const current = rows.find((r) => r.id === currentId)!;
        const earlier = rows.filter((r) => r.period < current.period);
        if (earlier.length === 0) {
          expect(progress).toBeNull();
          return;
        }
        expect(progress).not.toBeNull();
        for (const c of progress!.comparisons) {
          const before = rows.find((r) => r.period === c.before.period)!;
          const beforeIds = new Set(before.result!.dimensions.map((d) => d.id));
          const afterIds = new Set(current.result!.dimensions.map((d) => d.id));
          const same = before.questionnaireVersionId === current.questionnaireVersionId;
          const allowed = (id: string) => same || declared.includes(id);
          expect(c.dimensions.map((d) => d.id).sort()).toEqual(
            [...afterIds].filter((id) => beforeIds.has(id) && allowed(id)).sort(),
          );
          expect(c.notComparable).toBe(afterIds.size - c.dimensions.length);
          expect(c.notComparableIds).toHaveLength(c.notComparable);
          for (const d of c.dimensions) {
            if (d.before === null || d.after === null) expect(d.change).toBeNull();
            else expect(d.change).toBe(round1(d.after - d.before));
          }
          expect(c.overallComparable).toBe(same);
          expect(c.overallChange).toBe(same ? round1(current.result!.overall - before.result!.overall) : null);
          expect(c.stageAfter).toBe(current.result!.stage);
          expect(c.stageBefore).toBe(before.result!.stage);
          expect(c.sameEdition).toBe(before.result!.modelId === current.result!.modelId);
        }
      }),
    );
  });

  it("compares with the previous and the first earlier period, and the trend runs by period up to the current one", () => {
    fc.assert(
      fc.property(firmRows, ([rows, currentId]) => {
        const progress = progressOf(rows, currentId);
        if (!progress) return;
        const current = rows.find((r) => r.id === currentId)!;
        const periods = rows
          .map((r) => r.period)
          .filter((p) => p <= current.period)
          .sort();
        expect(progress.trend.map((t) => t.period)).toEqual(periods);
        expect(progress.trend.filter((t) => t.current).map((t) => t.period)).toEqual([current.period]);
        expect(progress.comparisons[0]!.against).toBe("previous");
        expect(progress.comparisons[0]!.before.period).toBe(periods[periods.length - 2]);
        if (periods.length > 2) {
          expect(progress.comparisons[1]!.against).toBe("first");
          expect(progress.comparisons[1]!.before.period).toBe(periods[0]);
        } else expect(progress.comparisons).toHaveLength(1);
      }),
    );
  });

  it("ignores drafts and unscored rows", () => {
    const base: ProgressRow = {
      id: "now",
      period: "2026",
      status: "submitted",
      questionnaireVersionId: "q",
      result: { modelId: "m", modelVersion: 1, overall: 50, stage: 2, dimensions: [] },
    };
    expect(progressOf([base, { ...base, id: "old", period: "2025", status: "draft" }], "now")).toBeNull();
    expect(progressOf([base, { ...base, id: "old", period: "2025", result: null }], "now")).toBeNull();
  });
});
