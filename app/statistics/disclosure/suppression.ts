// Disclosure control of one period of a release: primary suppression, suppressions carried from earlier
// releases, the across-time rule, then secondary suppression until the linear audit finds nothing
// computable. Pure: counts in, one suppression pattern (shared by every metric of a cell) out. A second
// run over the same machinery, given the first run's pattern, withholds the stage distributions of
// otherwise published cells (`stagePass`, decision 023).
import type { Relation } from "~/statistics/disclosure/cube-shape";
import { disclosedCells } from "~/statistics/disclosure/linear-audit";
import type { DisclosureRules, SuppressionReason } from "~/statistics/types";

export const STAGES = 5;

export interface PeriodCounts {
  /** Firms per cell (every level). */
  firms: Int32Array;
  /** Independent units per cell: firms of one group of companies count once. */
  units: Int32Array;
  /** Firms per cell and stage: cell * STAGES + (stage − 1). */
  stages: Int32Array;
}

/** What an earlier release published for the same period, and how much changed since. */
export interface EarlierPeriod {
  published: Uint8Array;
  suppressed: Uint8Array;
  /** Units added, removed or changed since that release, per cell (every level). */
  changedUnits: Int32Array;
  /** Cells that release published with their stage distribution withheld (stageShares null). */
  stagesWithheld: Uint8Array;
}

export interface SuppressionInput {
  cellCount: number;
  relations: readonly Relation[];
  /** Ancestors (itself included) of every interior cell of the cube. */
  interior: Map<number, number[]>;
  /**
   * The audit's unknowns over the cells `active` marks, each with the cells counting it; by default the
   * active interior cells. A layer beyond the cube (the city layer) brings its own (cube-shape auditVariables).
   */
  variables?: (active: (cell: number) => boolean) => Map<number, number[]>;
  counts: PeriodCounts;
  earlier: readonly EarlierPeriod[];
  rules: DisclosureRules;
  random: () => number;
  /** This pass's primary rule; the cell-level one (`primaryReason`) unless given. */
  primary?: (cell: number) => SuppressionReason | null;
  /**
   * Reasons settled by an earlier pass, taken as given: such a cell stays withheld, unknown to readers and
   * never a candidate for secondary suppression.
   */
  given?: ReadonlyArray<SuppressionReason | null>;
}

export interface SuppressionResult {
  /** Per cell: null when published (or empty), else why it is suppressed. */
  reasons: Array<SuppressionReason | null>;
  /** Rounds of audit needed. */
  rounds: number;
  /** Cells an audit found computable that no further suppression in this release could protect. */
  unresolved: number[];
}

export function primaryReason(counts: PeriodCounts, cell: number, rules: DisclosureRules): SuppressionReason | null {
  const firms = counts.firms[cell]!;
  if (firms === 0) return null;
  if (counts.units[cell]! < Math.max(rules.minUnitsForScores, rules.minUnitsForCounts)) return "threshold";
  let top = 0;
  for (let s = 0; s < STAGES; s++) top = Math.max(top, counts.stages[cell * STAGES + s]!);
  if (top >= firms - rules.dominanceSlack) return "dominance";
  return null;
}

/** A stage distribution with a stage of 1 … minFirmsPerStage − 1 firms publishes a count below the rule. */
export function stagePrimaryReason(
  counts: PeriodCounts,
  cell: number,
  rules: DisclosureRules,
): SuppressionReason | null {
  for (let s = 0; s < STAGES; s++) {
    const n = counts.stages[cell * STAGES + s]!;
    if (n > 0 && n < rules.minFirmsPerStage) return "threshold";
  }
  return null;
}

/** An earlier release's pattern of stage distributions: published only where the cell's stages were. */
export function earlierStagePattern(e: EarlierPeriod): EarlierPeriod {
  const published = new Uint8Array(e.published.length);
  const suppressed = new Uint8Array(e.published.length);
  for (let c = 0; c < published.length; c++) {
    published[c] = e.published[c] && !e.stagesWithheld[c] ? 1 : 0;
    suppressed[c] = e.suppressed[c] || e.stagesWithheld[c] ? 1 : 0;
  }
  return { published, suppressed, changedUnits: e.changedUnits, stagesWithheld: e.stagesWithheld };
}

/**
 * The stage distributions to withhold, given the cell pattern (`cellReasons`, from `suppressPeriod`): stage
 * counts add up over the cube's relations like every other count, so the same machinery runs over them,
 * one pattern for all five stages. A cell suppressed whole stays so and is unknown; the result gives a
 * reason only for published cells whose stage shares are withheld. Skipped when nothing differs from the
 * cell pattern (no stage below the rule and no earlier release withheld stages), since the first pass then
 * settled it already.
 */
export function stagePass(
  input: Omit<SuppressionInput, "primary" | "given">,
  cellReasons: ReadonlyArray<SuppressionReason | null>,
): SuppressionResult {
  const { counts, rules } = input;
  const present = (c: number) => counts.firms[c]! > 0;
  const primary = (c: number) => stagePrimaryReason(counts, c, rules);
  const withheldBefore = input.earlier.some((e) => e.stagesWithheld.some((x) => x === 1));
  let any = withheldBefore;
  for (let c = 0; c < input.cellCount && !any; c++) if (present(c) && cellReasons[c] === null && primary(c)) any = true;
  if (!any) return { reasons: new Array(input.cellCount).fill(null), rounds: 0, unresolved: [] };
  const outcome = suppressPeriod({
    ...input,
    earlier: input.earlier.map(earlierStagePattern),
    primary,
    given: cellReasons,
  });
  return { ...outcome, reasons: outcome.reasons.map((r, c) => (cellReasons[c] === null ? r : null)) };
}

