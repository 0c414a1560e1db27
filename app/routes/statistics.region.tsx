import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { regions } from "~/content/taxonomies.server";
import { requestI18n } from "~/i18n/server-t.server";
import { useTranslation } from "~/i18n/use-translation";
import { shortRegionName } from "~/statistics/publish/present";
import { ChartSection, StatisticsPage } from "~/statistics/publish/statistics-page";
import { StatTableView } from "~/statistics/publish/statistics-table";
import { TileMap } from "~/statistics/publish/tile-map";
import { loadStatsPage } from "~/statistics/publish/view.server";

export async function loader(args: LoaderFunctionArgs) {
  const { locale } = await requestI18n(args);
  const tiles = regions().map((r) => ({
    code: r.code,
    short: locale === "zh" ? shortRegionName(r.zh) : r.abbr,
    row: r.tile.row,
    col: r.tile.col,
  }));
  return { page: await loadStatsPage(args, ["region"] as const, ["industry", "size"]), tiles };
}

export default function StatisticsByRegion() {
  const { page, tiles } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <StatisticsPage
      title={t("statistics.region.title")}
      lead={t("statistics.region.lead")}
      picker={page?.picker ?? null}
      unknownPeriod={page?.unknownPeriod}
      period={page?.period}
    >
      {page ? (
        <ChartSection id="region" title={t("statistics.region.mapTitle", { period: page.period })}>
          <TileMap
            table={page.tables.region}
            regions={tiles}
            id="chart-region"
            title={t("statistics.region.mapLabel", { caption: page.tables.region.caption })}
          />
          <StatTableView table={page.tables.region} query={page.query} />
        </ChartSection>
      ) : null}
    </StatisticsPage>
  );
}
