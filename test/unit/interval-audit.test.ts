// The interval audit (decision 038) on hand-made tables, with the real HiGHS solver.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHighsSolver } from "~/statistics/disclosure/highs-solver";
import { intervalAudit, type IntervalProblem, type LpSolver } from "~/statistics/disclosure/interval-audit";
import { joinProblems } from "~/statistics/disclosure/interval-check";

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});
const rules = { minCount: 3, width: 500, maxLps: 1000 };

/**
 * A 2 × 2 table of suppressed interior cells a b / c d (counts; sums score × 10) whose row and column
 * totals are published. Targets: every interior cell, checked for both rules.
 */
function table(cells: Array<[number, number]>, lower = 1): IntervalProblem {
  const [a, b, c, d] = cells as [[number, number], [number, number], [number, number], [number, number]];
  const fact = (atoms: number[], x: Array<[number, number]>) => ({
    atoms,
    count: x.reduce((s, v) => s + v[0], 0),
    sum: x.reduce((s, v) => s + v[1], 0),
  });
  return {
    atoms: 4,
    countLower: [lower, lower, lower, lower],
    facts: [fact([0, 1], [a, b]), fact([2, 3], [c, d]), fact([0, 2], [a, c]), fact([1, 3], [b, d])],
    targets: cells.map(([firms, sum], k) => ({ id: k, atoms: [k], firms, sum, count: firms < 3, score: firms < 10 })),
    maxScore: 1000,
  };
}

describe("interval audit", () => {
  it("finds a single firm pinned by its row total: 1 + 1 firms in a row of 2", () => {
    // Row a + b = 2 with a, b ≥ 1 fixes a = b = 1; c, d can trade with the column totals but not beyond them.
    const out = intervalAudit(
      table([
        [1, 892],
        [1, 300],
        [9, 4000],
        [9, 5000],
      ]),
      solver,
      rules,
    );
    expect(out.confined).toContain(0);
    expect(out.confined).toContain(1);
  });

  it("lets a cell of one firm pass when its count can reach 3 and its sum can move far enough", () => {
    const out = intervalAudit(
      table([
        [1, 892],
        [9, 4000],
        [9, 4000],
        [1, 500],
      ]),
      solver,
      rules,
    );
    // a ∈ [1, 9]: the count reaches 3; a's sum ranges over [0, 892 + 500 + …], far wider than 500.
    expect(out.confined).toEqual([]);
    expect(out.lps).toBeGreaterThan(0);
  });

  it("confines a score sum: one firm's count may grow but the sums leave it a narrow band", () => {
    // Counts a+b = 10, a+c = 10; sums: row 1 is 0 apart from a, so every firm of b scores 0 and a's sum is
    // fixed at 890 whatever a's count: the band has width 0.
    const out = intervalAudit(
      table([
        [1, 890],
        [9, 0],
        [9, 0],
        [1, 0],
      ]),
      solver,
      rules,
    );
    expect(out.confined).toContain(0);
  });

  it("a zero is never a target: a cell of 0 firms names nobody", () => {
    const p = table([
      [0, 0],
      [10, 5000],
      [10, 5000],
      [0, 0],
    ]);
    const out = intervalAudit({ ...p, countLower: [0, 0, 0, 0], targets: [] }, solver, rules);
    expect(out.confined).toEqual([]);
    expect(out.lps).toBe(0);
  });

  it("counts unchecked targets as confined when the LP cap is reached", () => {
    const out = intervalAudit(
      table([
        [1, 892],
        [9, 4000],
        [9, 4000],
        [1, 500],
      ]),
      solver,
      { ...rules, maxLps: 0 },
    );
    expect(out.confined).toEqual([0, 1, 2, 3]);
  });
});

describe("joined problems", () => {
  it("keep each problem's atoms apart: the audit of the join is the audit of each", () => {
    const pinned = table([
      [1, 892],
      [1, 300],
      [9, 4000],
      [9, 5000],
    ]);
    const free = table([
      [1, 892],
      [9, 4000],
      [9, 4000],
      [1, 500],
    ]);
    const renamed = { ...free, targets: free.targets.map((t) => ({ ...t, id: t.id + 10 })) };
    const joined = joinProblems([pinned, renamed]);
    expect(joined.atoms).toBe(8);
    const out = intervalAudit(joined, solver, rules);
    expect(out.blocks).toBe(2);
    const apart = [...intervalAudit(pinned, solver, rules).confined, ...intervalAudit(renamed, solver, rules).confined];
    expect(apart.length).toBeGreaterThan(0);
    expect(out.confined).toEqual(apart);
  });
});
