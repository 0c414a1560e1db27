// XLSX downloads with exceljs (decision 015): a page table in memory, a release's cells streamed row by
// row so a whole release never sits in memory. Numbers are written as numbers with the published
// precision as their format; a suppressed value is its mark, as on the page.
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import ExcelJS from "exceljs";
import { formatValue, type StatTable } from "~/statistics/publish/present";
import { cellColumns, cellRow, type DownloadMeta, type FlatColumn } from "~/statistics/publish/serialise";
import type { ReleaseCell } from "~/statistics/types";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const FORMAT: Record<string, string> = { mean: "0.0", share: "0.0", quantile: "0", count: "0" };

function aboutRows(meta: DownloadMeta, caption: string): Array<[string, string]> {
  return [
    ["caption", caption],
    ["release", String(meta.release)],
    ["period", meta.period ?? ""],
    ...Object.entries(meta.filters ?? {}),
    ["contains_synthetic_demo_data", meta.containsSynthetic ? "yes" : "no"],
  ];
}

/** A page table as an XLSX workbook: sheet "table" holds exactly the page table, sheet "about" where it comes from. */
export async function tableXlsx(table: StatTable, meta: DownloadMeta): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "QMD Portal";
  const sheet = book.addWorksheet("table");
  sheet.addRow(table.columns.map((c) => c.label)).font = { bold: true };
  for (const row of table.rows) {
    const values = table.columns.map((c, i) => {
      const v = row.values[i];
      if (c.kind === "label" || c.kind === "note" || row.reason || typeof v !== "number")
        return formatValue(table, row, i);
      return Number(formatValue(table, row, i));
    });
    const added = sheet.addRow(values);
    table.columns.forEach((c, i) => {
      const f = FORMAT[c.kind];
      if (f && typeof values[i] === "number") added.getCell(i + 1).numFmt = f;
    });
  }
  sheet.columns.forEach((col, i) => (col.width = i === 0 ? 28 : 12));
  const about = book.addWorksheet("about");
  for (const r of aboutRows(meta, table.caption)) about.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A release's cells as a streamed XLSX workbook, one row per cell, columns as in the CSV. */
export function cellsXlsxStream(
  pages: AsyncIterable<ReleaseCell[]>,
  dimensionIds: readonly string[],
  meta: DownloadMeta,
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const columns: FlatColumn[] = cellColumns(dimensionIds);
  void (async () => {
    const sheet = book.addWorksheet("cells");
    sheet.addRow(columns.map((c) => c.id)).commit();
    for await (const cells of pages) {
      for (const cell of cells) {
        const row = sheet.addRow(cellRow(cell, dimensionIds));
        columns.forEach((c, i) => {
          const f = FORMAT[c.kind];
          if (f) row.getCell(i + 1).numFmt = f;
        });
        row.commit();
      }
    }
    sheet.commit();
    const about = book.addWorksheet("about");
    for (const r of aboutRows(meta, "release cells")) about.addRow(r).commit();
    about.commit();
    await book.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return createReadableStreamFromReadable(out);
}
