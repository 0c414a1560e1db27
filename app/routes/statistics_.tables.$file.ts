// Download one statistics table (/statistics/tables/<table>.<csv|json|xlsx>?release=&period=…): the
// same table, built by the same code, as the page shows.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/platform/http.server";
import { DEFAULT_METRIC } from "~/statistics/publish/metric";
import { downloadName, tableCsv, tableJson } from "~/statistics/publish/serialise";
import { tableXlsx, XLSX_TYPE } from "~/statistics/publish/serialise-xlsx.server";
import { buildStatsTable, isTableId, resolveStatsView } from "~/statistics/publish/view.server";
import { ALL } from "~/statistics/types";

const BREAKDOWNS = new Set(["industry", "region", "size", "trends", "trendsRegions", "trendsGroups"]);

export async function loader(args: LoaderFunctionArgs) {
  const match = /^([A-Za-z]+)\.(csv|json|xlsx)$/.exec(args.params.file ?? "");
  const id = match?.[1];
  const ext = match?.[2];
  if (!id || !ext || !isTableId(id)) notFound();
  const view = (await resolveStatsView(args)) ?? notFound();
  const table = await buildStatsTable(id, view);
  // The filters and measure the table was built with (defaults left out), as the page's own picker sets them.
  const chosen: Record<string, string> =
    id === "region"
      ? { industry: view.industry, size: view.size }
      : id === "industry" || id === "size"
        ? { region: view.region }
        : id === "trends"
          ? { region: view.region, industry: view.industry }
          : id === "trendsRegions"
            ? { industry: view.industry }
            : id === "trendsGroups"
              ? { region: view.region }
              : {};
  if (BREAKDOWNS.has(id) && view.metric !== DEFAULT_METRIC) chosen.metric = view.metric;
  const filters = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== ALL));
  const meta = {
    release: view.release.number,
    period: id.startsWith("trends") ? null : view.period,
    filters,
    containsSynthetic: view.release.containsSynthetic,
  };
  const name = downloadName(view.release.number, [id, ...Object.values(filters)].join("-"), ext, meta.period);
  const headers: Record<string, string> = {
    "Content-Disposition": `attachment; filename="${name}"`,
    // A release never changes, but the table's language follows the visitor's choice; a preview is staff-only.
    "Cache-Control": view.release.preview ? "private, no-store" : "public, max-age=3600",
    Vary: "Cookie",
  };
  if (ext === "csv")
    return new Response(tableCsv(table), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  if (ext === "json")
    return new Response(JSON.stringify(tableJson(table, meta), null, 1), {
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
    });
  return new Response(new Uint8Array(await tableXlsx(table, meta)), {
    headers: { ...headers, "Content-Type": XLSX_TYPE },
  });
}
