// The interval audit (decision 038): with bounds a reader knows (counts ≥ 0, a listed cell holds at least one
// firm, every firm scores between 0 and 100), can a linear programme over the published cells confine a
// suppressed cell too closely? Exact linear recovery is the linear audit's job (linear-audit.ts); this one
// asks for the interval a cell's count and score sum can take, and says which protected cells it confines.
// Pure and generic: atoms (unknown parts, each with a count and a score sum), facts (a signed sum of atoms
// equals a known count and sum), targets (cells to protect, as sums of atoms). The solver is passed in.

/** Rows in compressed sparse form: row k holds columns index[starts[k] .. starts[k+1]) with their values. */
export interface LpModel {
  numCols: number;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  index: Int32Array;
  value: Float64Array;
}

export type LpStatus = "optimal" | "unbounded" | "infeasible" | "other";

/** One loaded model, optimised repeatedly under different objectives (a solver may start from the last basis). */
export interface LpHandle {
  /** Maximise Σ cost[k] · x[cols[k]]. */
  maximise(cols: readonly number[], cost: readonly number[]): { status: LpStatus; value: number; x: Float64Array };
  /** Change one row's bounds (the objective stays; a solver may start from the last basis). */
  setRowBounds(row: number, lower: number, upper: number): void;
  dispose(): void;
}

export interface LpSolver {
  load(model: LpModel): LpHandle;
}

/** A known linear fact: Σ coef · atom equals `count` firms with a score sum of `sum`. */
export interface Fact {
  atoms: readonly number[];
  /** +1 or −1 per atom; all +1 when omitted. */
  coefs?: readonly number[];
  count: number;
  sum: number;
  /**
   * The published cell this fact comes from, with the cost of withholding it (its units): only such a fact
   * can be given up to protect a target. A fact without one (a structural identity) always holds.
   */
  cell?: number;
  cost?: number;
}

export interface Target {
  /** The caller's name for the cell (a cell index). */
  id: number;
  atoms: readonly number[];
  /** True values, known to the builder only. */
  firms: number;
  sum: number;
  /** Check that the count is not pinned below `minCount`. */
  count: boolean;
  /** Check that the score sum's interval is wider than the protection interval. */
  score: boolean;
}

export interface IntervalProblem {
  atoms: number;
  /** Least count of each atom (1 for a cell the release lists as non-empty, else 0). */
  countLower: ArrayLike<number>;
  facts: readonly Fact[];
  targets: readonly Target[];
  /** Highest score of one firm, in the units of `sum` (1000 for scores × 10). */
  maxScore: number;
}

export interface IntervalRules {
  /** A suppressed count must be able to reach this many firms (the count rule, minUnitsForCounts). */
  minCount: number;
  /**
   * The protection interval: a score sum's feasible interval must be wider than this, in the units of `sum`.
   * Absolute, not per firm: the other firms of a cell know their own scores, so the interval a coalition of
   * them has for the last firm's score is as wide as the sum's.
   */
  width: number;
  /**
   * Most LPs one audit may solve to check (targets left unchecked then count as confined, which is
   * conservative), and as many again to find remedies (a target left without one is stuck).
   */
  maxLps: number;
}

export interface IntervalOutcome {
  /** Ids of targets confined too closely (or left unchecked by the cap). */
  confined: number[];
  /**
   * Published cells whose withholding frees every confined target (the cheapest set found by an elastic LP
   * per target), and the confined targets no such set could free.
   */
  remedy: number[];
  stuck: number[];
  lps: number;
  blocks: number;
  /** Columns of the largest block's LP. */
  largestBlock: number;
  ms: number;
  /** Of which finding remedies. */
  remedyMs: number;
}

const TOL = 1e-6;
/** How far past the protection width a witness point pushes a sum (in the units of `sum`). */
const WITNESS_MARGIN = 2;

/** The protection interval of a target: its sum's interval must be wider than this. */
export const protectionWidth = (_t: Target, rules: IntervalRules): number => rules.width;

