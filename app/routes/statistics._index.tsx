import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { fixedMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { columnValues, slotText, thresholdUnits } from "~/statistics/publish/present";
import { ReleaseFacts } from "~/statistics/publish/release-facts";
import { StatisticsBarChart } from "~/statistics/publish/statistics-bar-chart";
import { ChartSection, StatisticsPage } from "~/statistics/publish/statistics-page";
import { StatTableView } from "~/statistics/publish/statistics-table";
import { loadStatsPage } from "~/statistics/publish/view.server";

export const meta = fixedMeta("statistics.overview.title", "statistics.overview.lead");

export async function loader(args: LoaderFunctionArgs) {
  return { page: await loadStatsPage(args, ["national", "stages", "dimensions"] as const) };
}

export default function StatisticsOverview() {
  const { page } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!page)
    return <StatisticsPage title={t("statistics.overview.title")} lead={t("statistics.overview.lead")} picker={null} />;
  const { national, stages, dimensions } = page.tables;
  const row = national.rows[0]!;
  const figure = (id: string) =>
    slotText(
      national,
      row,
      national.columns.findIndex((c) => c.id === id),
      (reason, n) => t(`statistics.notPublished.${reason}`, { n }),
    );
  const figureClass = row.reason ? "figure figure--withheld" : "figure";
  const weakest = columnValues(dimensions, "mean")
    .filter((d) => d.value !== null)
    .slice(0, 3);
  return (
    <StatisticsPage
      title={t("statistics.overview.title")}
      lead={t("statistics.overview.lead")}
      picker={page.picker}
      unknownPeriod={page.unknownPeriod}
      period={page.period}
    >
      <ReleaseFacts release={page.release} methodologyQuery={`?release=${page.release.number}`} />
      <section aria-labelledby="headline-heading">
        <h2 id="headline-heading">{t("statistics.overview.headline", { period: page.period })}</h2>
        <div className="score-hero">
          <p>
            <span className={figureClass} data-testid="firms">
              {figure("firms")}
            </span>
            <br />
            {t("statistics.overview.firms")}
          </p>
          <p>
            <span className={figureClass} data-testid="mean">
              {figure("mean")}
            </span>
            <br />
            {t("statistics.overview.mean")}
          </p>
          <p>
            <span className={figureClass}>{figure("median")}</span>
            <br />
            {t("statistics.overview.median")}
          </p>
        </div>
        {row.reason ? (
          <p className="notice">{t(`statistics.reasons.${row.reason}`, { n: thresholdUnits(national) })}</p>
        ) : null}
        <StatTableView table={national} query={page.query} />
      </section>
      <ChartSection id="stages" title={t("statistics.overview.stagesTitle")}>
        <StatisticsBarChart table={stages} column="share" id="chart-stages" title={stages.caption} unit="%" />
        <StatTableView table={stages} query={page.query} />
      </ChartSection>
      <ChartSection id="weak" title={t("statistics.overview.weakTitle")}>
        {weakest.length ? (
          <p>
            {t("statistics.overview.weakLead")}
            {weakest.map((d) => `${d.label}（${d.text}）`).join("、")}
          </p>
        ) : null}
        <StatisticsBarChart table={dimensions} column="mean" id="chart-dimensions" title={dimensions.caption} />
        <StatTableView table={dimensions} query={page.query} />
      </ChartSection>
    </StatisticsPage>
  );
}
