// What the insights pages and their downloads show: the caller and scope (request.server), the release
// (latest public one, or ?release=N), the request read from the URL, the scope check, then the tables built
// by the pure modules from the release's cells. A page and its download run this same code.
import type { AppLoadContext } from "@remix-run/node";
import { industries, regions, sizeClasses } from "~/content/taxonomies.server";
import { allCities, citiesOfProvince, cityByCode } from "~/firms/cities";
import { adoptionCellQuery, type AdoptionTableId, adoptionTables } from "~/insights/adoption";
import {
  compareCellQuery,
  type CompareParse,
  compareRegions,
  type CompareTableId,
  compareTables,
  parseCompare,
  withinKind,
} from "~/insights/compare";
import { groupName, type GroupOption, groupOptions } from "~/insights/groups";
import { type InsightsCaller, type InsightsFormat, requireInsights, requireRegions } from "~/insights/request.server";
import { homeRegion } from "~/insights/scope";
import { isUnknownCity, layerOfRegion, unknownCity } from "~/statistics/disclosure/cube-shape";
import type { StatTable } from "~/statistics/publish/present";
import {
  openingPeriod,
  presentContext,
  releaseFacts,
  releaseOptions,
  requestedRelease,
} from "~/statistics/publish/view.server";
import { findCells, findCityCells, type PublicRelease } from "~/statistics/release/read.server";
import { ALL } from "~/statistics/types";

type Args = { request: Request; context: AppLoadContext };

let cachedOptions: GroupOption[] | undefined;
/** Every nameable group (taxonomies are loaded once per process). */
export function insightsGroupOptions(): GroupOption[] {
  cachedOptions ??= groupOptions({
    regions: regions().filter((r) => r.mainland),
    groups: industries().groups,
    divisions: industries().divisions,
    sizes: sizeClasses().classes,
    cities: allCities(),
  });
  return cachedOptions;
}

function namesFor(who: InsightsCaller) {
  const options = insightsGroupOptions();
  return {
    // A city of the city layer: the package's name (Chinese only), or "city not given".
    region: (key: string) =>
      layerOfRegion(key) === "city"
        ? isUnknownCity(key)
          ? who.t("firm.cityNotGiven")
          : (cityByCode(key)?.name ?? key)
        : groupName(options, "region", key, who.locale, who.t("statistics.national")),
    industry: (key: string) => groupName(options, "industry", key, who.locale, who.t("statistics.allIndustries")),
    size: (key: string) => groupName(options, "size", key, who.locale, who.t("statistics.allSizes")),
  };
}

/** The parts every insights page shows: the viewer's scope by name, and the release the numbers come from. */
export function insightsFrame(who: InsightsCaller, release: PublicRelease | null) {
  const names = namesFor(who);
  return {
    scope: who.scope,
    scopeNames: who.scope.kind === "provinces" ? who.scope.provinces.map(names.region) : [],
    release: release
      ? {
          number: release.number,
          label: release.label,
          preview: release.preview,
          containsSynthetic: release.containsSynthetic,
        }
      : null,
  };
}

async function frame(who: InsightsCaller, release: PublicRelease, explicit: boolean) {
  return {
    frame: insightsFrame(who, release),
    facts: releaseFacts(release),
    explicitRelease: explicit,
    releases: await releaseOptions(release),
    periods: release.periods,
  };
}

