// An attacker's tool, written apart from the app's audit: exact linear algebra over the rationals (BigInt,
// fraction-free elimination). `inSpan(target)` says whether a row is a linear combination of the rows added.
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

export class ExactSpan {
  private readonly rows: Array<{ pivot: number; row: bigint[] }> = [];
  constructor(private readonly width: number) {}

  private reduce(input: readonly number[] | readonly bigint[]): bigint[] {
    let row = input.map((v) => BigInt(v));
    if (row.length !== this.width) throw new Error("width");
    for (const { pivot, row: p } of this.rows) {
      const f = row[pivot]!;
      if (f === 0n) continue;
      const pv = p[pivot]!;
      row = row.map((v, k) => v * pv - f * p[k]!);
      const g = row.reduce((acc, v) => gcd(acc, v), 0n);
      if (g > 1n) row = row.map((v) => v / g);
    }
    return row;
  }

  add(input: readonly number[]): void {
    const row = this.reduce(input);
    const pivot = row.findIndex((v) => v !== 0n);
    if (pivot >= 0) this.rows.push({ pivot, row });
  }

  inSpan(target: readonly number[]): boolean {
    return this.reduce(target).every((v) => v === 0n);
  }
}
