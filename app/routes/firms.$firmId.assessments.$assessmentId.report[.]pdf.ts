// The report as an A4 PDF in the reader's language: the same access and content as the report page.
import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireFirmAssessmentAndFirm } from "~/assessment/requests.server";
import { requestI18n } from "~/i18n/server-t.server";
import { pdfDisposition, renderReportPdf } from "~/report/pdf/report-pdf.server";
import { buildReport } from "~/report/report.server";

export async function loader(args: LoaderFunctionArgs) {
  const { caller, assessment, firm, version } = await requireFirmAssessmentAndFirm(args);
  if (assessment.status !== "submitted") throw redirect(`/firms/${caller.firmId}/assessments/${assessment.id}`);
  const { locale } = await requestI18n(args);
  const report = await buildReport(firm, assessment, version);
  const pdf = await renderReportPdf(report, locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": pdfDisposition(report, locale),
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
    },
  });
}
