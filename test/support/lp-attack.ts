// An outsider's LP attack on a release, written apart from the app's interval audit: its own unknowns (the
// finest parts a reader cannot rule out), its own model as CPLEX LP text, HiGHS's one-shot solver. From the
// published cells (firms, and the mean as printed, to 0.1) and the bounds every reader knows (no part
// below 0, a listed cell holds at least one firm, an unlisted one none, each firm scores 0–100), it asks per
// suppressed cell for its largest count and the lowest and highest score total.
import highsLoader from "highs";

export interface AttackCell {
  /** Indices of the unknowns this cell holds. */
  parts: readonly number[];
  /** null for a suppressed cell. */
  published: { firms: number; mean: number } | null;
}

export interface Exposure {
  cell: number;
  maxCount: number;
  minSum: number;
  maxSum: number;
}

let highs: ReturnType<typeof highsLoader> | null = null;

/**
 * Bounds of every suppressed cell (indices into `cells`), or of those `only` names: a judge who knows which
 * cells could breach a rule (fewer than 3 firms, fewer than 10 units) need not solve for the rest.
 */
export async function lpAttack(
  unknowns: number,
  cells: readonly AttackCell[],
  only?: (cell: number) => boolean,
): Promise<Exposure[]> {
  const solver = await (highs ??= highsLoader());
  const sum = (prefix: string, parts: readonly number[]) => parts.map((j) => `${prefix}${j}`).join(" + ");
  const rows: string[] = [];
  cells.forEach((c, k) => {
    if (c.parts.length === 0) return;
    if (c.published) {
      const { firms, mean } = c.published;
      rows.push(` n${k}: ${sum("n", c.parts)} = ${firms}`);
      // The mean is printed to 0.1: the total lies within half a tenth per firm of mean × firms.
      rows.push(` lo${k}: ${sum("s", c.parts)} >= ${(mean - 0.05) * firms}`);
      rows.push(` hi${k}: ${sum("s", c.parts)} <= ${(mean + 0.05) * firms}`);
    } else rows.push(` listed${k}: ${sum("n", c.parts)} >= 1`);
  });
  for (let j = 0; j < unknowns; j++) rows.push(` cap${j}: s${j} - 100 n${j} <= 0`);
  const lp = (sense: "Maximize" | "Minimize", objective: string) =>
    `${sense}\n obj: ${objective}\nSubject To\n${rows.join("\n")}\nEnd\n`;
  const optimum = (text: string): number => {
    const out = solver.solve(text);
    if (out.Status === "Unbounded") return Infinity;
    if (out.Status !== "Optimal") throw new Error(`LP attack: ${out.Status}`);
    return out.ObjectiveValue;
  };
  const found: Exposure[] = [];
  cells.forEach((c, k) => {
    if (c.published || c.parts.length === 0 || (only && !only(k))) return;
    found.push({
      cell: k,
      maxCount: optimum(lp("Maximize", sum("n", c.parts))),
      minSum: optimum(lp("Minimize", sum("s", c.parts))),
      maxSum: optimum(lp("Maximize", sum("s", c.parts))),
    });
  });
  return found;
}
