import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchScenes, prerequisitesMet } from "~/report/scene-match";
import { scenesOnDisk } from "~/scenes/content.server";

const catalogue = [...scenesOnDisk().values()];
const dimensions = [...new Set(catalogue.flatMap((s) => s.dimensions))];
const levelsArb = fc.dictionary(fc.constantFrom(...dimensions), fc.option(fc.integer({ min: 1, max: 5 })));

describe("scenes matched to a report priority", () => {
  it("never suggests a scene whose prerequisites the firm does not meet, nor more than the limit", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dimensions),
        levelsArb,
        fc.constantFrom("raw-materials", "equipment", "consumer-goods", "electronics", null),
        fc.integer({ min: 1, max: 6 }),
        (dimension, levels, group, limit) => {
          const found = matchScenes(catalogue, { dimension, recommended: [], industryGroup: group, levels, limit });
          expect(found.length).toBeLessThanOrEqual(limit);
          for (const m of found) {
            expect(m.scene.dimensions).toContain(dimension);
            expect(prerequisitesMet(m.scene, dimension, levels)).toBe(true);
          }
        },
      ),
    );
  });

  it("puts recommended scenes first, then the firm's industry group", () => {
    const dimension = dimensions[0]!;
    const all = {
      dimension,
      industryGroup: "electronics",
      levels: Object.fromEntries(dimensions.map((d) => [d, 5])),
      limit: 100,
    };
    const someOther = catalogue.find((s) => !s.dimensions.includes(dimension))!;
    const found = matchScenes(catalogue, { ...all, recommended: [someOther.slug] });
    expect(found[0]!.scene.slug).toBe(someOther.slug);
    const rest = found.slice(1).map((m) => m.sameIndustry);
    expect(rest).toEqual([...rest].sort((a, b) => Number(b) - Number(a)));
  });

  it("a better level never removes a suggestion (more capability, more scenes open)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dimensions),
        levelsArb,
        fc.constantFrom(...dimensions),
        (dimension, levels, raised) => {
          const before = matchScenes(catalogue, {
            dimension,
            recommended: [],
            industryGroup: null,
            levels,
            limit: 1000,
          }).map((m) => m.scene.slug);
          const higher = { ...levels, [raised]: Math.min(5, (levels[raised] ?? 1) + 1) };
          const after = new Set(
            matchScenes(catalogue, {
              dimension,
              recommended: [],
              industryGroup: null,
              levels: higher,
              limit: 1000,
            }).map((m) => m.scene.slug),
          );
          for (const slug of before) expect(after.has(slug)).toBe(true);
        },
      ),
    );
  });
});
