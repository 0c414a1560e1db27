// A small least-recently-used map: for values that never change once written (a release's cells).
// By default `max` counts entries; with `sizeOf` it bounds the sum of the values' sizes instead.
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  private total = 0;
  constructor(
    private readonly max: number,
    private readonly sizeOf: (value: V) => number = () => 1,
  ) {}

  get size(): number {
    return this.total;
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    const size = this.sizeOf(value);
    this.delete(key); // an older value under this key is stale from now on
    if (size > this.max) return; // never kept: it would evict everything else
    this.map.set(key, value);
    this.total += size;
    while (this.total > this.max) this.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    const old = this.map.get(key);
    if (old === undefined) return;
    this.map.delete(key);
    this.total -= this.sizeOf(old);
  }

  /** The cached value, or the loaded one (then cached). */
  async through(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = await load();
    this.set(key, value);
    return value;
  }
}
