// What a statistics page or table download shows: the release (latest, or `?release=N`), the period,
// the caller's language, and the tables built from the release's cells. Pages and downloads build their
// tables here through the same functions, so a download holds exactly the page's table.
import type { AppLoadContext } from "@remix-run/node";
import { hasStaffRole } from "~/accounts/access";
import { getCaller } from "~/accounts/guard.server";
import { getQuestionnaireVersion } from "~/assessment/questionnaire.server";
import { industries, regions, sizeClasses } from "~/content/taxonomies.server";
import { type Locale } from "~/i18n/locales";
import { requestI18n, textFor } from "~/i18n/server-t.server";
import { defaultPeriod } from "~/statistics/publish/default-period";
import { DEFAULT_METRIC, type Metric, parseMetric } from "~/statistics/publish/metric";
import {
  type BreakdownEntry,
  breakdownTable,
  dimensionsTable,
  measureText,
  periodMatrixTable,
  type PresentContext,
  stagesTable,
  type StatTable,
  type Text,
} from "~/statistics/publish/present";
import type { CubeVocabulary } from "~/statistics/publish/present-keys";
import { isCubeKey } from "~/statistics/publish/present-keys";
import {
  findCell,
  findCells,
  isWithdrawnNumber,
  latestPublicRelease,
  listPublicReleases,
  nationalCellAcrossReleases,
  previewReleaseByText,
  type PublicRelease,
  publicReleaseByText,
} from "~/statistics/release/read.server";
import { ALL, GROUP_PREFIX, type ReleaseCell } from "~/statistics/types";

export interface StatisticsView {
  release: PublicRelease;
  /** Whether the URL named the release (links then keep `?release=`). */
  explicitRelease: boolean;
  period: string;
  /** A `?period=` the release does not have: the latest period is shown instead. */
  unknownPeriod: string | null;
  locale: Locale;
  ctx: PresentContext;
  /** Page filters: an industry, a region and a size key of the cube, `*` for all. */
  industry: string;
  region: string;
  size: string;
  /** What the breakdown pages show of each cell (?metric=). */
  metric: Metric;
}

export type FilterName = "industry" | "region" | "size" | "metric";

const notFound = () => new Response("Not Found", { status: 404 });

/** The taxonomy keys a cube can use. */
export function cubeVocabulary(periods: readonly string[]): CubeVocabulary {
  const ind = industries();
  return {
    periods,
    groups: ind.groups.map((g) => g.id),
    divisions: ind.divisions.map((d) => d.code),
    regions: regions().map((r) => r.code),
    sizes: sizeClasses().classes.map((c) => c.id),
  };
}

export interface RequestedRelease {
  release: PublicRelease;
  /** Whether the URL named the release (links then keep `?release=`). */
  explicit: boolean;
}

type Args = { request: Request; context: AppLoadContext };

/** Who may open a built release before it is published: the staff who build and publish releases. */
export async function mayPreviewReleases(args: Args): Promise<boolean> {
  const caller = await getCaller(args);
  return caller !== null && (hasStaffRole(caller.principal, "analyst") || hasStaffRole(caller.principal, "admin"));
}

async function findRequestedRelease(args: Args): Promise<RequestedRelease | "unknown" | "withdrawn" | null> {
  const asked = new URL(args.request.url).searchParams.get("release");
  if (asked !== null && asked !== "") {
    const release =
      (await publicReleaseByText(asked)) ??
      ((await mayPreviewReleases(args)) ? await previewReleaseByText(asked) : null);
    if (release) return { release, explicit: true };
    // Anyone else learns nothing of a built release: it is as unknown as a number never used.
    return (await isWithdrawnNumber(asked)) ? "withdrawn" : "unknown";
  }
  const latest = await latestPublicRelease();
  return latest ? { release: latest, explicit: false } : null;
}

/**
 * The release a request asks for: `?release=N` (404 when unknown or not public, unless staff preview a built
 * one), else the latest; null when
 * none is published. Looked up once per request, so the statistics layout and its child page share it.
 */
export async function requestedRelease(args: Args): Promise<RequestedRelease | null> {
  args.context.release ??= findRequestedRelease(args);
  const found = await args.context.release;
  // Each caller throws its own response: a Response body can be read only once.
  if (found === "unknown") throw notFound();
  if (found === "withdrawn") throw new Response("Gone", { status: 410 });
  return found;
}

