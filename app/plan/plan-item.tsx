// One action of the plan: its details, links and progress; shared by the plan page and the report.
import type { ReactNode } from "react";
import type { Locale } from "~/i18n/locales";
import { pick } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";
import type { PlanItem } from "~/plan/plan.server";
import { DataTable } from "~/ui/data-table";

const signed = (x: number | null) => (x === null ? "—" : x > 0 ? `+${x}` : String(x));
const shown = (x: number | null) => (x === null ? "—" : String(x));

export function PlanItemView({
  item,
  locale,
  headingLevel = 2,
  children,
}: {
  item: PlanItem;
  locale: Locale;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const title = pick(item.title, locale);
  const p = item.progress;
  return (
    <article className="plan-item" id={`action-${item.id}`} aria-labelledby={`action-${item.id}-title`}>
      <Heading id={`action-${item.id}-title`}>{title}</Heading>
      <dl className="plan-facts">
        <dt>{t("plan.status")}</dt>
        <dd>
          {t(`plan.statuses.${item.status}`)}
          {item.overdue ? <strong className="plan-overdue"> · {t("plan.overdue")}</strong> : null}
        </dd>
        <dt>{t("plan.owner")}</dt>
        <dd>{item.owner?.name ?? t("plan.unassigned")}</dd>
        <dt>{t("plan.dueDate")}</dt>
        <dd>{item.dueDate ?? t("plan.noDueDate")}</dd>
        <dt>{t("plan.dimension")}</dt>
        <dd>{item.dimension.name ? pick(item.dimension.name, locale) : item.dimension.id}</dd>
        {item.articles.length || item.scene ? (
          <>
            <dt>{t(`plan.sources.${item.source}`)}</dt>
            <dd>
              {item.articles.map((n) => (
                <a key={n} href={`/guide/${n}`} className="plan-link">
                  {t("plan.article", { n })}
                </a>
              ))}
              {item.scene ? (
                <a href={`/scenes/${item.scene.slug}`} className="plan-link">
                  {t("plan.scene", { title: pick(item.scene.title, locale) })}
                </a>
              ) : null}
            </dd>
          </>
        ) : null}
        {item.notes ? (
          <>
            <dt>{t("plan.notes")}</dt>
            <dd className="plan-notes">{item.notes}</dd>
          </>
        ) : null}
      </dl>
      {item.fromPeriod ? <p className="muted">{t("plan.fromPeriod", { period: item.fromPeriod })}</p> : null}
      {p ? (
        p.comparable ? (
          <DataTable caption={t("plan.progressCaption", { title })}>
            <thead>
              <tr>
                <th scope="col">{t("plan.measure")}</th>
                <th scope="col">
                  {t("plan.before")} ({p.before.period})
                </th>
                <th scope="col">
                  {t("plan.after")} ({p.after.period})
                </th>
                <th scope="col">{t("plan.change")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("plan.dimensionScore")}</th>
                <td>{shown(p.before.score)}</td>
                <td>{shown(p.after.score)}</td>
                <td>{signed(p.scoreChange)}</td>
              </tr>
              <tr>
                <th scope="row">{t("plan.dimensionLevel")}</th>
                <td>{shown(p.before.level)}</td>
                <td>{shown(p.after.level)}</td>
                <td>{signed(p.levelChange)}</td>
              </tr>
              <tr>
                <th scope="row">{t("plan.stageRow")}</th>
                <td>{p.before.stage}</td>
                <td>{p.after.stage}</td>
                <td>{signed(p.stageChange)}</td>
              </tr>
              {p.indicators.map((i) => (
                <tr key={i.question}>
                  <th scope="row">
                    {t("plan.indicatorLevel", {
                      title: pick(p.indicatorTitles[i.question] ?? { zh: i.question, en: i.question }, locale),
                    })}
                  </th>
                  <td>{shown(i.before)}</td>
                  <td>{shown(i.after)}</td>
                  <td>{signed(i.change)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <p>{t("plan.notComparable")}</p>
        )
      ) : item.fromPeriod ? (
        <p className="muted">{t("plan.noProgressYet")}</p>
      ) : null}
      {children}
    </article>
  );
}
