// Serialising statistics for download: page tables (CSV, JSON) and release cells as flat rows (CSV and
// XLSX of the open data API). Numbers are rounded exactly as the pages show them.
import {
  type ColumnKind,
  formatValue,
  roundMean,
  roundQuantile,
  type StatTable,
  tableText,
} from "~/statistics/publish/present";
import type { ReleaseCell, ScoreSummary } from "~/statistics/types";

/** UTF-8 byte order mark: Excel then reads the CSV as UTF-8, so Chinese shows correctly. */
export const BOM = "\uFEFF";

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV lines (RFC 4180, CRLF), without the BOM. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(",") + "\r\n").join("");
}

/** A page table as CSV text with the BOM: exactly the text of the page's table. */
export function tableCsv(table: StatTable): string {
  return BOM + csvLines(tableText(table));
}

export interface DownloadMeta {
  release: number;
  period: string | null;
  filters?: Record<string, string>;
  containsSynthetic: boolean;
}

/** A page table as JSON: numbers as numbers (rounded as shown), null with a reason where suppressed. */
export function tableJson(table: StatTable, meta: DownloadMeta) {
  return {
    ...meta,
    table: table.id,
    caption: table.caption,
    columns: table.columns.map((c) => ({ id: c.id, label: c.label, kind: c.kind })),
    rows: table.rows.map((row) => ({
      key: row.key,
      suppressed: row.reason !== null,
      reason: row.reason,
      mark: row.reason ? table.marks[row.reason] : null,
      values: Object.fromEntries(
        table.columns.map((c, i) => [
          c.id,
          c.kind === "label" || c.kind === "note" ? (row.values[i] ?? "") : row.reason ? null : (row.values[i] ?? null),
        ]),
      ),
      text: table.columns.map((_, i) => formatValue(table, row, i)),
    })),
  };
}

export interface FlatColumn {
  id: string;
  kind: ColumnKind | "key" | "flag";
}

/** The flat columns of a release's cells, for CSV and XLSX: keys, status, then every metric. */
export function cellColumns(dimensionIds: readonly string[], stages = 5): FlatColumn[] {
  const score = (prefix: string): FlatColumn[] => [
    { id: `${prefix}_mean`, kind: "mean" },
    { id: `${prefix}_median`, kind: "quantile" },
    { id: `${prefix}_p25`, kind: "quantile" },
    { id: `${prefix}_p75`, kind: "quantile" },
  ];
  return [
    ...["period", "industry", "region", "size"].map((id) => ({ id, kind: "key" as const })),
    { id: "suppressed", kind: "flag" },
    { id: "reason", kind: "key" },
    { id: "firms", kind: "count" },
    ...score("overall"),
    ...Array.from({ length: 9 }, (_, i) => ({ id: `overall_p${(i + 1) * 10}`, kind: "quantile" as const })),
    ...Array.from({ length: stages }, (_, i) => ({ id: `stage${i + 1}_share`, kind: "share" as const })),
    // Why a published cell's stage shares are withheld (they are then empty), else empty.
    { id: "stage_reason", kind: "key" },
    ...dimensionIds.flatMap((d) => score(d)),
    { id: "histogram_edges", kind: "key" },
    { id: "histogram_counts", kind: "key" },
  ];
}

type Flat = string | number | boolean | null;

function summary(s: ScoreSummary | null | undefined): Flat[] {
  if (!s) return [null, null, null, null];
  const q = (v: number | null) => (v === null ? null : roundQuantile(v));
  return [roundMean(s.mean), q(s.median), q(s.p25), q(s.p75)];
}

/** One cell as a flat row aligned with `cellColumns`: numbers rounded as published, null where not published. */
export function cellRow(cell: ReleaseCell, dimensionIds: readonly string[], stages = 5): Flat[] {
  const keys: Flat[] = [cell.period, cell.industry, cell.region, cell.size, cell.suppressed, cell.reason];
  const columns = cellColumns(dimensionIds, stages).length;
  if (cell.suppressed) return [...keys, ...Array<Flat>(columns - keys.length).fill(null)];
  const m = cell.metrics;
  const deciles = m.overall.deciles;
  return [
    ...keys,
    m.firms,
    ...summary(m.overall),
    ...Array.from({ length: 9 }, (_, i) => (deciles ? roundQuantile(deciles[i]!) : null)),
    ...Array.from({ length: stages }, (_, i) => {
      const share = m.stageShares?.[i];
      return share === undefined ? null : roundMean(share);
    }),
    m.stageShares ? null : (m.stageReason ?? "threshold"),
    ...dimensionIds.flatMap((d) => summary(m.dimensions[d])),
    m.histogram.edges.join(";"),
    m.histogram.counts.join(";"),
  ];
}

/** A flat value as CSV text: means and shares with 1 decimal, quantiles and counts whole, empty when not published. */
export function flatText(value: Flat, kind: FlatColumn["kind"]): string {
  if (value === null) return "";
  if (typeof value === "number")
    return kind === "mean" || kind === "share" ? value.toFixed(1) : String(Math.round(value));
  return String(value);
}

export function cellsCsvHeader(dimensionIds: readonly string[]): string {
  return BOM + csvLines([cellColumns(dimensionIds).map((c) => c.id)]);
}

export function cellsCsvChunk(cells: readonly ReleaseCell[], dimensionIds: readonly string[]): string {
  const columns = cellColumns(dimensionIds);
  return csvLines(cells.map((cell) => cellRow(cell, dimensionIds).map((v, i) => flatText(v, columns[i]!.kind))));
}

/** Download file name: qmd-statistics-r<release>-<period>-<what>.<ext>, ASCII only. */
export function downloadName(release: number, what: string, ext: string, period?: string | null): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  return (
    ["qmd-statistics", `r${release}`, period ? safe(period) : null, safe(what)].filter(Boolean).join("-") + `.${ext}`
  );
}

function roundedSummary<T extends ScoreSummary>(s: T): T {
  const q = (v: number | null) => (v === null ? null : roundQuantile(v));
  return { ...s, mean: roundMean(s.mean), median: q(s.median), p25: q(s.p25), p75: q(s.p75) };
}

/** A cell as the open data API serves it: metrics rounded as the pages show them. */
export function publishedCell(cell: ReleaseCell): ReleaseCell {
  if (cell.suppressed) return cell;
  const m = cell.metrics;
  return {
    ...cell,
    metrics: {
      firms: m.firms,
      overall: {
        ...roundedSummary(m.overall),
        deciles: m.overall.deciles ? m.overall.deciles.map(roundQuantile) : null,
      },
      dimensions: Object.fromEntries(Object.entries(m.dimensions).map(([id, s]) => [id, s ? roundedSummary(s) : null])),
      stageShares: m.stageShares ? m.stageShares.map(roundMean) : null,
      stageReason: m.stageShares ? null : (m.stageReason ?? "threshold"),
      histogram: m.histogram,
    },
  };
}
