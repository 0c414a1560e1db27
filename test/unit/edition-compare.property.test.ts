// Comparing two editions (decision 042): what the compare page lists, held for all edits of a real
// edition: no difference with itself, removals seen as additions the other way, exactly what was edited.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareEditions, type EditionContent, isUnchanged } from "~/assessment/edition-compare";
import { loadVersion } from "~test/support/assessment-fixtures";

const v2025 = loadVersion("qmd-2025");
const v2026 = loadVersion("qmd-2026");
const base: EditionContent = { definition: v2025.definition, model: v2025.model };
const names = base.definition.pages.flatMap((p) => p.elements.map((q) => q.name));
const dimensionIds = base.model.dimensions.map((d) => d.id);

/** The edition without the questions in `drop` (and their indicators). */
function without(e: EditionContent, drop: ReadonlySet<string>): EditionContent {
  const definition = structuredClone(e.definition);
  definition.pages = definition.pages
    .map((p) => ({ ...p, elements: p.elements.filter((q) => !drop.has(q.name)) }))
    .filter((p) => p.elements.length > 0);
  return { definition, model: { ...e.model, indicators: e.model.indicators.filter((i) => !drop.has(i.question)) } };
}

const subset = (xs: string[]) => fc.uniqueArray(fc.constantFrom(...xs), { maxLength: 8 }).map((a) => new Set(a));

describe("compareEditions", () => {
  it("finds nothing between an edition and a copy of itself", () => {
    fc.assert(
      fc.property(subset(names), (drop) => {
        const e = without(base, drop);
        expect(isUnchanged(compareEditions(e, structuredClone(e)))).toBe(true);
      }),
      { numRuns: 12 },
    );
  });

  it("reports exactly the removed questions, and them as added the other way round", () => {
    fc.assert(
      fc.property(subset(names), (drop) => {
        const after = without(base, drop);
        const forward = compareEditions(base, after);
        const back = compareEditions(after, base);
        expect(forward.questions.removed.map((q) => q.name).sort()).toEqual([...drop].sort());
        expect(forward.questions.added).toEqual([]);
        expect(back.questions.added.map((q) => q.name).sort()).toEqual([...drop].sort());
        expect(back.questions.removed).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });

  it("reports exactly the dimension weights that changed, with both values", () => {
    fc.assert(
      fc.property(subset(dimensionIds), fc.double({ min: 0.01, max: 0.5, noNaN: true }), (changed, w) => {
        const model = structuredClone(base.model);
        for (const d of model.dimensions) if (changed.has(d.id) && d.weight !== w) d.weight = w;
        const diff = compareEditions(base, { definition: base.definition, model });
        const moved = model.dimensions.filter((d, i) => d.weight !== base.model.dimensions[i]!.weight);
        expect(diff.dimensionWeights.map((c) => c.id)).toEqual(moved.map((d) => d.id));
        for (const c of diff.dimensionWeights) expect(c.after).toBe(w);
        expect(diff.questions.changed).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });

  it("names what changed in a question: its wording, its options, its weight or its scoring", () => {
    const model = structuredClone(base.model);
    const definition = structuredClone(base.definition);
    const q = definition.pages[1]!.elements[0]!;
    q.title.en = `${q.title.en} (revised)`;
    const ind = model.indicators.find((i) => i.question === q.name)!;
    ind.weight = ind.weight / 2;
    const diff = compareEditions(base, { definition, model });
    expect(diff.questions.changed).toEqual([{ name: q.name, title: expect.any(Object), aspects: ["title", "weight"] }]);
    expect(diff.indicatorWeights.map((c) => c.id)).toEqual([q.name]);
  });

  it("lists the 2026 edition's new results dimension, its weakest-link rule and its changed bands or weights", () => {
    const diff = compareEditions(base, { definition: v2026.definition, model: v2026.model });
    expect(diff.dimensions.added.map((d) => d.name)).toContain("results");
    expect(diff.rules.added).toContain(v2026.model.weakestLink![0]!.id);
    expect(diff.questions.added.map((q) => q.name)).toContain("scn_supplier_data");
    expect(diff.dimensionWeights.length).toBeGreaterThan(0);
  });
});
