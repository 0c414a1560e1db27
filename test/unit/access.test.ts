import { describe, expect, it } from "vitest";
import {
  canManageFirm,
  canSeeRegion,
  canViewFirm,
  governmentJurisdiction,
  hasStaffRole,
  type Principal,
} from "~/accounts/access";

const base: Principal = { userId: "u", memberships: [], grants: [] };
const owner: Principal = { ...base, memberships: [{ firmId: "A", role: "owner" }] };
const member: Principal = { ...base, memberships: [{ firmId: "A", role: "member" }] };

describe("access rules", () => {
  it("firm pages are for the firm's members; managing is for owners", () => {
    expect(canViewFirm(owner, "A")).toBe(true);
    expect(canViewFirm(member, "A")).toBe(true);
    expect(canViewFirm(member, "B")).toBe(false);
    expect(canManageFirm(owner, "A")).toBe(true);
    expect(canManageFirm(member, "A")).toBe(false);
    expect(canManageFirm(owner, "B")).toBe(false);
  });

  it("staff roles do not open firm pages", () => {
    const admin: Principal = { ...base, grants: [{ role: "admin", scope: null }] };
    expect(hasStaffRole(admin, "admin")).toBe(true);
    expect(canViewFirm(admin, "A")).toBe(false);
  });

  it("government reach is national or a set of provinces", () => {
    const zj: Principal = { ...base, grants: [{ role: "government", scope: "330000" }] };
    const nat: Principal = {
      ...base,
      grants: [
        { role: "government", scope: null },
        { role: "government", scope: "330000" },
      ],
    };
    expect(governmentJurisdiction(base)).toBeNull();
    expect(governmentJurisdiction(zj)).toEqual(["330000"]);
    expect(governmentJurisdiction(nat)).toBe("national");
    expect(canSeeRegion(zj, "330000")).toBe(true);
    expect(canSeeRegion(zj, "320000")).toBe(false);
    expect(canSeeRegion(nat, "320000")).toBe(true);
    expect(canSeeRegion(owner, "330000")).toBe(false);
  });
});