/** Connected blocks of atoms: atoms of one fact, or of one target, are in one block. */
function blocks(problem: IntervalProblem): number[][] {
  const parent = Int32Array.from({ length: problem.atoms }, (_, k) => k);
  const find = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]!]!;
    return a;
  };
  const join = (list: readonly number[]) => {
    for (let k = 1; k < list.length; k++) {
      const a = find(list[0]!);
      const b = find(list[k]!);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  };
  for (const f of problem.facts) join(f.atoms);
  for (const t of problem.targets) join(t.atoms);
  const byRoot = new Map<number, number[]>();
  for (let a = 0; a < problem.atoms; a++) {
    const r = find(a);
    let list = byRoot.get(r);
    if (!list) byRoot.set(r, (list = []));
    list.push(a);
  }
  return [...byRoot.values()];
}

interface Block {
  atoms: number[];
  facts: Fact[];
  targets: Target[];
}

function split(problem: IntervalProblem): Block[] {
  const parts = blocks(problem);
  const blockOf = new Int32Array(problem.atoms);
  parts.forEach((atoms, b) => atoms.forEach((a) => (blockOf[a] = b)));
  const out: Block[] = parts.map((atoms) => ({ atoms, facts: [], targets: [] }));
  for (const f of problem.facts) if (f.atoms.length > 0) out[blockOf[f.atoms[0]!]!]!.facts.push(f);
  for (const t of problem.targets) if (t.atoms.length > 0) out[blockOf[t.atoms[0]!]!]!.targets.push(t);
  return out.filter((b) => b.targets.length > 0);
}

/**
 * Columns of a block's model: per atom its count n and sum s; per count target a witness t ∈ [0, minCount]
 * with t ≤ N; per score target h, l ≤ width with h ≤ S − X and l ≤ X − S. Rows: s ≤ maxScore · n per
 * atom, each fact on counts and on sums, and the witness rows. The witnesses cost nothing unless an
 * objective asks for them, so one model serves every LP of the block.
 */
function blockModel(block: Block, problem: IntervalProblem, rules: IntervalRules) {
  const col = new Map<number, number>();
  block.atoms.forEach((a, k) => col.set(a, k));
  const A = block.atoms.length;
  const countTargets = block.targets.filter((t) => t.count && t.firms < rules.minCount);
  const scoreTargets = block.targets.filter((t) => t.score);
  const numCols = 2 * A + countTargets.length + 2 * scoreTargets.length;
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(Infinity);
  for (let k = 0; k < A; k++) colLower[k] = problem.countLower[block.atoms[k]!]!;
  const wit = 2 * A;
  countTargets.forEach((_, j) => (colUpper[wit + j] = rules.minCount));
  const hi = wit + countTargets.length;
  const lo = hi + scoreTargets.length;
  // Free below, so that the rows h ≤ S − X and l ≤ X − S never bind the sum when no objective asks. Capped a
  // little above the width, so that one witness point alone can settle a sum that moves only one way.
  scoreTargets.forEach((t, j) => {
    colLower[hi + j] = colLower[lo + j] = -Infinity;
    colUpper[hi + j] = colUpper[lo + j] = protectionWidth(t, rules) + WITNESS_MARGIN;
  });
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const starts: number[] = [0];
  const index: number[] = [];
  const value: number[] = [];
  const row = (cols: number[], vals: number[], lower: number, upper: number) => {
    index.push(...cols);
    value.push(...vals);
    starts.push(index.length);
    rowLower.push(lower);
    rowUpper.push(upper);
  };
  for (let k = 0; k < A; k++) row([A + k, k], [1, -problem.maxScore], -Infinity, 0);
  for (const f of block.facts) {
    const cols = f.atoms.map((a) => col.get(a)!);
    const coefs = f.coefs ?? f.atoms.map(() => 1);
    row(cols, [...coefs], f.count, f.count);
    row(
      cols.map((c) => A + c),
      [...coefs],
      f.sum,
      f.sum,
    );
  }
  countTargets.forEach((t, j) => {
    const cols = t.atoms.map((a) => col.get(a)!);
    row([wit + j, ...cols], [1, ...cols.map(() => -1)], -Infinity, 0);
  });
  scoreTargets.forEach((t, j) => {
    const cols = t.atoms.map((a) => A + col.get(a)!);
    row([hi + j, ...cols], [1, ...cols.map(() => -1)], -Infinity, -t.sum);
    row([lo + j, ...cols], [1, ...cols.map(() => 1)], -Infinity, t.sum);
  });
  const model: LpModel = {
    numCols,
    colLower,
    colUpper,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    starts: Int32Array.from(starts),
    index: Int32Array.from(index),
    value: Float64Array.from(value),
  };
  return { model, col, A, countTargets, scoreTargets, wit, hi, lo };
}

