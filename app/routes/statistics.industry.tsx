import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { fixedMeta } from "~/i18n/meta";
import { SingleTableStatisticsPage } from "~/statistics/publish/statistics-page";
import { loadStatsPage } from "~/statistics/publish/view.server";

export const meta = fixedMeta("statistics.industry.title", "statistics.industry.lead");

export async function loader(args: LoaderFunctionArgs) {
  return { page: await loadStatsPage(args, ["industry"] as const, ["metric", "region"]) };
}

export default function StatisticsByIndustry() {
  return <SingleTableStatisticsPage id="industry" page={useLoaderData<typeof loader>().page} />;
}
