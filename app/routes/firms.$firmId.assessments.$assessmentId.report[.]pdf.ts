// The report as an A4 PDF in the reader's language: the same access and content as the report page.
import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireFirmAssessmentAndFirm } from "~/assessment/requests.server";
import { requestI18n } from "~/i18n/server-t.server";
import { planForReport } from "~/plan/plan.server";
import { planPdfSection } from "~/report/pdf/plan-section.server";
import { pdfDisposition, renderReportPdf } from "~/report/pdf/report-pdf.server";
import { buildReport } from "~/report/report.server";

export async function loader(args: LoaderFunctionArgs) {
  const { caller, assessment, firm, version } = await requireFirmAssessmentAndFirm(args);
  if (assessment.status !== "submitted") throw redirect(`/firms/${caller.firmId}/assessments/${assessment.id}`);
  const { locale } = await requestI18n(args);
  const [report, plan] = await Promise.all([
    buildReport(firm, assessment, version),
    planForReport(firm.id, assessment),
  ]);
  const pdf = await renderReportPdf(report, locale, [planPdfSection(plan)]);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": pdfDisposition(report, locale),
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
    },
  });
}