/**
 * The targets a reader can confine: a count target whose largest feasible count is below `minCount` (only a
 * cell of fewer than `minCount` firms can be, since its true count is feasible), a score target whose sum's
 * feasible interval is no wider than its protection interval. Per block, witness LPs first settle many
 * targets at once (a feasible point where the count reaches `minCount`, or two points whose sums lie more
 * than the width apart); the rest get their own LPs (max count; max and min sum).
 */
export function intervalAudit(problem: IntervalProblem, solver: LpSolver, rules: IntervalRules): IntervalOutcome {
  const started = Date.now();
  const confined = new Set<number>();
  let lps = 0;
  let largestBlock = 0;
  const parts = split(problem);
  for (const block of parts) {
    const m = blockModel(block, problem, rules);
    largestBlock = Math.max(largestBlock, m.model.numCols);
    if (m.countTargets.length === 0 && m.scoreTargets.length === 0) continue;
    const handle = solver.load(m.model);
    try {
      const countOf = (x: Float64Array, t: Target) => t.atoms.reduce((s, a) => s + x[m.col.get(a)!]!, 0);
      const sumOf = (x: Float64Array, t: Target) => t.atoms.reduce((s, a) => s + x[m.A + m.col.get(a)!]!, 0);
      // Every solution is a feasible point, so it also tells how far each other target can go: the highest
      // count and the widest range of each sum seen so far. A target settled by what was seen needs no LP.
      const countSeen = new Map(m.countTargets.map((t) => [t.id, t.firms]));
      const sumSeen = new Map(m.scoreTargets.map((t) => [t.id, [t.sum, t.sum] as [number, number]]));
      const see = (x: Float64Array) => {
        for (const t of m.countTargets) countSeen.set(t.id, Math.max(countSeen.get(t.id)!, countOf(x, t)));
        for (const t of m.scoreTargets) {
          const r = sumSeen.get(t.id)!;
          const v = sumOf(x, t);
          if (v < r[0]) r[0] = v;
          if (v > r[1]) r[1] = v;
        }
      };
      const solve = (cols: number[], cost: number[]) => {
        if (lps >= rules.maxLps) return null;
        lps++;
        const out = handle.maximise(cols, cost);
        if (out.status === "infeasible") throw new Error("interval audit: the published cells admit no solution");
        if (out.status === "optimal") see(out.x);
        return out;
      };
      const ones = (n: number) => new Array<number>(n).fill(1);
      const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);
      const countSettled = (t: Target) => countSeen.get(t.id)! >= rules.minCount - TOL;
      const sumSettled = (t: Target) => {
        const r = sumSeen.get(t.id)!;
        return r[1] - r[0] > protectionWidth(t, rules) + TOL;
      };

      // Counts: a witness point where the counts reach minCount settles many targets at once.
      if (m.countTargets.length > 1) solve(range(m.wit, m.countTargets.length), ones(m.countTargets.length));
      for (const t of m.countTargets) {
        if (countSettled(t)) continue;
        const out = solve(
          t.atoms.map((a) => m.col.get(a)!),
          ones(t.atoms.length),
        );
        if (out?.status === "unbounded") continue;
        if (!out || out.status !== "optimal" || out.value < rules.minCount - TOL) confined.add(t.id);
      }

      // Score sums: witness points far above and far below the true sums, then each target still open.
      if (m.scoreTargets.length > 1) {
        solve(range(m.hi, m.scoreTargets.length), ones(m.scoreTargets.length));
        solve(range(m.lo, m.scoreTargets.length), ones(m.scoreTargets.length));
      }
      for (const t of m.scoreTargets) {
        if (sumSettled(t)) continue;
        const cols = t.atoms.map((a) => m.A + m.col.get(a)!);
        const max = solve(cols, ones(cols.length));
        if (max?.status === "unbounded" || sumSettled(t)) continue;
        const min =
          max?.status === "optimal"
            ? solve(
                cols,
                cols.map(() => -1),
              )
            : null;
        if (min?.status === "unbounded" || sumSettled(t)) continue;
        confined.add(t.id);
      }
    } finally {
      handle.dispose();
    }
  }
  const remedyStarted = Date.now();
  const remedy = new Set<number>();
  const stuck: number[] = [];
  // One elastic LP per confined target, each the cheapest set that frees it alone, in one model per block.
  // A joint point freeing all of a block's targets at once moves every sum the same way, so the totals above
  // them move by the sum of the pushes: on a sparse period (670 confined targets) the joint LP withheld the
  // national total and every national group total. The suppression loop audits again after withholding.
  for (const block of parts) {
    const open = block.targets.filter((t) => confined.has(t.id));
    if (open.length === 0) continue;
    const remedyLps = Math.max(0, 2 * rules.maxLps - lps);
    const { found, lps: used } = elasticRemedies(block, problem, rules, open, solver, remedyLps);
    lps += used;
    open.forEach((t, k) => {
      const cells = found[k];
      if (cells && cells.length > 0) for (const c of cells) remedy.add(c);
      else stuck.push(t.id);
    });
  }
  return {
    confined: problem.targets.filter((t) => confined.has(t.id)).map((t) => t.id),
    remedy: [...remedy].sort((a, b) => a - b),
    stuck,
    lps,
    blocks: parts.length,
    largestBlock,
    ms: Date.now() - started,
    remedyMs: Date.now() - remedyStarted,
  };
}

