import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answers } from "~/assessment/answers";
import { mergeDraft, sameAnswer } from "~/assessment/merge";

const value = fc.oneof(
  fc.integer({ min: 1, max: 5 }),
  fc.constant("na"),
  fc.subarray(["a", "b", "c"], { minLength: 1 }),
);
const answers = fc.dictionary(fc.constantFrom("q1", "q2", "q3", "q4", "q5", "q6"), value) as fc.Arbitrary<Answers>;

describe("merging concurrent saves of a draft", () => {
  it("applies a save made on the current version as it is", () => {
    fc.assert(
      fc.property(answers, answers, (current, changes) => {
        const r = mergeDraft(current, 3, 3, changes, {});
        return r.ok && Object.entries(changes).every(([q, v]) => sameAnswer(r.answers[q], v));
      }),
    );
  });

  it("keeps both members' answers when they changed different questions", () => {
    const read: Answers = { q1: 1 };
    // Member A saved q2 first (version 1 → 2); member B, still on version 1, saves q3.
    const afterA = mergeDraft(read, 1, 1, { q2: 4 }, { q2: null });
    expect(afterA.ok).toBe(true);
    const afterB = mergeDraft(afterA.ok ? afterA.answers : {}, 2, 1, { q3: ["a"] }, { q3: null });
    expect(afterB).toEqual({ ok: true, answers: { q1: 1, q2: 4, q3: ["a"] } });
  });

  it("refuses a stale save of a question someone else changed, and never loses an answer", () => {
    fc.assert(
      fc.property(answers, fc.constantFrom("q1", "q2", "q3"), value, value, (start, q, theirs, mine) => {
        fc.pre(!sameAnswer(theirs, mine) && !sameAnswer(start[q], theirs));
        const seen = start[q] ?? null;
        const afterThem = { ...start, [q]: theirs };
        const r = mergeDraft(afterThem, 2, 1, { [q]: mine }, { [q]: seen });
        expect(r).toEqual({ ok: false, conflicts: [q] });
      }),
    );
  });

  it("treats the same choices in another order as the same answer", () => {
    expect(sameAnswer(["a", "b"], ["b", "a"])).toBe(true);
    expect(sameAnswer(3, "3")).toBe(true);
    expect(sameAnswer(undefined, null)).toBe(true);
    expect(mergeDraft({ q1: ["a", "b"] }, 2, 1, { q1: ["b", "a"] }, { q1: ["a"] }).ok).toBe(true);
  });

  it("clears an answer when the change is null", () => {
    expect(mergeDraft({ q1: 2, q2: 3 }, 1, 1, { q1: null }, {})).toEqual({ ok: true, answers: { q2: 3 } });
  });
});
