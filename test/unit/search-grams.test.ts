import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bigrams, likePattern, normaliseSearchText, planSearch, searchGrams } from "~/catalogue/search-grams";

describe("bigram search", () => {
  it("a substring's bigrams are always among the text's bigrams (the index never misses a match)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), fc.nat(), fc.nat(), (raw, a, b) => {
        const text = normaliseSearchText(raw);
        const chars = Array.from(text);
        const [from, to] = [a % (chars.length + 1), b % (chars.length + 1)].sort((x, y) => x - y);
        const query = chars.slice(from!, to!).join("");
        const plan = planSearch(query);
        const stored = new Set(searchGrams(text));
        expect(plan.grams.every((g) => stored.has(g))).toBe(true);
      }),
    );
  });

  it("normalising is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(normaliseSearchText(normaliseSearchText(s))).toBe(normaliseSearchText(s));
      }),
    );
  });

  it("a query found by the index alone is found exactly when the text contains it", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("质", "量", "追", "溯", "a", " "), maxLength: 30 }),
        fc.string({ unit: fc.constantFrom("质", "量", "追", "溯", "a"), minLength: 2, maxLength: 3 }),
        (raw, q) => {
          const text = normaliseSearchText(raw);
          const plan = planSearch(q);
          if (!plan.gramsSuffice) return;
          const stored = new Set(searchGrams(text));
          expect(plan.grams.every((g) => stored.has(g))).toBe(text.includes(plan.query));
        },
      ),
    );
  });

  it("splits Chinese into overlapping pairs and ignores pairs across spaces", () => {
    expect(bigrams("质量追溯")).toEqual(["质量", "量追", "追溯"]);
    expect(bigrams("ab cd")).toEqual(["ab", "cd"]);
    expect(bigrams("追")).toEqual([]);
  });

  it("a two-character query is decided by the index alone; longer ones need the LIKE check", () => {
    expect(planSearch(" 追溯 ")).toEqual({ query: "追溯", grams: ["追溯"], gramsSuffice: true });
    expect(planSearch("视觉检测")).toEqual({ query: "视觉检测", grams: ["视觉检", "觉检测"], gramsSuffice: false });
    expect(planSearch("机器人")).toEqual({ query: "机器人", grams: ["机器人"], gramsSuffice: true });
    expect(searchGrams("质量追溯")).toEqual(["质量", "量追", "追溯", "质量追", "量追溯"]);
    expect(planSearch("Ｖision").query).toBe("vision");
    expect(planSearch("").grams).toEqual([]);
  });

  it("escapes LIKE wildcards", () => {
    expect(likePattern("50%_a\\")).toBe("%50\\%\\_a\\\\%");
  });
});
