// The report as one self-contained HTML file (styles and charts inline) a firm can forward.
import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireFirmAssessmentAndFirm } from "~/assessment/requests.server";
import { requestI18n } from "~/i18n/server-t.server";
import { renderReportDocument } from "~/report/document.server";
import { buildReport } from "~/report/report.server";

export async function loader(args: LoaderFunctionArgs) {
  const { caller, assessment, firm, version } = await requireFirmAssessmentAndFirm(args);
  if (assessment.status !== "submitted") throw redirect(`/firms/${caller.firmId}/assessments/${assessment.id}`);
  const { locale } = await requestI18n(args);
  const html = renderReportDocument(
    await buildReport(firm, assessment, version),
    locale,
    new URL(args.request.url).origin,
  );
  const filename = `qmd-report-${assessment.period}.html`;
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
