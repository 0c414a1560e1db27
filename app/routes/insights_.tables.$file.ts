// Download one insights table (/insights/tables/<view>-<table>.<csv|json|xlsx>?…): the same table, built by
// the same code, as the page shows, behind the same scope check (refusals as JSON). Every export is audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { INSIGHTS_TABLES, insightsTable, type InsightsView } from "~/insights/views.server";
import { apiError } from "~/platform/api-error";
import { recordAudit } from "~/platform/audit.server";
import { downloadName, tableCsv, tableJson } from "~/statistics/publish/serialise";
import { tableXlsx, XLSX_TYPE } from "~/statistics/publish/serialise-xlsx.server";

const isView = (v: string | undefined): v is InsightsView => v === "compare" || v === "adoption";

export async function loader(args: LoaderFunctionArgs) {
  const match = /^([a-z]+)-([a-z]+)\.(csv|json|xlsx)$/.exec(args.params.file ?? "");
  const [view, id, ext] = [match?.[1], match?.[2], match?.[3]];
  const noSuch = () =>
    apiError(404, "not_found", "没有这个下载。 No such download.", {}, { "Cache-Control": "no-store" });
  if (!isView(view) || !id || !ext || !INSIGHTS_TABLES[view].includes(id)) return noSuch();
  const { who, table, release, period } = await insightsTable(args, view, id);
  if (!release) return noSuch();
  if (!table)
    return apiError(400, "bad_request", who.t("insights.errors.download"), {}, { "Cache-Control": "no-store" });
  const query = new URL(args.request.url).searchParams;
  await recordAudit({
    actorId: who.caller.user.id,
    action: "insights.exported",
    subjectType: "release",
    subjectId: String(release.number),
    details: { view, table: id, format: ext, query: Object.fromEntries(query) },
  });
  const meta = { release: release.number, period, filters: {}, containsSynthetic: release.containsSynthetic };
  const name = downloadName(release.number, `${view}-${id}`, ext, id === "trend" ? null : period);
  // Scoped to the viewer: never kept by a shared cache.
  const headers = { "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" };
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