export async function presentContext(release: PublicRelease, locale: Locale): Promise<PresentContext> {
  const t: Text = textFor(locale);
  const version = await getQuestionnaireVersion(release.questionnaireVersionId);
  const stageNames = version
    ? version.model.stages.map((s) => s.name[locale])
    : [1, 2, 3, 4, 5].map((n) => t("statistics.stage", { n }));
  return {
    t,
    minUnits: release.methodology.rules.minUnitsForScores,
    dimensions: release.methodology.dimensions.map((d) => ({ id: d.id, name: d.name[locale] })),
    stageNames,
  };
}

/** The period a page opens on without ?period=: the latest well-populated one (see default-period.ts). */
export async function openingPeriod(release: PublicRelease): Promise<string> {
  return defaultPeriod(release.periods, await findCells(release, { industry: ALL, size: ALL }));
}

/** Resolve the page's release, period and filters from the URL; null when nothing is published yet. */
export async function resolveStatsView(args: Args): Promise<StatisticsView | null> {
  const url = new URL(args.request.url);
  const found = await requestedRelease(args);
  if (!found) return null;
  const { release } = found;
  const asked = url.searchParams.get("period");
  const period = asked && release.periods.includes(asked) ? asked : await openingPeriod(release);
  const vocab = cubeVocabulary(release.periods);
  const filter = (name: "industry" | "region" | "size") => {
    const v = url.searchParams.get(name);
    return v && isCubeKey(vocab, name, v) ? v : ALL;
  };
  const { locale } = await requestI18n(args);
  return {
    release,
    explicitRelease: found.explicit,
    period,
    unknownPeriod: asked && !release.periods.includes(asked) ? asked : null,
    locale,
    ctx: await presentContext(release, locale),
    industry: filter("industry"),
    region: filter("region"),
    size: filter("size"),
    metric: parseMetric(
      url.searchParams.get("metric"),
      release.methodology.dimensions.map((d) => d.id),
    ),
  };
}

