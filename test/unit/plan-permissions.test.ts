import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editableFields, mayAdd, mayEdit, PLAN_FIELDS, type PlanField } from "~/plan/permissions";

const fields = fc.subarray([...PLAN_FIELDS] as PlanField[]);
const users = fc.constantFrom("u1", "u2", "u3");

describe("who may change the plan", () => {
  it("the firm owner may add and change everything", () => {
    fc.assert(
      fc.property(users, users, fields, (me, owner, changed) => {
        expect(mayAdd({ userId: me, role: "owner" }, owner)).toBe("allowed");
        expect(mayEdit({ userId: me, role: "owner" }, { ownerId: owner }, changed)).toBe("allowed");
      }),
    );
  });
  it("a stranger may do nothing", () => {
    fc.assert(
      fc.property(users, users, fields, (me, owner, changed) => {
        expect(mayAdd({ userId: me, role: null }, owner)).toBe("not_member");
        expect(mayEdit({ userId: me, role: null }, { ownerId: owner }, changed)).toBe("not_member");
      }),
    );
  });
  it("a member adds only actions they own", () => {
    expect(mayAdd({ userId: "u1", role: "member" }, "u1")).toBe("allowed");
    expect(mayAdd({ userId: "u1", role: "member" }, "u2")).toBe("owner_only");
  });
  it("a member changes status and notes of their own actions, nothing else", () => {
    fc.assert(
      fc.property(users, users, fields, (me, owner, changed) => {
        const d = mayEdit({ userId: me, role: "member" }, { ownerId: owner }, changed);
        if (changed.length === 0) expect(d).toBe("allowed");
        else if (owner !== me) expect(d).toBe("not_yours");
        else expect(d).toBe(changed.every((f) => f === "status" || f === "notes") ? "allowed" : "owner_only");
      }),
    );
  });
  it("what the page offers to edit is what the rule allows", () => {
    expect(editableFields({ userId: "u1", role: "member" }, { ownerId: "u1" })).toEqual(["status", "notes"]);
    expect(editableFields({ userId: "u1", role: "member" }, { ownerId: null })).toEqual([]);
    expect(editableFields({ userId: "u1", role: "owner" }, { ownerId: null })).toEqual([...PLAN_FIELDS]);
  });
});
