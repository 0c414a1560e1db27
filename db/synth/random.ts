// Sampling helpers of the synthetic data generator, on the seeded generator of ~/platform/seeded-random.
import type { Rng } from "~/platform/seeded-random";

/** Weighted choice over a fixed list, prepared once (cumulative weights, binary search). */
export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    const kept = entries.filter(([, w]) => w > 0);
    if (kept.length === 0) throw new Error("a weighted table needs at least one positive weight");
    this.items = kept.map(([item]) => item);
    this.cumulative = new Float64Array(kept.length);
    let sum = 0;
    kept.forEach(([, w], i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    for (let i = 0; i < kept.length; i++) this.cumulative[i]! /= sum;
  }

  /** The share of one item (0 if absent). */
  share(item: T): number {
    const i = this.items.indexOf(item);
    if (i < 0) return 0;
    return this.cumulative[i]! - (i > 0 ? this.cumulative[i - 1]! : 0);
  }

  pick(rng: Rng): T {
    const u = rng.next();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < this.cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

export const clamp = (x: number, min: number, max: number): number => (x < min ? min : x > max ? max : x);
