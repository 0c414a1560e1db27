import { describe, expect, it } from "vitest";
import {
  breakdownTable,
  columnValues,
  dimensionsTable,
  formatValue,
  marksUsed,
  periodMatrixTable,
  shortRegionName,
  slotText,
  stagesTable,
  tableText,
  withheldStagesNote,
} from "~/statistics/publish/present";
import { cellQueryMessage, type CubeVocabulary, isCubeKey, parseCellQuery } from "~/statistics/publish/present-keys";
import type { PublishedMetrics, ReleaseCell } from "~/statistics/types";
import { TEST_PRESENT_CONTEXT } from "~test/support/present-context";

const ctx = TEST_PRESENT_CONTEXT;

const metrics = (mean: number, firms = 40): PublishedMetrics => ({
  firms,
  overall: { mean, median: 51.6, p25: firms >= 20 ? 40.2 : null, p75: firms >= 20 ? 60.5 : null, deciles: null },
  dimensions: {
    a: { mean: 70.04, median: 70, p25: 60, p75: 80 },
    b: { mean: 30.25, median: 30, p25: null, p75: null },
  },
  stageShares: [10, 20.05, 30, 25, 14.95],
  histogram: { edges: [0, 100], counts: [firms] },
});
const key = { period: "2025", industry: "*", region: "*", size: "*" };
const published = (mean: number, firms?: number): ReleaseCell => ({
  ...key,
  suppressed: false,
  reason: null,
  metrics: metrics(mean, firms),
});
const suppressed = (reason: "threshold" | "secondary"): ReleaseCell => ({
  ...key,
  suppressed: true,
  reason,
  metrics: null,
});

describe("statistics tables", () => {
  it("show means with 1 decimal and quantiles as whole points", () => {
    const table = breakdownTable("t", "caption", "name", [{ key: "x", header: "X", cell: published(52.25) }], ctx);
    expect(tableText(table)[1]).toEqual(["X", "40", "52.3", "52", "40", "61", ""]);
  });

  it("show a suppressed cell's mark in every value and its reason, never 0", () => {
    const table = breakdownTable(
      "t",
      "caption",
      "name",
      [
        { key: "x", header: "X", cell: suppressed("threshold") },
        { key: "y", header: "Y", cell: suppressed("secondary") },
      ],
      ctx,
    );
    const [, x, y] = tableText(table);
    expect(x).toEqual(["X", "<10", "<10", "<10", "<10", "<10", 'statistics.reasons.threshold{"n":10}']);
    expect(y!.slice(1, 6)).toEqual(["S", "S", "S", "S", "S"]);
    expect(x).not.toContain("0");
    expect(marksUsed(table)).toEqual({ reasons: ["threshold", "secondary"], withheld: false });
  });

  it("say a suppressed headline figure in words, never as a bare mark such as <10", () => {
    const table = breakdownTable(
      "t",
      "caption",
      "name",
      [
        { key: "x", header: "X", cell: suppressed("threshold") },
        { key: "y", header: "Y", cell: published(52.25) },
      ],
      ctx,
    );
    const say = (reason: string, n: string) => `not published (${reason}, ${n})`;
    const mean = table.columns.findIndex((c) => c.id === "mean");
    expect(slotText(table, table.rows[0]!, mean, say)).toBe("not published (threshold, 10)");
    expect(slotText(table, table.rows[1]!, mean, say)).toBe("52.3");
  });

  it("show a dash for a quantile too few firms allow, and for a missing cell", () => {
    const table = breakdownTable(
      "t",
      "c",
      "n",
      [
        { key: "x", header: "X", cell: published(50, 12) },
        { key: "z", header: "Z", cell: null },
      ],
      ctx,
    );
    const [, x, z] = tableText(table);
    expect(x!.slice(4, 6)).toEqual(["—", "—"]);
    expect(z).toEqual(["Z", "—", "—", "—", "—", "—", "statistics.noData"]);
    expect(marksUsed(table).withheld).toBe(true);
  });

  it("list dimensions weakest first and stage shares with 1 decimal", () => {
    const dims = dimensionsTable(published(50), "c", ctx);
    expect(dims.rows.map((r) => r.key)).toEqual(["b", "a"]);
    expect(tableText(dims)[1]!.slice(0, 3)).toEqual(["B", "30.3", "30"]);
    const stages = stagesTable(published(50), "c", ctx);
    expect(
      tableText(stages)
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["10.0", "20.1", "30.0", "25.0", "15.0"]);
    expect(tableText(stagesTable(suppressed("threshold"), "c", ctx))[1]![1]).toBe("<10");
  });

  it("show a withheld stage distribution with the withheld mark and its reason, the rest of the cell as published", () => {
    const cell = published(50);
    const withheld: ReleaseCell = {
      ...cell,
      metrics: { ...cell.metrics!, stageShares: null, stageReason: "secondary" },
    } as ReleaseCell;
    const reason = 'statistics.stageReasons.secondary{"n":3}';
    const stages = stagesTable(withheld, "c", ctx);
    expect(tableText(stages).slice(1)).toEqual(ctx.stageNames.map((name) => [name, "—", reason]));
    expect(withheldStagesNote(stages)).toBe(reason);
    expect(withheldStagesNote(stagesTable(published(50), "c", ctx))).toBeNull();
    const breakdown = breakdownTable("t", "c", "n", [{ key: "x", header: "X", cell: withheld }], ctx, "stages");
    expect(tableText(breakdown)[1]).toEqual(["X", "40", "—", "—", "—", "—", "—", "—", reason]);
    expect(marksUsed(breakdown)).toEqual({ reasons: [], withheld: true });
    expect(columnValues(breakdown, "stage3plus")[0]).toMatchObject({ value: null, reason: null, text: "—" });
    const matrix = periodMatrixTable(
      "m",
      "c",
      "n",
      [{ key: "x", header: "X", cells: [withheld] }],
      ["2025"],
      ctx,
      "stages",
    );
    expect(tableText(matrix)[1]).toEqual(["X", "—", `2025: ${reason}`]);
  });

  it("give charts null, not 0, for suppressed values, with the page's text", () => {
    const table = breakdownTable(
      "t",
      "c",
      "n",
      [
        { key: "x", header: "X", cell: suppressed("threshold") },
        { key: "y", header: "Y", cell: published(61.26) },
      ],
      ctx,
    );
    expect(columnValues(table, "mean")).toEqual([
      { key: "x", label: "X", value: null, reason: "threshold", text: "<10" },
      { key: "y", label: "Y", value: 61.3, reason: null, text: "61.3" },
    ]);
    expect(formatValue(table, table.rows[1]!, 2)).toBe("61.3");
  });

  it("shorten province names for map tiles", () => {
    expect(
      [
        "浙江省",
        "北京市",
        "广西壮族自治区",
        "新疆维吾尔自治区",
        "内蒙古自治区",
        "香港特别行政区",
        "宁夏回族自治区",
      ].map(shortRegionName),
    ).toEqual(["浙江", "北京", "广西", "新疆", "内蒙古", "香港", "宁夏"]);
  });
});

