// The door of the insights workspace: who is asking, what they may see, and the refusal they get, in their
// language, as a page or as JSON. Every insights loader and download calls `requireInsights` and then
// `requireRegions` for the regions its view breaks down; the rule itself is pure (app/insights/scope.ts).
import { type AppLoadContext, data } from "@remix-run/node";
import { type Caller, getCaller, requireCaller } from "~/accounts/guard.server";
import { type RequestI18n, requestI18n } from "~/i18n/server-t.server";
import { type InsightsScope, insightsScope, refuseRegions, type ScopeRefusal } from "~/insights/scope";
import { apiError } from "~/platform/api-error";

type Args = { request: Request; context: AppLoadContext };

/** A page refuses with the error page (its message in the reader's language); a download with JSON. */
export type InsightsFormat = "page" | "json";

export interface InsightsCaller extends RequestI18n {
  caller: Caller;
  scope: InsightsScope;
  format: InsightsFormat;
}

function refusal(format: InsightsFormat, status: 401 | 403, error: string, message: string): never {
  if (format === "json") throw apiError(status, error, message, {}, { "Cache-Control": "no-store" });
  throw data({ message }, { status });
}

/**
 * A staff member with an insights scope. Anonymous visitors are sent to sign in (a download gets 401 JSON);
 * signed-in users without a staff role get 403, as on every other staff page.
 */
export async function requireInsights(args: Args, format: InsightsFormat): Promise<InsightsCaller> {
  const i18n = await requestI18n(args);
  const caller = format === "page" ? await requireCaller(args) : await getCaller(args);
  if (!caller) refusal(format, 401, "unauthenticated", i18n.t("api.unauthenticated"));
  const scope = insightsScope(caller.principal);
  if (!scope) refusal(format, 403, "forbidden", i18n.t("insights.refused.role"));
  return { ...i18n, caller, scope, format };
}

function refusalMessage(r: ScopeRefusal, who: InsightsCaller, regionName: (code: string) => string): string {
  if (r.reason === "national") return who.t("insights.refused.national");
  return who.t("insights.refused.outside", { region: regionName(r.region) });
}

/** Refuse (403) a view that breaks down regions outside the caller's jurisdiction. */
export function requireRegions(
  who: InsightsCaller,
  regions: readonly string[],
  regionName: (code: string) => string,
): void {
  const refused = refuseRegions(who.scope, regions);
  if (refused) refusal(who.format, 403, "outside_jurisdiction", refusalMessage(refused, who, regionName));
}
