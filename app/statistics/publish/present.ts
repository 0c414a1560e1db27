// Statistics tables as plain data: what a page shows, and what its CSV, JSON and XLSX downloads hold.
// One table per chart; the rules of presentation live here once: means 1 decimal, quantiles whole
// points, shares 1 decimal on published cells, and a suppressed cell shows its mark, never a 0.
import { type Metric, metricDimension } from "~/statistics/publish/metric";
import {
  DISCLOSURE_RULES,
  type PublishedMetrics,
  type ReleaseCell,
  type ScoreSummary,
  type SuppressionReason,
} from "~/statistics/types";

export type ColumnKind = "label" | "count" | "mean" | "quantile" | "share" | "note";
export interface TableColumn {
  id: string;
  label: string;
  kind: ColumnKind;
}

export type TableValue = number | string | null;

export interface TableRow {
  /** The cube key the row stands for (an industry, region, size, period or release), or a metric id. */
  key: string;
  /** Values aligned with the table's columns: the row header first, the note last. */
  values: TableValue[];
  reason: SuppressionReason | null;
  /** 1 for a row nested under the row above it (an industry division under its group). */
  level: 0 | 1;
}

export interface StatTable {
  id: string;
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** The mark a suppressed value shows, per reason. */
  marks: Record<SuppressionReason, string>;
  /** Shown for a value not published in a published cell (a quantile with too few firms), or a missing cell. */
  withheldMark: string;
}

export type Text = (key: string, options?: Record<string, unknown>) => string;

/** What a table builder needs besides the cells: labels in the page's language and the release's rules. */
export interface PresentContext {
  t: Text;
  /** Fewer firms than this suppress a cell (the release's rules). */
  minUnits: number;
  dimensions: Array<{ id: string; name: string }>;
  stageNames: string[];
}

export const WITHHELD_MARK = "—";

export function suppressionMarks(minUnits: number): Record<SuppressionReason, string> {
  return { threshold: `<${minUnits}`, dominance: "D", secondary: "S", carried: "C", "across-time": "T" };
}

export function roundMean(value: number): number {
  return Math.round(value * 10) / 10;
}

export function roundQuantile(value: number): number {
  return Math.round(value);
}

/** The text of one value as the page table, the CSV and the XLSX show it. */
export function formatValue(table: StatTable, row: TableRow, index: number): string {
  const column = table.columns[index]!;
  const value = row.values[index] ?? null;
  if (column.kind === "label" || column.kind === "note") return value === null ? "" : String(value);
  if (row.reason) return table.marks[row.reason];
  if (value === null || typeof value === "string") return value ?? table.withheldMark;
  if (column.kind === "mean" || column.kind === "share") return roundMean(value).toFixed(1);
  return String(Math.round(value));
}

/** The release's fewest firms for score statistics, as its threshold mark ("<10") carries it. */
export const thresholdUnits = (table: StatTable): string => table.marks.threshold.slice(1);

/**
 * A value in a number slot (a headline figure): a suppressed value is said in words, "不公布（不足 10 家）",
 * because a bare "<10" where a score stands reads as a score below 10.
 */
export function slotText(
  table: StatTable,
  row: TableRow,
  index: number,
  notPublished: (reason: SuppressionReason, threshold: string) => string,
): string {
  return row.reason ? notPublished(row.reason, thresholdUnits(table)) : formatValue(table, row, index);
}

/** Every row of a table as text, header row first: the one serialisation shared by the page and the downloads. */
export function tableText(table: StatTable): string[][] {
  return [
    table.columns.map((c) => c.label),
    ...table.rows.map((row) => table.columns.map((_, i) => formatValue(table, row, i))),
  ];
}

/** Which marks a table uses, for its legend. */
export function marksUsed(table: StatTable): { reasons: SuppressionReason[]; withheld: boolean } {
  const reasons = [...new Set(table.rows.map((r) => r.reason).filter((r): r is SuppressionReason => r !== null))];
  const withheld = table.rows.some(
    (r) => !r.reason && r.values.some((v, i) => v === null && !["label", "note"].includes(table.columns[i]!.kind)),
  );
  return { reasons, withheld };
}

function newTable(id: string, caption: string, columns: TableColumn[], ctx: PresentContext): StatTable {
  return { id, caption, columns, rows: [], marks: suppressionMarks(ctx.minUnits), withheldMark: WITHHELD_MARK };
}

function noteFor(cell: ReleaseCell | null, ctx: PresentContext, stages = false): string {
  if (!cell) return ctx.t("statistics.noData");
  if (cell.suppressed) return ctx.t(`statistics.reasons.${cell.reason}`, { n: ctx.minUnits });
  return stages ? stagesNote(cell.metrics, ctx) : "";
}

