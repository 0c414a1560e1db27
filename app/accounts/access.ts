// Who may see or do what: pure rules over a principal, called by every loader and action
// through app/accounts/guard.server.ts.
// The role lists are the one source of the database enums (db/schema.ts), the forms and the role picker.
export const FIRM_ROLES = ["owner", "member"] as const;
export type FirmRole = (typeof FIRM_ROLES)[number];
export const STAFF_ROLES = ["analyst", "government", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface Principal {
  userId: string;
  memberships: ReadonlyArray<{ firmId: string; role: FirmRole }>;
  grants: ReadonlyArray<{ role: StaffRole; scope: string | null }>;
}

export function firmRole(p: Principal, firmId: string): FirmRole | null {
  return p.memberships.find((m) => m.firmId === firmId)?.role ?? null;
}

export function canViewFirm(p: Principal, firmId: string): boolean {
  return firmRole(p, firmId) !== null;
}

export function canManageFirm(p: Principal, firmId: string): boolean {
  return firmRole(p, firmId) === "owner";
}

export function hasStaffRole(p: Principal, role: StaffRole): boolean {
  return p.grants.some((g) => g.role === role);
}

/** A government viewer's jurisdiction: "national", a set of province codes, or null for none. */
export function governmentJurisdiction(p: Principal): "national" | string[] | null {
  const grants = p.grants.filter((g) => g.role === "government");
  if (grants.length === 0) return null;
  if (grants.some((g) => g.scope === null)) return "national";
  return grants.map((g) => g.scope!).sort();
}

export function canSeeRegion(p: Principal, regionCode: string): boolean {
  if (hasStaffRole(p, "analyst") || hasStaffRole(p, "admin")) return true;
  const j = governmentJurisdiction(p);
  return j === "national" || (Array.isArray(j) && j.includes(regionCode));
}
