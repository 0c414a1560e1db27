// The plan as it appears after the report: every action with its progress at the report's assessment.
import type { Locale } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";
import type { PlanReportData } from "~/plan/plan.server";
import { PlanItemView } from "~/plan/plan-item";

export function PlanSection({ plan, locale }: { plan: PlanReportData; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <section className="plan-section" aria-labelledby="report-plan">
      <h2 id="report-plan">{t("plan.section")}</h2>
      <p>{t("plan.sectionLead")}</p>
      {plan.items.length === 0 ? <p>{t("plan.empty")}</p> : null}
      {plan.items.map((item) => (
        <PlanItemView key={item.id} item={item} locale={locale} headingLevel={3} />
      ))}
      <p className="no-print">
        <a href={`/firms/${plan.firmId}/plan`}>{t("plan.openPlan")}</a>
      </p>
    </section>
  );
}
