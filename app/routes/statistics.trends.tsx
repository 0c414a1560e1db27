import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { StatisticsLineChart } from "~/statistics/publish/line-chart";
import { ChartSection, StatisticsPage } from "~/statistics/publish/statistics-page";
import { StatTableView } from "~/statistics/publish/statistics-table";
import { loadStatsPage } from "~/statistics/publish/view.server";

export async function loader(args: LoaderFunctionArgs) {
  return { page: await loadStatsPage(args, ["trends", "releases"] as const) };
}

export default function StatisticsTrends() {
  const { page } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
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
              column="mean"
              id="chart-trends"
              title={page.tables.trends.caption}
            />
            <StatTableView table={page.tables.trends} query={page.query} />
          </ChartSection>
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