/** Why a published cell's stage shares are withheld (they then show the withheld mark), or "" when shown. */
export function stagesNote(m: PublishedMetrics, ctx: Pick<PresentContext, "t">): string {
  if (m.stageShares) return "";
  return ctx.t(`statistics.stageReasons.${m.stageReason ?? "threshold"}`, { n: DISCLOSURE_RULES.minFirmsPerStage });
}

function summaryValues(s: ScoreSummary | null | undefined): TableValue[] {
  return s
    ? [
        roundMean(s.mean),
        s.median === null ? null : roundQuantile(s.median),
        s.p25 === null ? null : roundQuantile(s.p25),
        s.p75 === null ? null : roundQuantile(s.p75),
      ]
    : [null, null, null, null];
}

function scoreColumns(ctx: PresentContext): TableColumn[] {
  return [
    { id: "mean", label: ctx.t("statistics.col.mean"), kind: "mean" },
    { id: "median", label: ctx.t("statistics.col.median"), kind: "quantile" },
    { id: "p25", label: ctx.t("statistics.col.p25"), kind: "quantile" },
    { id: "p75", label: ctx.t("statistics.col.p75"), kind: "quantile" },
  ];
}

const noteColumn = (ctx: PresentContext): TableColumn => ({
  id: "note",
  label: ctx.t("statistics.col.note"),
  kind: "note",
});

export interface BreakdownEntry {
  key: string;
  header: string;
  cell: ReleaseCell | null;
  level?: 0 | 1;
}

/** The stage from which a firm counts as integrated or beyond (集成及以上) in the stage-share column. */
export const INTEGRATED_STAGE = 3;

/**
 * Stage shares of a published cell and the share at INTEGRATED_STAGE or above, null where withheld (a
 * suppressed cell, or a published one whose stage distribution is withheld: the withheld mark, never 0).
 */
function stageValues(m: PublishedMetrics | null, stages: number): TableValue[] {
  const shares: readonly number[] | null = m?.stageShares ?? null;
  if (!shares) return [...Array.from({ length: stages }, () => null), null];
  const above = shares.slice(INTEGRATED_STAGE - 1).reduce((a, b) => a + b, 0);
  return [...Array.from({ length: stages }, (_, i) => shares[i] ?? null), roundMean(above)];
}

/**
 * One row per cube cell (industries, regions, sizes, periods, releases): firms, then the chosen metric:
 * mean and quantiles of the overall score (the default, also for the median), of one dimension, or the
 * stage shares with the share at stage 3 or above.
 */
export function breakdownTable(
  id: string,
  caption: string,
  headerLabel: string,
  entries: BreakdownEntry[],
  ctx: PresentContext,
  metric: Metric = "mean",
): StatTable {
  const dimension = metricDimension(metric);
  const stages = metric === "stages";
  const columns: TableColumn[] = [
    { id: "name", label: headerLabel, kind: "label" },
    { id: "firms", label: ctx.t("statistics.col.firms"), kind: "count" },
    ...(stages
      ? [
          ...ctx.stageNames.map((name, i): TableColumn => ({ id: `stage${i + 1}`, label: name, kind: "share" })),
          { id: "stage3plus", label: ctx.t("statistics.col.stage3plus"), kind: "share" as const },
        ]
      : scoreColumns(ctx)),
    noteColumn(ctx),
  ];
  const table = newTable(id, caption, columns, ctx);
  for (const e of entries) {
    const m = e.cell && !e.cell.suppressed ? e.cell.metrics : null;
    const figures = stages
      ? stageValues(m, ctx.stageNames.length)
      : summaryValues(dimension ? m?.dimensions[dimension] : m?.overall);
    table.rows.push({
      key: e.key,
      level: e.level ?? 0,
      reason: e.cell?.suppressed ? e.cell.reason : null,
      values: [e.header, m ? m.firms : null, ...figures, noteFor(e.cell, ctx, stages)],
    });
  }
  return table;
}

/**
 * One row per group (a region, an industry group), one column per period: the chosen metric's headline
 * figure (mean, median, share at stage 3 or above, or a dimension's mean) of each published cell. A period
 * whose cell is suppressed shows its own mark in its slot, since periods of one row may differ; the note
 * names the reasons.
 */
