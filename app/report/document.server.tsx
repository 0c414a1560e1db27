import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "~/i18n/i18n";
import { htmlLang, type Locale } from "~/i18n/locales";
import type { ReportData } from "~/report/assemble";
import { ReportView } from "~/report/report-view";

let css: string | undefined;

/** The report page's stylesheet, inlined so the file opens anywhere without the portal. */
function stylesheet(): string {
  css ??= readFileSync(join(process.cwd(), "app", "ui", "app.css"), "utf8");
  return css;
}

export function renderReportDocument(report: ReportData, locale: Locale, origin: string): string {
  const i18n = i18nFor(locale);
  const body = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <main className="container">
        <ReportView
          report={report}
          locale={locale}
          articleHref={(n) => `${origin}/guide/${n}`}
          sceneHref={(slug) => `${origin}/scenes/${slug}`}
          caseHref={(id) => `${origin}/cases/${id}`}
        />
      </main>
    </I18nextProvider>,
  );
  const title = i18n.t("report.title", { period: report.period });
  return `<!DOCTYPE html><html lang="${htmlLang(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${stylesheet()}</style></head><body>${body}</body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