export async function loadCompare(args: Args, format: InsightsFormat) {
  const who = await requireInsights(args, format);
  const names = namesFor(who);
  const title = who.t("insights.compare.title");
  const found = await requestedRelease(args);
  if (!found) return { who, page: { title, frame: insightsFrame(who, null), view: null } };
  const { release } = found;
  const options = insightsGroupOptions();
  const url = new URL(args.request.url);
  const parsed: CompareParse = parseCompare(url.searchParams, options, release.periods, {
    period: await openingPeriod(release),
    region: homeRegion(who.scope),
    sizes: sizeClasses().classes.map((c) => c.id),
  });
  const base = { ...(await frame(who, release, found.explicit)), parsed };
  const datalist = options.filter((o) => o.kind !== "size").map((o) => ({ kind: o.kind, value: o[who.locale] }));
  if (parsed.state !== "ok")
    return {
      who,
      page: {
        title,
        frame: base.frame,
        view: { ...base, datalist, tables: null, period: parsed.form.period, query: "" },
      },
    };
  const req = parsed.request;
  requireRegions(who, compareRegions(req), names.region);
  const q = compareCellQuery(req);
  // Cities come from the release's city layer (all sizes, all industries or a group), after the scope check.
  const cityKeys = q.region.filter((r) => layerOfRegion(r) === "city");
  const cells = [
    ...(await findCells(release, {
      ...(q.period === undefined ? {} : { period: q.period }),
      industry: q.industry,
      region: q.region.filter((r) => layerOfRegion(r) === "cube"),
      size: q.size,
    })),
    ...(cityKeys.length > 0
      ? await findCityCells(release, { period: q.period, industry: q.industry, cities: cityKeys })
      : []),
  ];
  const ctx = await presentContext(release, who.locale);
  const groupNames = names[req.by];
  const reference =
    req.by === "region" && req.within !== ALL
      ? `${who.t("statistics.national")} · ${names.industry(req.within)}`
      : who.t("statistics.national");
  const tables = compareTables(req, cells, release.periods, ctx, { group: groupNames, reference });
  return {
    who,
    page: {
      title,
      frame: insightsFrame(who, release),
      view: {
        ...base,
        datalist,
        tables,
        period: req.period,
        request: req,
        within: { kind: withinKind(req.by), name: req.within === ALL ? "" : names[withinKind(req.by)](req.within) },
        query: shareQuery(release, url),
      },
    },
  };
}

export async function loadAdoption(args: Args, format: InsightsFormat) {
  const who = await requireInsights(args, format);
  const names = namesFor(who);
  const title = who.t("insights.adoption.title");
  const found = await requestedRelease(args);
  if (!found) return { who, page: { title, frame: insightsFrame(who, null), view: null } };
  const { release } = found;
  const url = new URL(args.request.url);
  const asked = url.searchParams.get("region");
  const region = asked === null || asked === "" ? homeRegion(who.scope) : asked;
  const known = region === ALL || regions().some((r) => r.code === region && r.mainland);
  if (!known) throw new Response("Not Found", { status: 404 });
  requireRegions(who, [region], names.region);
  const askedPeriod = url.searchParams.get("period");
  const period = askedPeriod && release.periods.includes(askedPeriod) ? askedPeriod : await openingPeriod(release);
  const tax = {
    groups: industries().groups.map((g) => g.id),
    provinces: regions()
      .filter((r) => r.mainland)
      .map((r) => r.code),
    sizes: sizeClasses().classes.map((c) => c.id),
  };
  // The province's city layer; its scope is the province's, checked above.
  const cities = region === ALL ? undefined : [...citiesOfProvince(region).map((c) => c.code), unknownCity(region)];
  const cells = [
    ...(await findCells(release, adoptionCellQuery({ region, period }, tax))),
    ...(cities ? await findCityCells(release, { period, industry: ALL, cities }) : []),
  ];
  const ctx = await presentContext(release, who.locale);
  const tables = adoptionTables({ region, period }, cells, release.periods, { ...tax, cities }, ctx, names);
  const regionChoices = who.scope.kind === "national" ? [ALL, ...tax.provinces] : [...who.scope.provinces];
  return {
    who,
    page: {
      title,
      frame: insightsFrame(who, release),
      view: {
        ...(await frame(who, release, found.explicit)),
        region,
        regionName: names.region(region),
        period,
        regionOptions: regionChoices.map((value) => ({ value, label: names.region(value) })),
        tables,
        query: shareQuery(release, url, { region, period }),
      },
    },
  };
}

/** The query string that names a view exactly: the release number is always written, so a shared link keeps it. */
function shareQuery(release: PublicRelease, url: URL, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(url.search);
  params.set("release", String(release.number));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

export type InsightsView = "compare" | "adoption";
export const INSIGHTS_TABLES: Record<InsightsView, readonly string[]> = {
  compare: ["summary", "stages", "dimensions", "weakest", "trend"] satisfies readonly CompareTableId[],
  adoption: ["periods", "weakest", "industries", "regions", "cities", "sizes"] satisfies readonly AdoptionTableId[],
};

/** One table of a view, for its download; null when the view has no such table (e.g. no trend). */
export async function insightsTable(args: Args, view: InsightsView, id: string) {
  const { who, page } = view === "compare" ? await loadCompare(args, "json") : await loadAdoption(args, "json");
  const tables = page.view?.tables as Record<string, StatTable | undefined> | null | undefined;
  return { who, table: tables?.[id] ?? null, release: page.view?.facts ?? null, period: page.view?.period ?? null };
}
