import { describe, expect, it } from "vitest";
import { breakdownTable, type PresentContext } from "~/statistics/publish/present";
import {
  BOM,
  cellColumns,
  cellRow,
  cellsCsvChunk,
  cellsCsvHeader,
  csvLines,
  downloadName,
  publishedCell,
  tableCsv,
  tableJson,
} from "~/statistics/publish/serialise";
import type { ReleaseCell } from "~/statistics/types";

const ctx: PresentContext = {
  t: (k) => k,
  minUnits: 10,
  dimensions: [{ id: "a", name: "A" }],
  stageNames: ["1", "2", "3", "4", "5"],
};
const key = { period: "2025", industry: "C36", region: "330000", size: "*" };
const cell: ReleaseCell = {
  ...key,
  suppressed: false,
  reason: null,
  metrics: {
    firms: 60,
    overall: { mean: 55.55, median: 56.4, p25: 44, p75: 66, deciles: [30, 35, 40, 45, 50, 55, 60, 65, 70.6] },
    dimensions: { a: { mean: 48.04, median: 48, p25: 40, p75: 57 } },
    stageShares: [5, 15.04, 40, 30, 10],
    histogram: { edges: [0, 50, 100], counts: [20, 40] },
  },
};
const hidden: ReleaseCell = { ...key, region: "110000", suppressed: true, reason: "threshold", metrics: null };

describe("CSV", () => {
  it("quotes fields with commas, quotes or line breaks and ends lines with CRLF", () => {
    expect(csvLines([["a", "b,c", 'say "hi"', "x\ny"]])).toBe('a,"b,c","say ""hi""","x\ny"\r\n');
  });

  it("starts with a BOM and holds the table's text", () => {
    const table = breakdownTable(
      "t",
      "caption",
      "地区",
      [
        { key: "330000", header: "浙江省", cell },
        { key: "110000", header: "北京市", cell: hidden },
      ],
      ctx,
    );
    const csv = tableCsv(table);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "地区,statistics.col.firms,statistics.col.mean,statistics.col.median,statistics.col.p25,statistics.col.p75,statistics.col.note",
      "浙江省,60,55.6,56,44,66,",
      "北京市,<10,<10,<10,<10,<10,statistics.reasons.threshold",
      "",
    ]);
  });
});

describe("JSON of a table", () => {
  it("gives numbers as published and null with a reason where suppressed", () => {
    const table = breakdownTable(
      "t",
      "caption",
      "地区",
      [
        { key: "330000", header: "浙江省", cell },
        { key: "110000", header: "北京市", cell: hidden },
      ],
      ctx,
    );
    const json = tableJson(table, { release: 3, period: "2025", containsSynthetic: false });
    expect(json.rows[0]!.values).toMatchObject({ firms: 60, mean: 55.6, median: 56 });
    expect(json.rows[1]).toMatchObject({
      suppressed: true,
      reason: "threshold",
      mark: "<10",
      values: { firms: null, mean: null },
    });
    expect(json.rows[1]!.text[1]).toBe("<10");
  });
});

describe("release cells as flat rows", () => {
  it("align every value with its column, rounded as the pages show it", () => {
    const columns = cellColumns(["a"]);
    const row = cellRow(cell, ["a"]);
    expect(row).toHaveLength(columns.length);
    const at = (id: string) => row[columns.findIndex((c) => c.id === id)];
    expect([
      at("firms"),
      at("overall_mean"),
      at("overall_median"),
      at("overall_p90"),
      at("stage2_share"),
      at("a_mean"),
      at("histogram_counts"),
    ]).toEqual([60, 55.6, 56, 71, 15, 48, "20;40"]);
    expect(cellRow(hidden, ["a"]).slice(4, 8)).toEqual([true, "threshold", null, null]);
  });

  it("write CSV with empty values where not published, never 0", () => {
    const text = cellsCsvHeader(["a"]) + cellsCsvChunk([cell, hidden], ["a"]);
    const [header, published, suppressed] = text
      .slice(1)
      .split("\r\n")
      .map((l) => l.split(","));
    expect(published![header!.indexOf("overall_mean")]).toBe("55.6");
    expect(published![header!.indexOf("stage1_share")]).toBe("5.0");
    expect(suppressed!.slice(4, 8)).toEqual(["true", "threshold", "", ""]);
  });

  it("leave withheld stage shares empty with their reason, in CSV and for the JSON API", () => {
    const withheld = {
      ...cell,
      metrics: { ...cell.metrics!, stageShares: null, stageReason: "carried" },
    } as ReleaseCell;
    const [header, row] = (cellsCsvHeader(["a"]) + cellsCsvChunk([withheld], ["a"]))
      .slice(1)
      .split("\r\n")
      .map((l) => l.split(","));
    const at = (id: string) => row![header!.indexOf(id)];
    expect([1, 2, 3, 4, 5].map((s) => at(`stage${s}_share`))).toEqual(["", "", "", "", ""]);
    expect([at("stage_reason"), at("firms"), at("overall_mean")]).toEqual(["carried", "60", "55.6"]);
    expect(publishedCell(withheld).metrics).toMatchObject({ stageShares: null, stageReason: "carried", firms: 60 });
    expect(publishedCell(cell).metrics!.stageReason).toBeNull();
  });

  it("round a cell's metrics for the JSON API the same way", () => {
    const rounded = publishedCell(cell);
    expect(rounded.metrics!.overall).toMatchObject({
      mean: 55.6,
      median: 56,
      deciles: [30, 35, 40, 45, 50, 55, 60, 65, 71],
    });
    expect(rounded.metrics!.stageShares![1]).toBe(15);
    expect(publishedCell(hidden)).toEqual(hidden);
  });

  it("name downloads in ASCII", () => {
    expect(downloadName(3, "region-C36", "csv", "2025-H1")).toBe("qmd-statistics-r3-2025-H1-region-C36.csv");
    expect(downloadName(3, "cells", "xlsx", null)).toBe("qmd-statistics-r3-cells.xlsx");
    expect(downloadName(3, "G:equipment", "csv", "2025")).toBe("qmd-statistics-r3-2025-G-equipment.csv");
  });
});