describe("cells queries", () => {
  const vocab: CubeVocabulary = {
    periods: ["2024", "2025"],
    groups: ["equipment"],
    divisions: ["C36"],
    regions: ["330000"],
    sizes: ["small"],
  };

  it("accept exact cube keys or nothing", () => {
    expect(
      parseCellQuery(new URLSearchParams("period=2025&industry=G:equipment&region=*&size=small&format=csv"), vocab, [
        "json",
        "csv",
      ]),
    ).toEqual({
      ok: true,
      query: { period: "2025", industry: "G:equipment", region: "*", size: "small" },
      format: "csv",
    });
    expect(parseCellQuery(new URLSearchParams(""), vocab, ["json"])).toEqual({ ok: true, query: {}, format: null });
    expect(isCubeKey(vocab, "industry", "C36")).toBe(true);
    expect(isCubeKey(vocab, "industry", "G:C36")).toBe(false);
    expect(isCubeKey(vocab, "period", "*")).toBe(false);
  });

  it("refuse anything else, naming the parameter in Chinese and English", () => {
    const cases: Array<[string, string]> = [
      ["industry=C3", "not-a-key"],
      ["region=33", "not-a-key"],
      ["size=*&size=small", "repeated"],
      ["firm=x", "unknown-parameter"],
      ["format=pdf", "bad-format"],
      ["period=", "not-a-key"],
    ];
    for (const [q, problem] of cases) {
      const parsed = parseCellQuery(new URLSearchParams(q), vocab, ["json"]);
      expect(parsed, q).toMatchObject({ ok: false, problem });
      if (!parsed.ok) expect(cellQueryMessage(parsed)).toMatch(/[\u4e00-\u9fff].*(parameter|format|key)/);
    }
  });
});
