// Importing an edition's two files (decision 042): every schema and model check, each problem naming
// its file and field; a pair that passes gives the edition's id and a content hash that ignores key order.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { editionContentHash, readEditionFiles } from "~/assessment/edition-files";
import { canTake, openEdition, previousEdition } from "~/assessment/edition-lifecycle";

const questionnaire = readFileSync("content/questionnaires/qmd-2026.json", "utf8");
const model = readFileSync("content/models/qmd-2026.json", "utf8");

describe("readEditionFiles", () => {
  it("reads a valid pair and takes its id from the model", () => {
    const read = readEditionFiles(questionnaire, model);
    expect(read.ok && read.id).toBe("qmd-2026");
  });

  it("names the file and field of schema problems, and reports both files at once", () => {
    const broken = JSON.parse(model);
    broken.dimensions[0].weight = 2;
    delete broken.stages;
    const read = readEditionFiles("{", JSON.stringify(broken));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toContainEqual(expect.objectContaining({ file: "questionnaire", field: "" }));
    expect(read.problems.map((p) => `${p.file}:${p.field}`)).toEqual(
      expect.arrayContaining(["model:dimensions.0.weight", "model:stages"]),
    );
  });

  it("runs every model check: weights that do not sum to 1 and an unmapped question are named", () => {
    const broken = JSON.parse(model);
    broken.indicators[0].weight = broken.indicators[0].weight / 2;
    const dropped = broken.indicators.pop();
    const read = readEditionFiles(questionnaire, JSON.stringify(broken));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const fields = read.problems.map((p) => p.field);
    expect(fields).toContain(broken.indicators[0].dimension);
    expect(fields).toContain(dropped.question);
  });

  it("refuses a pair picked from content/ whose model names another questionnaire", () => {
    const read = readEditionFiles(questionnaire, model, "qmd-2030");
    expect(read.ok ? [] : read.problems.map((p) => p.field)).toEqual(["questionnaire"]);
  });

  it("hashes content, not formatting or key order", () => {
    const m = JSON.parse(model);
    const reordered = Object.fromEntries(Object.entries(m).reverse());
    expect(editionContentHash({ a: 1 }, reordered)).toBe(editionContentHash({ a: 1 }, m));
    expect(editionContentHash({ a: 2 }, m)).not.toBe(editionContentHash({ a: 1 }, m));
  });
});

describe("the edition lifecycle", () => {
  const at = (iso: string) => new Date(iso);
  const rows = [
    { id: "e-2024", status: "retired" as const, publishedAt: at("2024-01-01") },
    { id: "e-2025", status: "published" as const, publishedAt: at("2025-01-01") },
    { id: "e-2026", status: "published" as const, publishedAt: at("2026-01-01") },
    { id: "e-2027", status: "draft" as const, publishedAt: null },
  ];

  it("opens the newest published edition only; a retired or draft one never", () => {
    expect(openEdition(rows)).toBe("e-2026");
    expect(openEdition(rows.map((r) => (r.id === "e-2026" ? { ...r, status: "retired" as const } : r)))).toBe("e-2025");
    expect(openEdition(rows.filter((r) => r.status !== "published"))).toBeNull();
  });

  it("compares a draft with the newest published edition, and a published one with the one before it", () => {
    expect(previousEdition(rows, "e-2027")).toBe("e-2026");
    expect(previousEdition(rows, "e-2026")).toBe("e-2025");
    expect(previousEdition(rows, "e-2025")).toBe("e-2024");
    expect(previousEdition(rows, "e-2024")).toBeNull();
  });

  it("goes draft → published → retired and never back", () => {
    expect(canTake("publish", "draft")).toBe(true);
    expect(canTake("publish", "retired")).toBe(false);
    expect(canTake("retire", "published")).toBe(true);
    expect(canTake("retire", "draft")).toBe(false);
  });
});
