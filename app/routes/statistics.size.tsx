import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SingleTableStatsPage } from "~/components/stats/stats-page";
import { loadStatsPage } from "~/models/statistics-view.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return { page: await loadStatsPage(request, ["size"] as const) };
}

export default function StatisticsBySize() {
  return <SingleTableStatsPage id="size" page={useLoaderData<typeof loader>().page} />;
}
