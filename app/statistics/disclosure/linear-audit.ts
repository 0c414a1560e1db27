// Which suppressed cells can be computed from published ones? A cell's sum (or count) is a linear function
// of the interior cells under it; it is disclosed when that function lies in the span of the published
// cells' functions. We answer that for all cells at once: eliminate the published equations (over the
// integers modulo a prime), draw random vectors from their null space, and call a suppressed cell safe only
// if some null vector moves it. A cell in the span never moves (so nothing disclosed is ever called safe,
// barring the prime dividing a minor of a 0/1 matrix); a safe cell stays still with probability 1/P per
// vector, which only makes us suppress more. Decision 016 explains the choice.

/** A prime below 2^25, so a product of two residues stays exact in a double. */
export const PRIME = 33554393;

const mod = (x: number): number => {
  const m = x % PRIME;
  return m < 0 ? m + PRIME : m;
};

function inverse(a: number): number {
  let [r0, r1, t0, t1] = [PRIME, mod(a), 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1) throw new Error("not invertible");
  return mod(t0);
}

interface PivotRow {
  col: number;
  cols: Int32Array;
  vals: Float64Array; // normalised: 1 at `col`
}

/** Row echelon form, built one row at a time, of equations over `width` unknowns. */
export class Echelon {
  private readonly pivots: PivotRow[] = [];
  private readonly pivotAt: Int32Array;
  private readonly scratch: Float64Array;

  constructor(readonly width: number) {
    this.pivotAt = new Int32Array(width).fill(-1);
    this.scratch = new Float64Array(width);
  }

  get rank(): number {
    return this.pivots.length;
  }

  /** Add the row with coefficient 1 at each of `cols`. */
  addRow(cols: readonly number[]): void {
    if (cols.length === 0) return;
    const row = this.scratch;
    let lo = this.width;
    let hi = -1;
    for (const c of cols) {
      row[c] = mod(row[c]! + 1);
      if (c < lo) lo = c;
      if (c > hi) hi = c;
    }
    // Reduce by every pivot whose column this row touches, in creation order (later pivot rows are already
    // zero at earlier pivots' columns, so nothing reduced comes back).
    for (const p of this.pivots) {
      const f = row[p.col]!;
      if (f === 0) continue;
      const { cols: pc, vals: pv } = p;
      for (let k = 0; k < pc.length; k++) {
        const c = pc[k]!;
        row[c] = mod(row[c]! - ((f * pv[k]!) % PRIME));
        if (c < lo) lo = c;
        if (c > hi) hi = c;
      }
    }
    let pivot = -1;
    const nz: number[] = [];
    for (let c = lo; c <= hi; c++)
      if (row[c] !== 0) {
        nz.push(c);
        if (pivot === -1) pivot = c;
      }
    if (pivot !== -1) {
      const scale = inverse(row[pivot]!);
      const vals = new Float64Array(nz.length);
      nz.forEach((c, k) => (vals[k] = (row[c]! * scale) % PRIME));
      this.pivotAt[pivot] = this.pivots.length;
      this.pivots.push({ col: pivot, cols: Int32Array.from(nz), vals });
    }
    for (const c of nz) row[c] = 0;
    for (let c = lo; c <= hi; c++) row[c] = 0;
  }

  /** A vector y with every added row · y ≡ 0, free coordinates drawn from `random` (uniform in [0,1)). */
  nullVector(random: () => number): Float64Array {
    const y = new Float64Array(this.width);
    for (let c = 0; c < this.width; c++) if (this.pivotAt[c] === -1) y[c] = Math.floor(random() * PRIME);
    for (let k = this.pivots.length - 1; k >= 0; k--) {
      const p = this.pivots[k]!;
      let s = 0;
      for (let j = 0; j < p.cols.length; j++) {
        const c = p.cols[j]!;
        if (c !== p.col) s = (s + ((p.vals[j]! * y[c]!) % PRIME)) % PRIME;
      }
      y[p.col] = mod(-s);
    }
    return y;
  }
}

export interface AuditInput {
  cellCount: number;
  /** Ancestors (including itself) of every non-empty interior cell. */
  interior: Map<number, number[]>;
  /** Cells whose value the reader knows (published, or known another way). */
  known: (cell: number) => boolean;
  /** Cells that must not be computable. */
  sensitive: readonly number[];
  random: () => number;
  /** Independent null vectors to draw; each lowers the chance of a false alarm by a factor P. */
  rounds?: number;
}

/** The sensitive cells whose value follows from the known ones. */
export function disclosedCells(input: AuditInput): number[] {
  const unknown: number[] = [];
  const column = new Map<number, number>();
  for (const cell of input.interior.keys())
    if (!input.known(cell)) {
      column.set(cell, unknown.length);
      unknown.push(cell);
    }
  // Each known margin cell gives one equation over the unknown interior cells under it.
  const rows = new Map<number, number[]>();
  for (const cell of unknown)
    for (const a of input.interior.get(cell)!)
      if (a !== cell && input.known(a)) {
        let r = rows.get(a);
        if (!r) rows.set(a, (r = []));
        r.push(column.get(cell)!);
      }
  const echelon = new Echelon(unknown.length);
  // Short rows first keeps the pivot rows sparse.
  for (const r of [...rows.values()].sort((x, y) => x.length - y.length)) echelon.addRow(r);
  const moved = new Uint8Array(input.cellCount);
  for (let round = 0; round < (input.rounds ?? 2); round++) {
    const y = echelon.nullVector(input.random);
    const total = new Float64Array(input.cellCount);
    unknown.forEach((cell, k) => {
      for (const a of input.interior.get(cell)!) total[a] = (total[a]! + y[k]!) % PRIME;
    });
    for (const c of input.sensitive) if (total[c] !== 0) moved[c] = 1;
  }
  return input.sensitive.filter((c) => moved[c] === 0);
}