export function periodMatrixTable(
  id: string,
  caption: string,
  headerLabel: string,
  groups: Array<{ key: string; header: string; cells: ReleaseCell[] }>,
  periods: readonly string[],
  ctx: PresentContext,
  metric: Metric = "mean",
): StatTable {
  const kind: ColumnKind = metric === "median" ? "quantile" : metric === "stages" ? "share" : "mean";
  const columns: TableColumn[] = [
    { id: "name", label: headerLabel, kind: "label" },
    ...periods.map((p): TableColumn => ({ id: `p${p}`, label: p, kind })),
    noteColumn(ctx),
  ];
  const table = newTable(id, caption, columns, ctx);
  const dimension = metricDimension(metric);
  for (const g of groups) {
    const byPeriod = new Map(g.cells.map((c) => [c.period, c]));
    const reasons = new Set<SuppressionReason>();
    const stageNotes = new Set<string>();
    const values: TableValue[] = periods.map((p) => {
      const cell = byPeriod.get(p);
      if (!cell) return null;
      if (cell.suppressed) {
        reasons.add(cell.reason);
        return table.marks[cell.reason];
      }
      const m = cell.metrics;
      if (metric === "stages") {
        const note = stagesNote(m, ctx);
        if (note) stageNotes.add(`${p}: ${note}`);
        return stageValues(m, ctx.stageNames.length).at(-1) ?? null;
      }
      const summary = dimension ? m.dimensions[dimension] : m.overall;
      if (!summary) return null;
      return metric === "median"
        ? summary.median === null
          ? null
          : roundQuantile(summary.median)
        : roundMean(summary.mean);
    });
    const note = [
      ...[...reasons].map((r) => `${table.marks[r]} ${ctx.t(`statistics.reasons.${r}`, { n: ctx.minUnits })}`),
      ...stageNotes,
    ].join("；");
    table.rows.push({ key: g.key, level: 0, reason: null, values: [g.header, ...values, note] });
  }
  return table;
}

/** What a caption says is measured: "总体得分", one dimension's score, or the stage distribution. */
export function measureText(metric: Metric, ctx: PresentContext): string {
  const dimension = metricDimension(metric);
  if (metric === "stages") return ctx.t("statistics.measure.stages");
  if (dimension)
    return ctx.t("statistics.measure.dimension", {
      name: ctx.dimensions.find((d) => d.id === dimension)?.name ?? dimension,
    });
  return ctx.t("statistics.measure.overall");
}

/** The stage distribution of one cell: share of firms at each stage. */
export function stagesTable(cell: ReleaseCell | null, caption: string, ctx: PresentContext): StatTable {
  const columns: TableColumn[] = [
    { id: "stage", label: ctx.t("statistics.col.stage"), kind: "label" },
    { id: "share", label: ctx.t("statistics.col.share"), kind: "share" },
    noteColumn(ctx),
  ];
  const table = newTable("stages", caption, columns, ctx);
  const m = cell && !cell.suppressed ? cell.metrics : null;
  ctx.stageNames.forEach((name, i) => {
    table.rows.push({
      key: String(i + 1),
      level: 0,
      reason: cell?.suppressed ? cell.reason : null,
      values: [name, m?.stageShares?.[i] ?? null, noteFor(cell, ctx, true)],
    });
  });
  return table;
}

/** For a stages table of a published cell whose stage distribution is withheld: the note saying why; else null. */
export function withheldStagesNote(table: StatTable): string | null {
  const share = table.columns.findIndex((c) => c.id === "share");
  const withheld = table.rows.length > 0 && table.rows.every((r) => !r.reason && r.values[share] === null);
  const note = table.rows[0]?.values.at(-1);
  return withheld && typeof note === "string" && note !== "" ? note : null;
}

/** Dimension scores of one cell, weakest (lowest mean) first: the 薄弱环节. */
export function dimensionsTable(cell: ReleaseCell | null, caption: string, ctx: PresentContext): StatTable {
  const columns: TableColumn[] = [
    { id: "dimension", label: ctx.t("statistics.col.dimension"), kind: "label" },
    ...scoreColumns(ctx),
    noteColumn(ctx),
  ];
  const table = newTable("dimensions", caption, columns, ctx);
  const m = cell && !cell.suppressed ? cell.metrics : null;
  const ordered = [...ctx.dimensions].sort(
    (a, b) =>
      (m?.dimensions[a.id]?.mean ?? Infinity) - (m?.dimensions[b.id]?.mean ?? Infinity) || a.id.localeCompare(b.id),
  );
  for (const d of ordered) {
    table.rows.push({
      key: d.id,
      level: 0,
      reason: cell?.suppressed ? cell.reason : null,
      values: [d.name, ...summaryValues(m?.dimensions[d.id]), noteFor(cell, ctx)],
    });
  }
  return table;
}

/** A numeric column of a table by id, per row key: what a chart draws (null where suppressed or withheld). */
export function columnValues(
  table: StatTable,
  columnId: string,
): Array<{ key: string; label: string; value: number | null; reason: SuppressionReason | null; text: string }> {
  const index = table.columns.findIndex((c) => c.id === columnId);
  if (index < 0) throw new Error(`no column ${columnId} in table ${table.id}`);
  return table.rows.map((row) => {
    const v = row.values[index];
    return {
      key: row.key,
      label: String(row.values[0] ?? row.key),
      value: row.reason || typeof v !== "number" ? null : v,
      reason: row.reason,
      text: formatValue(table, row, index),
    };
  });
}

/** A short province name for a map tile: 浙江省 → 浙江, 广西壮族自治区 → 广西. */
export function shortRegionName(zh: string): string {
  return zh.replace(/(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/, "");
}