/**
 * The cheapest published cells to withhold so that a target is no longer confined, for each of `targets`:
 * the block's model with every published fact made elastic (Σ coef · atom + p − q = value, p, q ≥ 0 at the
 * cell's cost per unit), the target pushed past its rule (count ≥ minCount; or the sum moved by more than
 * the protection width, in the direction with more room), and the total cost minimised. Withholding the
 * cells whose facts give way makes that point feasible, so the target is then free (an LP relaxation of the
 * minimum-cost choice, as tau-ARGUS's optimal method solves it). The model is loaded once with a row per
 * target, free but for the target being solved, so each LP starts from the last basis. null for a target no
 * choice of cells can free, or past `maxLps`.
 */
function elasticRemedies(
  block: Block,
  problem: IntervalProblem,
  rules: IntervalRules,
  targets: readonly Target[],
  solver: LpSolver,
  maxLps: number,
): { found: Array<number[] | null>; lps: number } {
  const col = new Map<number, number>();
  block.atoms.forEach((a, k) => col.set(a, k));
  const A = block.atoms.length;
  const elastic = block.facts.filter((f) => f.cell !== undefined);
  const numCols = 2 * A + 4 * elastic.length;
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(Infinity);
  for (let k = 0; k < A; k++) colLower[k] = problem.countLower[block.atoms[k]!]!;
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const starts: number[] = [0];
  const index: number[] = [];
  const value: number[] = [];
  const row = (cols: number[], vals: number[], lower: number, upper: number) => {
    index.push(...cols);
    value.push(...vals);
    starts.push(index.length);
    rowLower.push(lower);
    rowUpper.push(upper);
    return rowLower.length - 1;
  };
  for (let k = 0; k < A; k++) row([A + k, k], [1, -problem.maxScore], -Infinity, 0);
  const slackOf = new Map<Fact, number>();
  elastic.forEach((f, j) => slackOf.set(f, 2 * A + 4 * j));
  for (const f of block.facts) {
    const cols = f.atoms.map((a) => col.get(a)!);
    const coefs = [...(f.coefs ?? f.atoms.map(() => 1))];
    const slack = slackOf.get(f);
    const extra = (k: number) => (slack === undefined ? [] : [slack + k, slack + k + 1]);
    const signs = slack === undefined ? [] : [1, -1];
    row([...cols, ...extra(0)], [...coefs, ...signs], f.count, f.count);
    row([...cols.map((c) => A + c), ...extra(2)], [...coefs, ...signs], f.sum, f.sum);
  }
  // Per target its row (free until its turn) and the bounds that push it past its rule.
  const pushes = targets.map((target) => {
    const tcols = target.atoms.map((a) => col.get(a)!);
    const ones = tcols.map(() => 1);
    if (target.count && target.firms < rules.minCount)
      return { row: row(tcols, ones, -Infinity, Infinity), lower: rules.minCount, upper: Infinity };
    const width = protectionWidth(target, rules) * 1.01 + 1;
    // Up where there is more room, or where the sum cannot fall by the width (counts may grow, sums not below 0).
    const up = target.sum < (problem.maxScore * target.firms) / 2 || target.sum < width;
    const r = row(
      tcols.map((c) => A + c),
      ones,
      -Infinity,
      Infinity,
    );
    return up
      ? { row: r, lower: target.sum + width, upper: Infinity }
      : { row: r, lower: -Infinity, upper: target.sum - width };
  });
  // Whether a remedy's point already frees a target: its count reaches minCount, or its sum lies more than
  // the protection width from the true sum (which is always feasible), once the remedy's cells are withheld.
  const freedAt = (x: Float64Array, target: Target) => {
    const cols = target.atoms.map((a) => col.get(a)!);
    if (target.count && target.firms < rules.minCount)
      return cols.reduce((sum, c) => sum + x[c]!, 0) >= rules.minCount - TOL;
    return Math.abs(cols.reduce((sum, c) => sum + x[A + c]!, 0) - target.sum) > protectionWidth(target, rules) + TOL;
  };
  const cols: number[] = [];
  const cost: number[] = [];
  elastic.forEach((f, j) => {
    for (let k = 0; k < 4; k++) {
      cols.push(2 * A + 4 * j + k);
      // Counts and sums of one cell are in different units (a firm, a tenth of a point): weigh alike per firm.
      cost.push(-(f.cost ?? 1) * (k < 2 ? problem.maxScore : 1));
    }
  });
  const handle = solver.load({
    numCols,
    colLower,
    colUpper,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    starts: Int32Array.from(starts),
    index: Int32Array.from(index),
    value: Float64Array.from(value),
  });
  const found: Array<number[] | null> = targets.map(() => null);
  let lps = 0;
  try {
    for (const [k, push] of pushes.entries()) {
      if (found[k] || lps >= maxLps) continue;
      lps++;
      handle.setRowBounds(push.row, push.lower, push.upper);
      const out = handle.maximise(cols, cost);
      handle.setRowBounds(push.row, -Infinity, Infinity);
      if (out.status !== "optimal") continue;
      const cells: number[] = [];
      elastic.forEach((f, j) => {
        let used = 0;
        for (let s = 0; s < 4; s++) used += out.x[2 * A + 4 * j + s]!;
        if (used > TOL * 10) cells.push(f.cell!);
      });
      found[k] = cells;
      // The same cells free every later target the point already frees.
      if (cells.length > 0)
        for (let later = k + 1; later < targets.length; later++)
          if (!found[later] && freedAt(out.x, targets[later]!)) found[later] = cells;
    }
    return { found, lps };
  } finally {
    handle.dispose();
  }
}