const MAX_ROUNDS = 50;

export function suppressPeriod(input: SuppressionInput): SuppressionResult {
  const { cellCount, counts, earlier, rules } = input;
  const present = (c: number) => counts.firms[c]! > 0;
  const primary = input.primary ?? ((c: number) => primaryReason(counts, c, rules));
  const reasons: Array<SuppressionReason | null> = new Array(cellCount).fill(null);
  // Known to any reader already: published by an earlier release and unchanged since.
  const knownBefore = new Uint8Array(cellCount);
  for (let c = 0; c < cellCount; c++) {
    if (!present(c)) continue;
    reasons[c] = input.given?.[c] ?? primary(c);
    for (const e of earlier) {
      if (e.published[c] && e.changedUnits[c] === 0) knownBefore[c] = 1;
      if (reasons[c]) continue;
      if (e.suppressed[c]) reasons[c] = "carried";
      else if (e.published[c] && e.changedUnits[c]! > 0 && e.changedUnits[c]! < rules.minChangedUnits)
        reasons[c] = "across-time";
    }
  }
  const published = (c: number) => present(c) && reasons[c] === null;
  const byCell = new Map<number, number[]>();
  input.relations.forEach((r, k) => {
    for (const c of [r.parent, ...r.children]) {
      let list = byCell.get(c);
      if (!list) byCell.set(c, (list = []));
      list.push(k);
    }
  });
  const cheapest = (cands: number[]) =>
    cands.reduce((best, c) => (best === -1 || counts.units[c]! < counts.units[best]! ? c : best), -1);

  // A relation with exactly one suppressed member gives that member away by subtraction.
  const closeSingletons = () => {
    for (let changed = true; changed;) {
      changed = false;
      for (const r of input.relations) {
        const members = [r.parent, ...r.children].filter(present);
        if (members.filter((c) => !published(c)).length !== 1) continue;
        const children = r.children.filter((c) => published(c) && !knownBefore[c]);
        const pick = children.length > 0 ? cheapest(children) : published(r.parent) ? r.parent : -1;
        if (pick === -1) continue;
        reasons[pick] = "secondary";
        changed = true;
      }
    }
  };

  // What each audit works over does not change between rounds: the cube's non-empty interior cells, and
  // per earlier release the interior cells that changed since it.
  const variables =
    input.variables ?? ((active: (c: number) => boolean) => new Map([...input.interior].filter(([c]) => active(c))));
  const levelInterior = variables(present);
  const overlapping = (d: number): number[] => {
    const out = new Set<number>();
    for (const ancestors of levelInterior.values())
      if (ancestors.includes(d)) for (const a of ancestors) if (published(a) && !knownBefore[a]) out.add(a);
    return [...out];
  };
  const differences = earlier
    .map((e) => ({ e, changedInterior: variables((c) => e.changedUnits[c]! > 0) }))
    .filter((d) => d.changedInterior.size > 0)
    .map(({ e, changedInterior }) => {
      const small: number[] = [];
      for (let c = 0; c < cellCount; c++)
        if (e.changedUnits[c]! > 0 && e.changedUnits[c]! < rules.minChangedUnits) small.push(c);
      return { e, changedInterior, small };
    });

  const unresolved = new Set<number>();
  let rounds = 0;
  for (; rounds < MAX_ROUNDS; rounds++) {
    // Only the last round's verdict counts: a cell found stuck while another fix of the same round removed
    // the published cell it depended on is audited again in the next round.
    unresolved.clear();
    closeSingletons();
    const disclosed = new Set<number>();
    const sensitive: number[] = [];
    for (let c = 0; c < cellCount; c++) if (present(c) && !published(c) && !knownBefore[c]) sensitive.push(c);
    for (const c of disclosedCells({
      cellCount,
      interior: levelInterior,
      known: (c) => published(c) || knownBefore[c] === 1,
      sensitive,
      random: input.random,
    }))
      disclosed.add(c);
    // Differences against each earlier release: changes of fewer than minChangedUnits units must not be computable.
    for (const { e, changedInterior, small } of differences) {
      for (const c of disclosedCells({
        cellCount,
        interior: changedInterior,
        known: (c) => e.published[c] === 1 && published(c),
        sensitive: small,
        random: input.random,
      }))
        disclosed.add(c);
    }
    let fixed = 0;
    for (const d of disclosed) {
      if (published(d)) {
        reasons[d] = "across-time";
        fixed++;
        continue;
      }
      const candidates = (byCell.get(d) ?? []).flatMap((k) => {
        const r = input.relations[k]!;
        return [r.parent, ...r.children].filter((c) => c !== d && published(c) && !knownBefore[c]);
      });
      // No published neighbour: the disclosure runs through other margins, so drop the smallest published cell
      // that shares an interior cell with it (each such step removes one equation, so the loop ends).
      const pick = candidates.length > 0 ? cheapest(candidates) : cheapest(overlapping(d));
      if (pick === -1) unresolved.add(d);
      else {
        reasons[pick] = "secondary";
        fixed++;
      }
    }
    if (fixed === 0) break;
  }
  return { reasons, rounds: rounds + 1, unresolved: [...unresolved] };
}
