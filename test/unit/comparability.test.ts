import { describe, expect, it } from "vitest";
import { comparisonScope, dimensionComparable, splitDimensions } from "~/assessment/comparability";
import { questionnaireVersionsOnDisk } from "~/assessment/versions.server";

const note = { zh: "说明", en: "note" };
const m2026 = {
  comparableWith: [],
  comparability: [{ edition: "qmd-2025", dimensions: ["strategy", "people"], note }],
};
const m2025 = { comparableWith: [] };

describe("comparability between editions", () => {
  it("the same edition compares whole", () => {
    const s = comparisonScope({ edition: "qmd-2025", declares: m2025 }, { edition: "qmd-2025", declares: m2025 });
    expect(s).toMatchObject({ sameEdition: true, overall: true, dimensions: "all" });
    expect(splitDimensions(s, ["a", "b"], ["b"])).toEqual({ compared: ["b"], notCompared: ["a"] });
  });

  it("different editions compare only the declared dimensions, never the overall score", () => {
    const s = comparisonScope({ edition: "qmd-2026", declares: m2026 }, { edition: "qmd-2025", declares: m2025 });
    expect(s.sameEdition).toBe(false);
    expect(s.overall).toBe(false);
    expect(s.note).toEqual(note);
    expect(dimensionComparable(s, "people")).toBe(true);
    expect(dimensionComparable(s, "results")).toBe(false);
    expect(
      splitDimensions(s, ["strategy", "planning", "people", "results"], ["strategy", "planning", "people"]),
    ).toEqual({ compared: ["strategy", "people"], notCompared: ["planning", "results"] });
  });

  it("a declaration holds whichever side is the later assessment", () => {
    const s = comparisonScope({ edition: "qmd-2025", declares: m2025 }, { edition: "qmd-2026", declares: m2026 });
    expect(splitDimensions(s, ["strategy", "planning"], ["strategy", "planning"]).compared).toEqual(["strategy"]);
  });

  it("undeclared or unknown editions compare nothing, even with the same dimension ids", () => {
    for (const s of [
      comparisonScope({ edition: "x", declares: m2025 }, { edition: "y", declares: m2025 }),
      comparisonScope({ edition: "qmd-2026" }, { edition: "qmd-2025" }),
      comparisonScope({ edition: "qmd-2026", declares: m2026 }, { edition: "qmd-2024" }),
    ]) {
      expect(s.overall).toBe(false);
      expect(splitDimensions(s, ["strategy", "people"], ["strategy", "people"]).compared).toEqual([]);
    }
  });

  it("comparableWith declares whole editions: overall, stage and every shared dimension", () => {
    const whole = { comparableWith: ["qmd-2025"], comparability: [{ edition: "qmd-2025", dimensions: ["a"], note }] };
    const s = comparisonScope({ edition: "qmd-2026", declares: whole }, { edition: "qmd-2025" });
    expect(s).toMatchObject({ overall: true, dimensions: "all", note: null });
    expect(splitDimensions(s, ["a", "b", "c"], ["a", "b"]).compared).toEqual(["a", "b"]);
  });

  it("the 2026 model declares five dimensions comparable with 2025, and not the overall score", () => {
    const files = questionnaireVersionsOnDisk();
    const s = comparisonScope(
      { edition: "qmd-2026", declares: files.get("qmd-2026")!.model },
      { edition: "qmd-2025", declares: files.get("qmd-2025")!.model },
    );
    expect(s.overall).toBe(false);
    const d2026 = files.get("qmd-2026")!.model.dimensions.map((d) => d.id);
    const d2025 = files.get("qmd-2025")!.model.dimensions.map((d) => d.id);
    const { compared, notCompared } = splitDimensions(s, d2026, d2025);
    expect(compared).toEqual(["strategy", "people", "equipment", "data-management", "data-security"]);
    expect(notCompared).toContain("results");
    expect(notCompared).toContain("inspection");
  });
});
