import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  availableSteps,
  CASE_RULES,
  CASE_STATUSES,
  type CaseActor,
  type CaseStep,
  firmCanEdit,
  transition,
} from "~/cases/workflow";

const steps = Object.keys(CASE_RULES) as CaseStep[];
const actors: CaseActor[] = ["firm", "analyst"];

describe("case workflow", () => {
  it("follows the review path and its loop back through returned", () => {
    expect(transition("submit", "firm", "draft")).toMatchObject({ ok: true, to: "submitted" });
    expect(transition("comment", "analyst", "submitted")).toMatchObject({
      ok: true,
      to: "in_review",
      needsComment: true,
    });
    expect(transition("comment", "analyst", "in_review")).toMatchObject({ ok: true, to: "in_review" });
    expect(transition("return", "analyst", "in_review")).toMatchObject({
      ok: true,
      to: "returned",
      needsComment: true,
    });
    expect(transition("submit", "firm", "returned")).toMatchObject({ ok: true, to: "submitted" });
    expect(transition("publish", "analyst", "submitted")).toMatchObject({ ok: true, to: "published" });
    expect(transition("withdraw", "firm", "published")).toMatchObject({ ok: true, to: "withdrawn" });
    expect(transition("withdraw", "analyst", "published")).toMatchObject({
      ok: true,
      to: "withdrawn",
      needsComment: true,
    });
  });

  it("a firm never reviews, and an analyst never submits for a firm", () => {
    for (const from of CASE_STATUSES) {
      for (const step of ["comment", "return", "reject", "publish"] as const)
        expect(transition(step, "firm", from).ok).toBe(false);
      expect(transition("submit", "analyst", from).ok).toBe(false);
    }
  });

  it("nothing leaves rejected or withdrawn, and nothing is published without passing submission", () => {
    fc.assert(
      fc.property(fc.constantFrom(...steps), fc.constantFrom(...actors), (step, actor) => {
        expect(transition(step, actor, "rejected").ok).toBe(false);
        expect(transition(step, actor, "withdrawn").ok).toBe(false);
        for (const from of ["draft", "returned"] as const) {
          const t = transition(step, actor, from);
          expect(t.ok && t.to === "published").toBe(false);
        }
      }),
    );
  });

  it("the steps offered are exactly those that succeed", () => {
    for (const actor of actors) {
      for (const from of CASE_STATUSES) {
        for (const step of steps)
          expect(availableSteps(actor, from).includes(step)).toBe(transition(step, actor, from).ok);
      }
    }
  });

  it("firms edit only drafts and returned cases", () => {
    expect(CASE_STATUSES.filter(firmCanEdit)).toEqual(["draft", "returned"]);
  });
});
