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

  it("suggests the firm's own industry group only, recommended first, whenever one of its scenes fits", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dimensions),
        levelsArb,
        fc.constantFrom("raw-materials", "equipment", "consumer-goods", "electronics"),
        fc.subarray(
          catalogue.map((s) => s.slug),
          { maxLength: 4 },
        ),
        (dimension, levels, group, recommended) => {
          const input = { dimension, recommended, industryGroup: group, levels, limit: 1000 };
          const found = matchScenes(catalogue, input);
          const fitting = catalogue.filter(
            (s) =>
              (recommended.includes(s.slug) || s.dimensions.includes(dimension)) &&
              prerequisitesMet(s, dimension, levels),
          );
          const ownFits = fitting.some((s) => s.industryGroup === group);
          for (const m of found) {
            // An other-industry scene only when none of the firm's own fits, and then it is labelled.
            expect(m.otherIndustry).toBe(m.scene.industryGroup !== group);
            expect(m.sameIndustry).toBe(!m.otherIndustry);
            if (ownFits) expect(m.otherIndustry).toBe(false);
          }
          expect(found.length).toBe(ownFits ? fitting.filter((s) => s.industryGroup === group).length : fitting.length);
          const flags = found.map((m) => m.recommended);
          expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
        },
      ),
    );
  });

  it("keeps a C36 (equipment) firm away from other industries' scenes when its own fit", () => {
    const dimension = dimensions.find((d) =>
      catalogue.some(
        (s) => s.dimensions.includes(d) && s.industryGroup === "equipment" && s.prerequisites.length === 0,
      ),
    )!;
    const others = catalogue.filter((s) => s.dimensions.includes(dimension) && s.industryGroup !== "equipment");
    const found = matchScenes(catalogue, {
      dimension,
      recommended: others.map((s) => s.slug),
      industryGroup: "equipment",
      levels: Object.fromEntries(dimensions.map((d) => [d, 5])),
      limit: 100,
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.scene.industryGroup === "equipment" && !m.otherIndustry)).toBe(true);
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