export const TABLE_IDS = [
  "national",
  "stages",
  "dimensions",
  "industry",
  "region",
  "size",
  "trends",
  "trendsRegions",
  "trendsGroups",
  "releases",
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export function isTableId(id: string): id is TableId {
  return (TABLE_IDS as readonly string[]).includes(id);
}

function byKey(cells: ReleaseCell[], pick: (c: ReleaseCell) => string): Map<string, ReleaseCell> {
  return new Map(cells.map((c) => [pick(c), c]));
}

/** Industry key → label in the page's language. */
export function industryLabel(key: string, locale: Locale, t: Text): string {
  if (key === ALL) return t("statistics.allIndustries");
  const ind = industries();
  if (key.startsWith(GROUP_PREFIX)) return ind.groups.find((g) => `${GROUP_PREFIX}${g.id}` === key)?.[locale] ?? key;
  const d = ind.divisions.find((x) => x.code === key);
  return d ? `${d.code} ${d[locale]}` : key;
}

export function sizeLabel(key: string, locale: Locale, t: Text): string {
  return key === ALL ? t("statistics.allSizes") : (sizeClasses().classes.find((c) => c.id === key)?.[locale] ?? key);
}

export function regionLabel(key: string, locale: Locale, t: Text): string {
  return key === ALL ? t("statistics.national") : (regions().find((r) => r.code === key)?.[locale] ?? key);
}

/** The choices of the metric picker: the overall mean and median, the stage shares, then every dimension. */
function metricOptions(ctx: PresentContext) {
  return [
    { value: "mean", label: ctx.t("statistics.metrics.mean") },
    { value: "median", label: ctx.t("statistics.metrics.median") },
    { value: "stages", label: ctx.t("statistics.metrics.stages") },
    ...ctx.dimensions.map((d) => ({
      value: `dim:${d.id}`,
      label: ctx.t("statistics.metrics.dimension", { name: d.name }),
    })),
  ];
}

/** A caption's "where": the chosen region in brackets, or nothing for the whole country. */
function where(view: StatisticsView): string {
  return view.region === ALL
    ? ""
    : view.ctx.t("statistics.within", { region: regionLabel(view.region, view.locale, view.ctx.t) });
}

/** Build one of the statistics tables for a view. */
export async function buildStatsTable(id: TableId, view: StatisticsView): Promise<StatTable> {
  const { release, period, ctx, locale } = view;
  const t = ctx.t;
  const national = { period, industry: ALL, region: ALL, size: ALL };
  switch (id) {
    case "national": {
      const cell = await findCell(release, national);
      return breakdownTable(
        "national",
        t("statistics.tables.national", { period }),
        t("statistics.col.scope"),
        [{ key: ALL, header: t("statistics.national"), cell }],
        ctx,
      );
    }
    case "stages":
      return stagesTable(await findCell(release, national), t("statistics.tables.stages", { period }), ctx);
    case "dimensions":
      return dimensionsTable(await findCell(release, national), t("statistics.tables.dimensions", { period }), ctx);
    case "industry": {
      const cells = byKey(await findCells(release, { period, region: view.region, size: ALL }), (c) => c.industry);
      const ind = industries();
      const entries: BreakdownEntry[] = [
        { key: ALL, header: industryLabel(ALL, locale, t), cell: cells.get(ALL) ?? null },
      ];
      for (const g of ind.groups) {
        const key = `${GROUP_PREFIX}${g.id}`;
        // Divisions without a cell (no firm assessed) are left out; every group is listed.
        entries.push({ key, header: g[locale], cell: cells.get(key) ?? null });
        for (const d of ind.divisions.filter((x) => x.group === g.id && cells.has(x.code)))
          entries.push({ key: d.code, header: `${d.code} ${d[locale]}`, cell: cells.get(d.code)!, level: 1 });
      }
      return breakdownTable(
        "industry",
        t("statistics.tables.industry", { period, measure: measureText(view.metric, ctx), where: where(view) }),
        t("statistics.col.industry"),
        entries,
        ctx,
        view.metric,
      );
    }
    case "region": {
      const cells = byKey(
        await findCells(release, { period, industry: view.industry, size: view.size }),
        (c) => c.region,
      );
      const entries: BreakdownEntry[] = [
        { key: ALL, header: regionLabel(ALL, locale, t), cell: cells.get(ALL) ?? null },
      ];
      for (const r of regions().filter((x) => x.mainland || cells.has(x.code)))
        entries.push({ key: r.code, header: r[locale], cell: cells.get(r.code) ?? null });
      const caption = t("statistics.tables.region", {
        period,
        measure: measureText(view.metric, ctx),
        industry: industryLabel(view.industry, locale, t),
        size: sizeLabel(view.size, locale, t),
      });
      return breakdownTable("region", caption, t("statistics.col.region"), entries, ctx, view.metric);
    }
    case "size": {
      const cells = byKey(await findCells(release, { period, industry: ALL, region: view.region }), (c) => c.size);
      const keys = [ALL, ...sizeClasses().classes.map((c) => c.id)];
      const entries = keys.map((key) => ({ key, header: sizeLabel(key, locale, t), cell: cells.get(key) ?? null }));
      const caption = t("statistics.tables.size", {
        period,
        measure: measureText(view.metric, ctx),
        where: where(view),
      });
      return breakdownTable("size", caption, t("statistics.col.size"), entries, ctx, view.metric);
    }
    case "trends": {
      const cells = byKey(
        await findCells(release, { industry: view.industry, region: view.region, size: ALL }),
        (c) => c.period,
      );
      const entries = release.periods.map((p) => ({ key: p, header: p, cell: cells.get(p) ?? null }));
      const scope =
        view.industry === ALL && view.region === ALL
          ? t("statistics.national")
          : [
              view.region === ALL ? null : regionLabel(view.region, locale, t),
              view.industry === ALL ? null : industryLabel(view.industry, locale, t),
            ]
              .filter((x): x is string => x !== null)
              .join(" · ");
      return breakdownTable(
        "trends",
        t("statistics.tables.trends", { number: release.number, scope, measure: measureText(view.metric, ctx) }),
        t("statistics.col.period"),
        entries,
        ctx,
        view.metric,
      );
    }
    case "trendsRegions": {
      const cells = await findCells(release, { industry: view.industry, region: { not: ALL }, size: ALL });
      const rows = regions()
        .filter((r) => r.mainland || cells.some((c) => c.region === r.code))
        .map((r) => ({ key: r.code, header: r[locale], cells: cells.filter((c) => c.region === r.code) }));
      const caption = t("statistics.tables.trendsRegions", {
        number: release.number,
        industry: industryLabel(view.industry, locale, t),
        measure: measureText(view.metric, ctx),
      });
      return periodMatrixTable(
        "trendsRegions",
        caption,
        t("statistics.col.region"),
        rows,
        release.periods,
        ctx,
        view.metric,
      );
    }
    case "trendsGroups": {
      const cells = await findCells(release, { industry: { not: ALL }, region: view.region, size: ALL });
      const rows = industries().groups.map((g) => {
        const key = `${GROUP_PREFIX}${g.id}`;
        return { key, header: g[locale], cells: cells.filter((c) => c.industry === key) };
      });
      const caption = t("statistics.tables.trendsGroups", {
        number: release.number,
        region: regionLabel(view.region, locale, t),
        measure: measureText(view.metric, ctx),
      });
      return periodMatrixTable(
        "trendsGroups",
        caption,
        t("statistics.col.industry"),
        rows,
        release.periods,
        ctx,
        view.metric,
      );
    }
    case "releases": {
      // Each release counts one questionnaire edition (decision 042). Across releases the edition can
      // change, and the overall score of two editions does not compare (decision 043): every row names
      // its edition, and the caption says so when the rows hold more than one.
      const across = await nationalCellAcrossReleases(period);
      const entries = across.map(({ release: r, cell }) => ({
        key: String(r.number),
        header: t("statistics.releaseNameEdition", {
          number: r.number,
          label: r.label,
          edition: r.questionnaireVersionId,
        }),
        cell,
      }));
      const editions = new Set(across.map(({ release: r }) => r.questionnaireVersionId));
      return breakdownTable(
        "releases",
        t(editions.size > 1 ? "statistics.tables.releasesEditions" : "statistics.tables.releases", { period }),
        t("statistics.col.release"),
        entries,
        ctx,
      );
    }
  }
}

/**
 * What the statistics section's links keep of the URL: the release when the reader chose one, and a
 * period the release has. Without them a link opens the latest release on its opening period.
 */
export function sectionQuery(release: PublicRelease, explicitRelease: boolean, url: URL): string {
  const params = new URLSearchParams();
  if (explicitRelease) params.set("release", String(release.number));
  const period = url.searchParams.get("period");
  if (period && release.periods.includes(period)) params.set("period", period);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The query string that names a view exactly (release, period and filters): for download links and stable URLs. */
export function viewQuery(view: StatisticsView, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ release: String(view.release.number), period: view.period, ...extra });
  return params.toString();
}

