// Comparability between editions (issue 13 item 6, decision 043): what of two assessments' results may be
// compared. Pure, over the two editions' ids and what their models declare. The same edition compares
// whole. Different editions compare whole only when a model lists the other in `comparableWith`; else only
// the dimensions a `comparability` entry names, and then never the overall score or the stage, whose
// weights, bands and gates differ between editions. A declaration is about a pair of editions, so either
// model may make it (in practice the newer one, since the older cannot know what comes after it).
import type { BenchmarkModel } from "~/assessment/schemas";
import type { Localized } from "~/content/schemas";

/** What the rule reads of a model: the declarations about other editions. */
export type ComparabilityDeclarations = Pick<BenchmarkModel, "comparableWith" | "comparability">;

/** The declarations of an edition's model, by edition id; undefined when the edition is unknown. */
export type DeclarationsOf = (edition: string) => ComparabilityDeclarations | undefined;

export interface EditionSide {
  /** the questionnaire version id (the edition), e.g. "qmd-2025" */
  edition: string;
  /** that edition's model; unknown (undefined) declares nothing */
  declares?: ComparabilityDeclarations | undefined;
}

export interface ComparisonScope {
  sameEdition: boolean;
  /** the overall score and the stage compare */
  overall: boolean;
  /** "all": every dimension both results hold; else only these dimension ids */
  dimensions: "all" | ReadonlySet<string>;
  /** the declaring model's note on what compares, when a dimension-level declaration applies */
  note: Localized | null;
}

const NOTHING: Omit<ComparisonScope, "sameEdition"> = { overall: false, dimensions: new Set(), note: null };

function declaredBy(side: EditionSide, other: string): Omit<ComparisonScope, "sameEdition"> | null {
  if (side.declares?.comparableWith.includes(other)) return { overall: true, dimensions: "all", note: null };
  const entry = side.declares?.comparability?.find((c) => c.edition === other);
  return entry ? { overall: false, dimensions: new Set(entry.dimensions), note: entry.note } : null;
}

/** What compares between an assessment of `a`'s edition and one of `b`'s (symmetric). */
export function comparisonScope(a: EditionSide, b: EditionSide): ComparisonScope {
  if (a.edition === b.edition) return { sameEdition: true, overall: true, dimensions: "all", note: null };
  // A whole-edition declaration on either side wins over a dimension list on the other.
  const fromA = declaredBy(a, b.edition);
  const fromB = declaredBy(b, a.edition);
  const whole = [fromA, fromB].find((d) => d?.dimensions === "all");
  return { sameEdition: false, ...(whole ?? fromA ?? fromB ?? NOTHING) };
}

/** Whether one dimension compares under a scope (both results must still hold a score for it). */
export const dimensionComparable = (scope: ComparisonScope, id: string): boolean =>
  scope.dimensions === "all" || scope.dimensions.has(id);

/**
 * Splits the later result's dimensions (in its order) into those compared with the earlier result and
 * those not: a dimension compares when the scope allows it and the earlier result holds it too.
 */
export function splitDimensions(
  scope: ComparisonScope,
  after: readonly string[],
  before: readonly string[],
): { compared: string[]; notCompared: string[] } {
  const earlier = new Set(before);
  const compared: string[] = [];
  const notCompared: string[] = [];
  for (const id of after) (earlier.has(id) && dimensionComparable(scope, id) ? compared : notCompared).push(id);
  return { compared, notCompared };
}
