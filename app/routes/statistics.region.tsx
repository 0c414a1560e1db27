import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { regions } from "~/content/taxonomies.server";
import { fixedMeta } from "~/i18n/meta";
import { requestI18n } from "~/i18n/server-t.server";
import { useTranslation } from "~/i18n/use-translation";
import { chartColumn } from "~/statistics/publish/metric";
import { shortRegionName } from "~/statistics/publish/present";
import { ChartSection, StatisticsPage, useChartTitle } from "~/statistics/publish/statistics-page";
import { StatTableView } from "~/statistics/publish/statistics-table";
import { TileMap } from "~/statistics/publish/tile-map";
import { loadStatsPage } from "~/statistics/publish/view.server";

export const meta = fixedMeta("statistics.region.title", "statistics.region.lead");

export async function loader(args: LoaderFunctionArgs) {
  const { locale } = await requestI18n(args);
  const tiles = regions().map((r) => ({
    code: r.code,
    short: locale === "zh" ? shortRegionName(r.zh) : r.abbr,
    row: r.tile.row,
    col: r.tile.col,
  }));
  const page = await loadStatsPage(args, ["region"] as const, ["metric", "industry", "size"]);
  // A tile opens the province's own view: its industries, in the same release, period and measure.
  const regionView = page
    ? new URLSearchParams({
        release: String(page.release.number),
        period: page.period,
        ...(page.metric === "mean" ? {} : { metric: page.metric }),
      }).toString()
    : "";
  return { page, tiles, regionView };
}

export default function StatisticsByRegion() {
  const { page, tiles, regionView } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const chartTitle = useChartTitle();
  return (
    <StatisticsPage
      title={t("statistics.region.title")}
      lead={t("statistics.region.lead")}
      picker={page?.picker ?? null}
      unknownPeriod={page?.unknownPeriod}
      period={page?.period}
    >
      {page ? (
        <ChartSection
          id="region"
          title={t("statistics.region.mapTitle", { period: page.period, measure: page.measure })}
        >
          <TileMap
            table={page.tables.region}
            regions={tiles}
            id="chart-region"
            column={chartColumn(page.metric)}
            href={(code) => `/statistics/industry?${regionView}&region=${code}`}
            title={t("statistics.region.mapLabel", { caption: chartTitle(page.tables.region, page.metric) })}
          />
          <StatTableView table={page.tables.region} query={page.query} />
        </ChartSection>
      ) : null}
    </StatisticsPage>
  );
}