/** Release facts a page header shows (plain data for the loader). */
export function releaseFacts(release: PublicRelease) {
  return {
    number: release.number,
    label: release.label,
    status: release.status,
    latest: release.latest,
    periods: release.periods,
    cutoff: release.cutoff,
    publishedAt: release.publishedAt,
    questionnaire: release.methodology.questionnaire,
    model: release.methodology.model,
    containsSynthetic: release.containsSynthetic,
  };
}

/** Every public release for the release selector, and the release shown when it is a staff preview. */
export async function releaseOptions(shown?: PublicRelease) {
  const listed = await listPublicReleases();
  return [...(shown?.preview ? [shown] : []), ...listed].map((r) => ({
    number: r.number,
    label: r.label,
    latest: r.latest,
    status: r.status,
  }));
}

/** Everything a statistics page's loader returns: the view, the picker's choices and the page's tables. */
export async function loadStatsPage<const Ids extends readonly TableId[]>(
  args: Args,
  ids: Ids,
  filters: readonly FilterName[] = [],
) {
  const view = await resolveStatsView(args);
  if (!view) return null;
  const built = await Promise.all(ids.map(async (id) => [id, await buildStatsTable(id, view)] as const));
  const tables = Object.fromEntries(built) as Record<Ids[number], StatTable>;
  const { locale, ctx } = view;
  const ind = industries();
  const filterOptions = {
    industry: [
      { value: ALL, label: industryLabel(ALL, locale, ctx.t) },
      ...ind.groups.flatMap((g) => [
        { value: `${GROUP_PREFIX}${g.id}`, label: g[locale] },
        ...ind.divisions
          .filter((d) => d.group === g.id)
          .map((d) => ({ value: d.code, label: `— ${d.code} ${d[locale]}` })),
      ]),
    ],
    region: [
      { value: ALL, label: regionLabel(ALL, locale, ctx.t) },
      ...regions()
        .filter((r) => r.mainland)
        .map((r) => ({ value: r.code, label: r[locale] })),
    ],
    size: [ALL, ...sizeClasses().classes.map((c) => c.id)].map((value) => ({
      value,
      label: sizeLabel(value, locale, ctx.t),
    })),
    metric: metricOptions(ctx),
  };
  // A filter left at its default stays out of the URL, so default links stay short.
  const chosen = Object.fromEntries(
    filters.map((f) => [f, view[f]] as const).filter(([f, v]) => v !== (f === "metric" ? DEFAULT_METRIC : ALL)),
  );
  return {
    release: releaseFacts(view.release),
    methodology: view.release.methodology,
    summary: view.release.summary,
    unknownPeriod: view.unknownPeriod,
    query: viewQuery(view, chosen),
    picker: {
      releases: await releaseOptions(view.release),
      release: view.release.number,
      periods: view.release.periods,
      period: view.period,
      filters: filters.map((name) => ({ name, value: view[name], options: filterOptions[name] })),
    },
    period: view.period,
    metric: view.metric,
    measure: measureText(view.metric, ctx),
    where: where(view),
    filters: chosen,
    tables,
  };
}
