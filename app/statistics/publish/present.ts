// Statistics tables as plain data: what a page shows, and what its CSV, JSON and XLSX downloads hold.
// One table per chart; the rules of presentation live here once: means 1 decimal, quantiles whole
// points, shares 1 decimal on published cells, and a suppressed cell shows its mark, never a 0.
import type { ReleaseCell, ScoreSummary, SuppressionReason } from "~/statistics/types";

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

function noteFor(cell: ReleaseCell | null, ctx: PresentContext): string {
  if (!cell) return ctx.t("statistics.noData");
  return cell.suppressed ? ctx.t(`statistics.reasons.${cell.reason}`, { n: ctx.minUnits }) : "";
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

/** One row per cube cell (industries, regions, sizes, periods, releases): firms, mean and quantiles of the overall score. */
export function breakdownTable(
  id: string,
  caption: string,
  headerLabel: string,
  entries: BreakdownEntry[],
  ctx: PresentContext,
): StatTable {
  const columns: TableColumn[] = [
    { id: "name", label: headerLabel, kind: "label" },
    { id: "firms", label: ctx.t("statistics.col.firms"), kind: "count" },
    ...scoreColumns(ctx),
    noteColumn(ctx),
  ];
  const table = newTable(id, caption, columns, ctx);
  for (const e of entries) {
    const m = e.cell && !e.cell.suppressed ? e.cell.metrics : null;
    table.rows.push({
      key: e.key,
      level: e.level ?? 0,
      reason: e.cell?.suppressed ? e.cell.reason : null,
      values: [e.header, m ? m.firms : null, ...summaryValues(m?.overall), noteFor(e.cell, ctx)],
    });
  }
  return table;
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
      values: [name, m ? (m.stageShares[i] ?? null) : null, noteFor(cell, ctx)],
    });
  });
  return table;
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
