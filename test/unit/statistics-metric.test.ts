// The metric a breakdown page shows (?metric=), and the tables built for it from published cells.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chartColumn, DEFAULT_METRIC, parseMetric } from "~/statistics/publish/metric";
import { breakdownTable, periodMatrixTable, tableText } from "~/statistics/publish/present";
import type { PublishedMetrics, ReleaseCell } from "~/statistics/types";
import { TEST_PRESENT_CONTEXT } from "~test/support/present-context";

const ctx = TEST_PRESENT_CONTEXT;
const metrics: PublishedMetrics = {
  firms: 40,
  overall: { mean: 52.25, median: 51.6, p25: 40.2, p75: 60.5, deciles: null },
  dimensions: { a: { mean: 70.04, median: 70, p25: 60, p75: 80 }, b: null },
  stageShares: [10, 20.05, 30, 25, 14.95],
  histogram: { edges: [0, 100], counts: [40] },
};
const cell = (period: string, suppressed = false): ReleaseCell =>
  suppressed
    ? { period, industry: "*", region: "*", size: "*", suppressed: true, reason: "threshold", metrics: null }
    : { period, industry: "*", region: "*", size: "*", suppressed: false, reason: null, metrics };

describe("the metric of a breakdown page", () => {
  it("is one of the known metrics for any text, and keeps every valid one", () => {
    const ids = ["a", "b"];
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: null }), (text) => {
        const m = parseMetric(text, ids);
        expect(["mean", "median", "stages", "dim:a", "dim:b"]).toContain(m);
        if (text !== null && ["mean", "median", "stages", "dim:a", "dim:b"].includes(text)) expect(m).toBe(text);
        else expect(m).toBe(DEFAULT_METRIC);
      }),
    );
    expect(parseMetric("dim:zzz", ids)).toBe("mean");
    expect(chartColumn("dim:a")).toBe("mean");
    expect(chartColumn("stages")).toBe("stage3plus");
  });

  it("shows stage shares and the share at stage 3 or above, marks on a suppressed row", () => {
    const table = breakdownTable(
      "t",
      "c",
      "name",
      [
        { key: "x", header: "X", cell: cell("2025") },
        { key: "y", header: "Y", cell: cell("2025", true) },
      ],
      ctx,
      "stages",
    );
    const text = tableText(table);
    expect(text[0]).toEqual([
      "name",
      "statistics.col.firms",
      "S1",
      "S2",
      "S3",
      "S4",
      "S5",
      "statistics.col.stage3plus",
      "statistics.col.note",
    ]);
    expect(text[1]).toEqual(["X", "40", "10.0", "20.1", "30.0", "25.0", "15.0", "70.0", ""]);
    expect(text[2]!.slice(1, 8)).toEqual(Array(7).fill("<10"));
  });

  it("shows one dimension's scores, and a withheld mark where the dimension is not published", () => {
    const a = breakdownTable("t", "c", "n", [{ key: "x", header: "X", cell: cell("2025") }], ctx, "dim:a");
    expect(tableText(a)[1]).toEqual(["X", "40", "70.0", "70", "60", "80", ""]);
    const b = breakdownTable("t", "c", "n", [{ key: "x", header: "X", cell: cell("2025") }], ctx, "dim:b");
    expect(tableText(b)[1]).toEqual(["X", "40", "—", "—", "—", "—", ""]);
  });

  it("puts each period's own mark in a period matrix and names the reason once", () => {
    const table = periodMatrixTable(
      "m",
      "c",
      "n",
      [{ key: "330000", header: "浙江", cells: [cell("2024", true), cell("2025")] }],
      ["2023", "2024", "2025"],
      ctx,
    );
    const [row] = tableText(table).slice(1);
    expect(row!.slice(0, 4)).toEqual(["浙江", "—", "<10", "52.3"]);
    expect(row![4]).toContain("statistics.reasons.threshold");
    const stages = periodMatrixTable(
      "m",
      "c",
      "n",
      [{ key: "k", header: "K", cells: [cell("2025")] }],
      ["2025"],
      ctx,
      "stages",
    );
    expect(tableText(stages)[1]!.slice(0, 2)).toEqual(["K", "70.0"]);
  });
});
