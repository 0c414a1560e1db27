// Who may see which part of the insights workspace: the one scope check every insights loader, download
// and API call goes through (app/insights/request.server.ts calls it). Pure: it knows principals and region
// codes, nothing of requests or the database.
import { governmentJurisdiction, hasStaffRole, type Principal } from "~/accounts/access";
import { ALL } from "~/statistics/types";

/**
 * What a staff member may look at: everything (analysts, admins, national government viewers), or the
 * named provinces (provincial government viewers), by their six-digit GB/T 2260 codes.
 */
export type InsightsScope = { kind: "national" } | { kind: "provinces"; provinces: readonly string[] };

/** The caller's insights scope, or null for anyone who is not staff (firm members, plain accounts). */
export function insightsScope(p: Principal): InsightsScope | null {
  if (hasStaffRole(p, "analyst") || hasStaffRole(p, "admin")) return { kind: "national" };
  const j = governmentJurisdiction(p);
  if (j === null) return null;
  return j === "national" ? { kind: "national" } : { kind: "provinces", provinces: j };
}

/** The province a region key lies in: a province code itself, or a city code's province (330200 → 330000). */
export function provinceOf(region: string): string | null {
  if (!/^\d{6}$/.test(region)) return null;
  return `${region.slice(0, 2)}0000`;
}

export type ScopeRefusal =
  | { reason: "outside"; region: string }
  /** A breakdown over the whole country, which a provincial viewer reads on the public statistics pages. */
  | { reason: "national" };

/**
 * May this scope see a breakdown over these region keys (`*` for the whole country, a province or a city
 * code)? Null when it may; otherwise why not. National reference figures shown beside a provincial view are
 * public cells and are not asked about here.
 */
export function refuseRegions(scope: InsightsScope, regions: readonly string[]): ScopeRefusal | null {
  if (scope.kind === "national") return null;
  for (const region of regions) {
    if (region === ALL) return { reason: "national" };
    const province = provinceOf(region);
    if (!province || !scope.provinces.includes(province)) return { reason: "outside", region };
  }
  return null;
}

/** The region a view opens on when the URL names none: the whole country, or the viewer's first province. */
export function homeRegion(scope: InsightsScope): string {
  return scope.kind === "national" ? ALL : scope.provinces[0]!;
}
