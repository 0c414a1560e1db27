import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Lru } from "~/platform/lru";

describe("Lru", () => {
  it("keeps the most recently used entries up to its size", async () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3); // b goes
    expect(lru.get("b")).toBeUndefined();
    expect(await lru.through("a", async () => 9)).toBe(1);
    expect(await lru.through("d", async () => 4)).toBe(4);
    expect(lru.get("c")).toBeUndefined();
  });
});

describe("Lru bounded by size", () => {
  it("never holds more than its budget, counts exactly, and keeps the newest value that fits", () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("set" as const),
        key: fc.integer({ min: 0, max: 9 }),
        size: fc.integer({ min: 1, max: 40 }),
      }),
      fc.record({ kind: fc.constant("get" as const), key: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant("delete" as const), key: fc.integer({ min: 0, max: 9 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(op, { maxLength: 80 }), (budget, ops) => {
        const lru = new Lru<number, { size: number; n: number }>(budget, (v) => v.size);
        const model = new Map<number, { size: number; n: number }>();
        ops.forEach((o, n) => {
          if (o.kind === "set") {
            const value = { size: o.size, n };
            lru.set(o.key, value);
            if (o.size <= budget) expect(lru.get(o.key)).toBe(value);
            else expect(lru.get(o.key)).not.toBe(value);
            model.set(o.key, value);
          } else if (o.kind === "delete") {
            lru.delete(o.key);
            model.delete(o.key);
          } else {
            const got = lru.get(o.key);
            // Whatever is kept is the value last written under that key.
            if (got !== undefined) expect(got).toBe(model.get(o.key));
          }
          let sum = 0;
          for (let k = 0; k <= 9; k++) {
            const v = (lru as unknown as { map: Map<number, { size: number }> }).map.get(k);
            if (v) sum += v.size;
          }
          expect(lru.size).toBe(sum);
          expect(lru.size).toBeLessThanOrEqual(budget);
        });
      }),
      { numRuns: 500 },
    );
  });
});
