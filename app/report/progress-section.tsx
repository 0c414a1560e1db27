// Progress across periods (issue 14 item 3): the change from the previous and the first submitted
// assessment on the dimensions both editions share, the stage movement, and a trend chart of the
// overall score and stage whose data is the report's history table (describedBy).
import { type Locale, pick } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";
import type { ReportData } from "~/report/assemble";
import { type Comparison, type Progress, scoreText as score, signedChange as signed } from "~/report/progress";
import { comparisonSentences } from "~/report/progress-text";
import { DataTable } from "~/ui/data-table";
import { TrendChart } from "~/ui/trend-chart";

export function ProgressSection({
  progress,
  report,
  locale,
  describedBy,
}: {
  progress: Progress;
  report: ReportData;
  locale: Locale;
  describedBy: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="progress-heading" className="progress">
      <h3 id="progress-heading">{t("progress.heading")}</h3>
      <TrendChart
        points={progress.trend.map((p) => ({
          label: p.period,
          value: p.overall,
          note: t("progress.trendPoint", { score: p.overall.toFixed(1), stage: p.stage }),
          sublabel: p.edition,
          current: p.current,
        }))}
        title={t("progress.trendTitle")}
        id="trend-chart"
        describedBy={describedBy}
      />
      {progress.comparisons.map((c) => (
        <ComparisonBlock key={c.against} comparison={c} progress={progress} report={report} locale={locale} />
      ))}
    </section>
  );
}

function ComparisonBlock({
  comparison: c,
  progress,
  report,
  locale,
}: {
  comparison: Comparison;
  progress: Progress;
  report: ReportData;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const now = progress.current;
  const name = (id: string) => {
    const d = report.dimensions.find((x) => x.id === id);
    return d ? pick(d.name, locale) : id;
  };
  const text = comparisonSentences(
    t as (key: string, options?: Record<string, unknown>) => string,
    c,
    now,
    report.overall,
    name,
    c.note ? pick(c.note, locale) : null,
  );
  const captionId = `progress-${c.against}-caption`;
  return (
    <div className="progress-comparison">
      <h4>{text.heading}</h4>
      <p className="muted">{text.editions}</p>
      {text.notComparable ? <p className="progress-not-comparable">{text.notComparable}</p> : null}
      <ul>
        <li>{text.overall}</li>
        <li>{text.stage}</li>
      </ul>
      <DataTable
        captionId={captionId}
        caption={t("progress.tableCaption", { before: c.before.period, after: now.period })}
      >
        <thead>
          <tr>
            <th scope="col">{t("report.dimension")}</th>
            <th scope="col">{t("progress.before", { period: c.before.period })}</th>
            <th scope="col">{t("progress.after", { period: now.period })}</th>
            <th scope="col">{t("progress.change")}</th>
            <th scope="col">{t("progress.level")}</th>
          </tr>
        </thead>
        <tbody>
          {c.dimensions.map((d) => (
            <tr key={d.id}>
              <th scope="row">{name(d.id)}</th>
              <td>{score(d.before)}</td>
              <td>{score(d.after)}</td>
              <td>{signed(d.change)}</td>
              <td>
                {d.levelBefore ?? "—"} → {d.levelAfter ?? "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}
