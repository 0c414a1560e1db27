// What a table download holds, read back as text, to compare with the page table a visitor reads.
import type { Page } from "@playwright/test";
import ExcelJS from "exceljs";

/** The text of a page table, header row first, as a visitor reads it. */
export function tableText(page: Page, id: string): Promise<string[][]> {
  return page
    .locator(`#table-${id} tr`)
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? "").trim())));
}

/** RFC 4180 fields of CSV text without line breaks inside fields. */
export function parseCsv(text: string): string[][] {
  return text
    .replace(/\r\n$/, "")
    .split("\r\n")
    .map((line) => {
      const fields: string[] = [];
      let field = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i]!;
        if (quoted) {
          if (ch === '"' && line[i + 1] === '"') {
            field += '"';
            i++;
          } else if (ch === '"') quoted = false;
          else field += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ",") {
          fields.push(field);
          field = "";
        } else field += ch;
      }
      fields.push(field);
      return fields;
    });
}

/** The first sheet of an XLSX download as a spreadsheet shows it: numbers through their number format. */
export async function xlsxText(path: string, width: number): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.getWorksheet("table")!;
  const read: string[][] = [];
  // 0.0 for means and shares, 0 for counts and quantiles.
  const shown = (c: ExcelJS.Cell) =>
    typeof c.value === "number"
      ? c.numFmt === "0.0"
        ? c.value.toFixed(1)
        : c.numFmt === "0"
          ? String(c.value)
          : "?"
      : c.text;
  sheet.eachRow((row) => read.push(Array.from({ length: width }, (_, i) => shown(row.getCell(i + 1)))));
  return read;
}
