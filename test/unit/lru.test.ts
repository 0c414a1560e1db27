import { describe, expect, it } from "vitest";
import { Lru } from "../../app/lib/lru";

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
