// The size classes, largest first: the one list of their ids. The database enum (db/schema.ts), the case
// schema and form, and the check of content/taxonomies/size-classes.json (which holds the labels and
// thresholds) all take it from here, so this module stays free of imports.
export const SIZE_CLASSES = ["large", "medium", "small", "micro"] as const;
export type SizeClassId = (typeof SIZE_CLASSES)[number];

export interface SizeThreshold {
  id: SizeClassId;
  minEmployees: number;
  minRevenueWanYuan: number;
}

/**
 * The national statistical rule for industry: large, medium and small must meet both lower
 * bounds (employees and revenue in 10,000 yuan), otherwise the firm drops a class; micro is the rest.
 * `classes` is ordered from largest to smallest, the last one having zero bounds.
 */
export function classifySize(
  employees: number,
  revenueWanYuan: number,
  classes: readonly SizeThreshold[],
): SizeClassId {
  for (const c of classes) {
    if (employees >= c.minEmployees && revenueWanYuan >= c.minRevenueWanYuan) return c.id;
  }
  return "micro";
}
