import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { fixedMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { StatisticsLineChart } from "~/statistics/publish/line-chart";
import { chartColumn } from "~/statistics/publish/metric";
import { ChartSection, StatisticsPage, useChartTitle } from "~/statistics/publish/statistics-page";
import { StatTableView } from "~/statistics/publish/statistics-table";
import { loadStatsPage } from "~/statistics/publish/view.server";

export const meta = fixedMeta("statistics.trends.title", "statistics.trends.lead");

export async function loader(args: LoaderFunctionArgs) {
  return {
    page: await loadStatsPage(args, ["trends", "trendsRegions", "trendsGroups", "releases"] as const, [
      "metric",
      "region",
      "industry",
    ]),
  };
}

export default function StatisticsTrends() {
  const { page } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const chartTitle = useChartTitle();
  return (
    <StatisticsPage
      title={t("statistics.trends.title")}
      lead={t("statistics.trends.lead")}
      picker={page?.picker ?? null}
      unknownPeriod={page?.unknownPeriod}
      period={page?.period}
    >
      {page ? (
        <>
          <ChartSection id="trends" title={t("statistics.trends.periodsTitle")}>
            <StatisticsLineChart
              table={page.tables.trends}
              column={chartColumn(page.metric)}
              id="chart-trends"
              title={chartTitle(page.tables.trends, page.metric)}
            />
            <StatTableView table={page.tables.trends} query={page.query} />
          </ChartSection>
          <section aria-labelledby="trends-regions-heading" className="chart-section">
            <h2 id="trends-regions-heading">{t("statistics.trends.regionsTitle")}</h2>
            <p>{t(page.metric === "stages" ? "statistics.trends.matrixStagesLead" : "statistics.trends.matrixLead")}</p>
            <StatTableView table={page.tables.trendsRegions} query={page.query} />
          </section>
          <section aria-labelledby="trends-groups-heading" className="chart-section">
            <h2 id="trends-groups-heading">{t("statistics.trends.groupsTitle")}</h2>
            <StatTableView table={page.tables.trendsGroups} query={page.query} />
          </section>
          {page.tables.releases.rows.length > 1 ? (
            <ChartSection id="releases" title={t("statistics.trends.releasesTitle", { period: page.period })}>
              <p>{t("statistics.trends.releasesLead")}</p>
              <StatisticsLineChart
                table={page.tables.releases}
                column="mean"
                id="chart-releases"
                title={page.tables.releases.caption}
              />
              <StatTableView table={page.tables.releases} query={page.query} />
            </ChartSection>
          ) : null}
        </>
      ) : null}
    </StatisticsPage>
  );
}
