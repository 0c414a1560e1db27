// The improvement plan in the report PDF: each action with owner, due date, status and notes, and what
// moved on its dimension at the next assessment. Added after the report's own sections (PdfExtras).
import { pick } from "~/i18n/locales";
import type { PlanReportData } from "~/plan/plan.server";
import { bullets, heading, paragraph, table } from "~/report/pdf/layout.server";
import type { PdfSection } from "~/report/pdf/sections.server";

const signed = (x: number | null) => (x === null ? "—" : x > 0 ? `+${x}` : String(x));
const shown = (x: number | null) => (x === null ? "—" : String(x));

export function planPdfSection(plan: PlanReportData): PdfSection {
  return (doc, { locale, t }) => {
    heading(doc, t("plan.section"));
    paragraph(doc, t("plan.sectionLead"), { muted: true });
    if (plan.items.length === 0) paragraph(doc, t("plan.empty"));
    plan.items.forEach((item, i) => {
      heading(doc, `${i + 1}. ${pick(item.title, locale)}`, 3);
      bullets(doc, [
        `${t("plan.status")}: ${t(`plan.statuses.${item.status}`)}${item.overdue ? ` · ${t("plan.overdue")}` : ""}`,
        `${t("plan.owner")}: ${item.owner?.name ?? t("plan.unassigned")}`,
        `${t("plan.dueDate")}: ${item.dueDate ?? t("plan.noDueDate")}`,
        `${t("plan.dimension")}: ${item.dimension.name ? pick(item.dimension.name, locale) : item.dimension.id}`,
        ...(item.articles.length ? [item.articles.map((n) => t("plan.article", { n })).join("、")] : []),
        ...(item.scene ? [t("plan.scene", { title: pick(item.scene.title, locale) })] : []),
        ...(item.notes ? [`${t("plan.notes")}: ${item.notes}`] : []),
      ]);
      const p = item.progress;
      if (!p) return;
      if (!p.comparable) {
        paragraph(doc, t("plan.notComparable"), { muted: true });
        return;
      }
      table(
        doc,
        [
          { label: t("plan.measure"), width: 0.46 },
          { label: `${t("plan.before")} (${p.before.period})`, width: 0.18 },
          { label: `${t("plan.after")} (${p.after.period})`, width: 0.18 },
          { label: t("plan.change"), width: 0.18 },
        ],
        [
          [t("plan.dimensionScore"), shown(p.before.score), shown(p.after.score), signed(p.scoreChange)],
          [t("plan.dimensionLevel"), shown(p.before.level), shown(p.after.level), signed(p.levelChange)],
          [t("plan.stageRow"), String(p.before.stage), String(p.after.stage), signed(p.stageChange)],
          ...p.indicators.map((x) => [
            pick(p.indicatorTitles[x.question] ?? { zh: x.question, en: x.question }, locale),
            shown(x.before),
            shown(x.after),
            signed(x.change),
          ]),
        ],
        t("plan.progressCaption", { title: pick(item.title, locale) }),
      );
    });
  };
}
