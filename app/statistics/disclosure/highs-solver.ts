// The interval audit's LP solver: HiGHS compiled to WebAssembly (npm `highs`), loaded once on first use.
// Each block's model is loaded once into a persistent HiGHS instance; only the objective changes between
// its LPs, so the simplex starts from the previous basis. That basis stays primal feasible, so the primal
// simplex goes on from it in a few pivots; HiGHS's default dual simplex took thousands per LP there (about
// 200 ms an LP on a block of 6,000 columns, 160 s for a sparse period of 900 firms instead of 12 s). The
// remedy's LPs change one row's bounds instead; the primal simplex was faster there too (13 s against 28 s
// for 670 LPs on that block).
import type { Highs } from "highs";
import type { LpHandle, LpModel, LpSolver, LpStatus } from "~/statistics/disclosure/interval-audit";

let loading: Promise<Highs> | null = null;

function statusOf(highs: Highs, code: number): LpStatus {
  const s = highs.constants.modelStatus;
  if (code === s.optimal) return "optimal";
  if (code === s.unbounded) return "unbounded";
  if (code === s.infeasible) return "infeasible";
  return "other";
}

export function highsLpSolver(highs: Highs): LpSolver {
  return {
    load(model: LpModel): LpHandle {
      const inf = (a: Float64Array) =>
        a.map((v) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v));
      const instance = highs.createModel({
        numCols: model.numCols,
        numRows: model.rowLower.length,
        sense: highs.constants.objectiveSense.maximize,
        colCost: new Float64Array(model.numCols),
        colLower: inf(model.colLower),
        colUpper: inf(model.colUpper),
        rowLower: inf(model.rowLower),
        rowUpper: inf(model.rowUpper),
        matrix: {
          format: "csr",
          numRows: model.rowLower.length,
          numCols: model.numCols,
          starts: model.starts,
          indices: model.index,
          values: model.value,
        },
      });
      // simplex_strategy 4: kSimplexStrategyPrimal.
      instance.options.set({ output_flag: false, simplex_strategy: 4 });
      let costed = new Int32Array(0);
      return {
        setRowBounds(row, lower, upper) {
          const big = (v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
          instance.changeRowBounds(row, big(lower), big(upper));
        },
        maximise(cols, cost) {
          const order = cols.map((_, k) => k).sort((a, b) => cols[a]! - cols[b]!);
          const indices = Int32Array.from(order, (k) => cols[k]!);
          if (costed.length > 0)
            instance.changeColsCost({ kind: "set", indices: costed }, new Float64Array(costed.length));
          instance.changeColsCost(
            { kind: "set", indices },
            Float64Array.from(order, (k) => cost[k]!),
          );
          costed = indices;
          const run = instance.run();
          const status = statusOf(highs, run.modelStatus);
          if (status !== "optimal") return { status, value: NaN, x: new Float64Array(0) };
          return { status, value: instance.getObjectiveValue(), x: instance.getSolution().colValue };
        },
        dispose() {
          instance.dispose();
        },
      };
    },
  };
}

/** The HiGHS solver, loading the WebAssembly module the first time. */
export async function loadHighsSolver(): Promise<LpSolver> {
  loading ??= import("highs").then((m) => m.default());
  return highsLpSolver(await loading);
}
