// The firm report as an A4 PDF in the reader's language, drawn on the server with pdfkit: text in the
// embedded Noto Sans SC subset, the page's charts as vectors, and the firm, date and page number on
// every page. Why pdfkit and not a browser: docs/decisions/027-report-pdf-with-pdfkit.md.
import PDFDocument from "pdfkit";
import { i18nFor } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import type { ReportData } from "~/report/assemble";
import { pdfFonts } from "~/report/pdf/fonts.server";
import { footers, MARGIN } from "~/report/pdf/layout.server";
import { type PdfContext, type PdfSection, REPORT_SECTIONS, type Text } from "~/report/pdf/sections.server";

export type { PdfContext, PdfSection } from "~/report/pdf/sections.server";

/** Sections another feature adds after the report's own (the improvement plan, for one). */
function textFor(locale: Locale): Text {
  const i18n = i18nFor(locale);
  return (key, options) => (i18n.t as unknown as Text)(key, options);
}

export type PdfExtras = readonly PdfSection[];

export function renderReportPdf(report: ReportData, locale: Locale, extras: PdfExtras = []): Promise<Buffer> {
  const t = textFor(locale);
  const title = t("report.title", { period: report.period });
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: locale === "zh" ? "zh-CN" : "en",
    displayTitle: true,
    info: { Title: `${title} · ${report.firmName}`, Author: report.firmName, Creator: t("app.name") },
  });
  const fonts = pdfFonts();
  // pdfkit takes an already parsed fontkit font: the same one serves every document of the process.
  doc.registerFont("regular", fonts.regular as never);
  doc.registerFont("bold", fonts.bold as never);
  doc.font("regular");
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const ctx: PdfContext = { report, locale, t };
  for (const section of [...REPORT_SECTIONS, ...extras]) section(doc, ctx);
  footers(doc, `${report.firmName} · ${report.submittedAt.slice(0, 10)}`, (page, pages) =>
    t("pdf.page", { page, pages }),
  );
  doc.end();
  return done;
}

/** `Content-Disposition` for the download: an ASCII name for old clients, the firm's own name in filename*. */
export function pdfDisposition(report: ReportData, locale: Locale): string {
  const t = textFor(locale);
  const ascii = `qmd-report-${report.period.replace(/[^A-Za-z0-9-]/g, "_")}.pdf`;
  const full = t("pdf.filename", { firm: report.firmName, period: report.period });
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(full).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
