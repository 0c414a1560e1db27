// Drawing helpers for the report PDF: headings, paragraphs, bullets and tables that break across pages.
import { PDF_COLOURS } from "~/report/pdf/charts.server";
import type { PdfWeight } from "~/report/pdf/fonts.server";

export type Doc = PDFKit.PDFDocument;

export const MARGIN = { top: 56, bottom: 64, left: 48, right: 48 };

export function setFont(doc: Doc, weight: PdfWeight, size: number, colour: string = PDF_COLOURS.text): Doc {
  return doc.font(weight).fontSize(size).fillColor(colour);
}

const contentWidth = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;
const bottom = (doc: Doc) => doc.page.height - MARGIN.bottom;

/** A new page unless `height` still fits on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function heading(doc: Doc, text: string, level: 1 | 2 | 3 = 2): void {
  const size = level === 1 ? 20 : level === 2 ? 14 : 11.5;
  ensureSpace(doc, size * 4);
  if (level !== 1) doc.moveDown(0.6);
  setFont(doc, "bold", size, level === 1 ? PDF_COLOURS.brand : PDF_COLOURS.text).text(text, MARGIN.left, doc.y, {
    width: contentWidth(doc),
  });
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, text: string, options: { muted?: boolean; bold?: boolean; size?: number } = {}) {
  const size = options.size ?? 10;
  setFont(doc, options.bold ? "bold" : "regular", size, options.muted ? PDF_COLOURS.muted : PDF_COLOURS.text).text(
    text,
    MARGIN.left,
    doc.y,
    { width: contentWidth(doc), lineGap: 2 },
  );
  doc.moveDown(0.3);
}

export function bullets(doc: Doc, items: string[], options: { muted?: boolean; indent?: number } = {}) {
  const indent = options.indent ?? 12;
  for (const item of items) {
    setFont(doc, "regular", 10, options.muted ? PDF_COLOURS.muted : PDF_COLOURS.text);
    ensureSpace(doc, 14);
    const y = doc.y;
    doc.text("•", MARGIN.left + indent - 10, y);
    doc.text(item, MARGIN.left + indent, y, { width: contentWidth(doc) - indent, lineGap: 2 });
    doc.moveDown(0.15);
  }
}

export interface Column {
  label: string;
  /** Share of the content width. */
  width: number;
  align?: "left" | "right";
}

/** A table with a header row repeated on every page it runs onto. */
export function table(doc: Doc, columns: Column[], rows: string[][], caption?: string): void {
  const total = contentWidth(doc);
  const widths = columns.map((c) => c.width * total);
  const pad = 4;
  const rowHeight = (cells: string[], weight: PdfWeight) => {
    setFont(doc, weight, 9);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], weight: PdfWeight, shade: boolean) => {
    const h = rowHeight(cells, weight);
    const y = doc.y;
    if (shade) doc.rect(MARGIN.left, y, total, h).fill(PDF_COLOURS.surface);
    let x = MARGIN.left;
    cells.forEach((cell, i) => {
      setFont(doc, weight, 9).text(cell, x + pad, y + pad, {
        width: widths[i]! - 2 * pad,
        align: columns[i]!.align ?? "left",
      });
      x += widths[i]!;
    });
    doc
      .moveTo(MARGIN.left, y + h)
      .lineTo(MARGIN.left + total, y + h)
      .lineWidth(0.5)
      .strokeColor(PDF_COLOURS.rule)
      .stroke();
    doc.x = MARGIN.left;
    doc.y = y + h;
  };
  const header = columns.map((c) => c.label);
  if (caption) {
    ensureSpace(doc, 60);
    paragraph(doc, caption, { muted: true, size: 9 });
  }
  ensureSpace(doc, rowHeight(header, "bold") + 20);
  drawRow(header, "bold", true);
  for (const row of rows) {
    if (doc.y + rowHeight(row, "regular") > bottom(doc)) {
      doc.addPage();
      drawRow(header, "bold", true);
    }
    drawRow(row, "regular", false);
  }
  doc.moveDown(0.5);
}

/** The firm's name and the date on the left and the page number on the right, on every page. */
export function footers(doc: Doc, left: string, pageLabel: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN.bottom + 24;
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the bottom margin would otherwise open a new page
    doc
      .moveTo(MARGIN.left, y - 6)
      .lineTo(doc.page.width - MARGIN.right, y - 6)
      .lineWidth(0.5)
      .strokeColor(PDF_COLOURS.rule)
      .stroke();
    setFont(doc, "regular", 8.5, PDF_COLOURS.muted).text(left, MARGIN.left, y, {
      width: contentWidth(doc) * 0.7,
      lineBreak: false,
    });
    doc.text(pageLabel(i - range.start + 1, range.count), MARGIN.left, y, {
      width: contentWidth(doc),
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = saved;
  }
}
