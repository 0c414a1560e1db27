import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireFirmAssessmentAndFirm } from "~/assessment/requests.server";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { priorityChoices } from "~/plan/choices";
import { planForReport } from "~/plan/plan.server";
import { PlanSection } from "~/plan/plan-section";
import { AddFromReport } from "~/plan/report-add";
import { buildReport } from "~/report/report.server";
import { ReportView } from "~/report/report-view";
import { PrintButton } from "~/ui/print-button";

// A finished report needs no client-side React: plain HTML, its render kept per distinct loader data
// (render-cache.server.ts): a revisit loads and checks everything again but skips the render.
export const handle = { hydrate: false };

export async function loader(args: LoaderFunctionArgs) {
  const { caller, assessment, firm, version } = await requireFirmAssessmentAndFirm(args);
  const base = `/firms/${caller.firmId}/assessments/${assessment.id}`;
  if (assessment.status !== "submitted") throw redirect(base);
  const [report, plan] = await Promise.all([
    buildReport(firm, assessment, version),
    planForReport(firm.id, assessment),
  ]);
  const choices = priorityChoices(version.model, report.priorities);
  return { base, firmId: firm.id, assessmentId: assessment.id, report, plan, choices };
}

export default function ReportPage() {
  const { base, firmId, assessmentId, report, plan, choices } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  return (
    <>
      <p className="muted no-print">
        <Link to={`/firms/${firmId}/assessments`}>{t("assessment.history")}</Link>
      </p>
      <p className="notice no-print">{t("assessment.readOnly")}</p>
      <ReportView
        report={report}
        locale={locale}
        articleHref={(n) => `/guide/${n}`}
        sceneHref={(slug) => `/scenes/${slug}`}
        caseHref={(id) => `/cases/${id}`}
      />
      <PlanSection plan={plan} locale={locale} />
      <AddFromReport firmId={firmId} assessmentId={assessmentId} choices={choices} locale={locale} />
      <div className="actions no-print">
        <a className="button" href={`${base}/download`} download>
          {t("report.download")}
        </a>
        <a className="button" href={`${base}/report.pdf`} download>
          {t("pdf.download")}
        </a>
        <PrintButton label={t("report.print")} />
      </div>
    </>
  );
}
