// The one hook of the interval audit (decision 038) into a suppression pass: given the tables to audit, as
// interval problems over the pass's cell indices, the `interval` step that suppressPeriod runs once the
// linear audit is clean. The cube and its city layer are one such table (interval-cube.ts); another family
// of tables (stage transitions) joins by adding its problem to the list, in the same pass's cell indices.
import {
  intervalAudit,
  type IntervalOutcome,
  type IntervalProblem,
  type IntervalRules,
  type LpSolver,
} from "~/statistics/disclosure/interval-audit";
import type { SuppressionInput } from "~/statistics/disclosure/suppression";
import type { DisclosureRules } from "~/statistics/types";

/** The reader's view of a pass, as suppressPeriod gives it to the interval step. */
export type IntervalView = Parameters<NonNullable<SuppressionInput["interval"]>>[0];

/** The interval audit's work, summed over its audits (one per suppression round the linear audit left clean). */
export interface IntervalWork {
  audits: number;
  lps: number;
  ms: number;
  /** Of which finding remedies (elastic LPs). */
  remedyMs: number;
  blocks: number;
  /** Columns of the largest LP. */
  largestBlock: number;
  /** Cells found confined, over all audits. */
  confined: number;
  /** Published cells the audit withheld to free them. */
  withheld: number;
}

/** The interval audit's settings for a release's rules. */
export const intervalRules = (rules: DisclosureRules): IntervalRules => ({
  minCount: rules.minUnitsForCounts,
  width: rules.scoreProtection * 10,
  maxLps: 4000,
});

/** Two records of work as one (either may be missing). */
export function sumWork(a: IntervalWork | null | undefined, b: IntervalWork | null | undefined): IntervalWork | null {
  if (!a || !b) return a ?? b ?? null;
  return {
    audits: a.audits + b.audits,
    lps: a.lps + b.lps,
    ms: a.ms + b.ms,
    remedyMs: a.remedyMs + b.remedyMs,
    blocks: Math.max(a.blocks, b.blocks),
    largestBlock: Math.max(a.largestBlock, b.largestBlock),
    confined: a.confined + b.confined,
    withheld: a.withheld + b.withheld,
  };
}

const workOf = (out: IntervalOutcome): IntervalWork => ({
  audits: 1,
  lps: out.lps,
  ms: out.ms,
  remedyMs: out.remedyMs,
  blocks: out.blocks,
  largestBlock: out.largestBlock,
  confined: out.confined.length,
  withheld: out.remedy.length,
});

/**
 * Several problems as one: each keeps its own atoms (renumbered after the previous ones), so problems that
 * share no unknown stay separate blocks. Facts' cells and targets' ids are cell indices of one pass already.
 */
export function joinProblems(problems: readonly IntervalProblem[]): IntervalProblem {
  if (problems.length === 1) return problems[0]!;
  const countLower: number[] = [];
  const facts: IntervalProblem["facts"][number][] = [];
  const targets: IntervalProblem["targets"][number][] = [];
  let maxScore = 0;
  for (const p of problems) {
    const offset = countLower.length;
    const shift = (atoms: readonly number[]) => atoms.map((a) => a + offset);
    for (let a = 0; a < p.atoms; a++) countLower.push(p.countLower[a]!);
    for (const f of p.facts) facts.push({ ...f, atoms: shift(f.atoms) });
    for (const t of p.targets) targets.push({ ...t, atoms: shift(t.atoms) });
    if (maxScore !== 0 && p.maxScore !== maxScore) throw new Error("interval problems in different score units");
    maxScore = p.maxScore;
  }
  return { atoms: countLower.length, countLower, facts, targets, maxScore };
}

/**
 * The interval step of a suppression pass over the tables `tablesOf` states for each view: audit them as
 * one problem, report the work, and name what to withhold and what no withholding frees. Within a pass the
 * reader only ever learns less (cells are withheld, never published again), so the feasible region only
 * grows and a target settled once stays settled: later audits check only the targets not yet settled. Should
 * a cell become known that was not, everything is checked again.
 */
export function intervalCheck(
  solver: LpSolver,
  rules: DisclosureRules,
  cellCount: number,
  tablesOf: (view: IntervalView) => readonly IntervalProblem[],
  onWork: (work: IntervalWork) => void,
): NonNullable<SuppressionInput["interval"]> {
  const settled = new Set<number>();
  let knownBefore: Uint8Array | null = null;
  return (view) => {
    const known = new Uint8Array(cellCount);
    for (let c = 0; c < cellCount; c++) if (view.known(c)) known[c] = 1;
    if (knownBefore?.some((was, c) => !was && known[c])) settled.clear();
    knownBefore = known;
    const problem = joinProblems(tablesOf(view));
    const open = { ...problem, targets: problem.targets.filter((t) => !settled.has(t.id)) };
    const out = intervalAudit(open, solver, intervalRules(rules));
    const confined = new Set(out.confined);
    for (const t of open.targets) if (!confined.has(t.id)) settled.add(t.id);
    onWork(workOf(out));
    return { withhold: out.remedy, stuck: out.stuck };
  };
}
