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
import {
  type BreakdownEntry,
  breakdownTable,
  dimensionsTable,
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
  /** Region page filters: an industry and a size key of the cube, `*` for all. */
  industry: string;
  size: string;
}

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
  const filter = (name: "industry" | "size") => {
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
    size: filter("size"),
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
      const cells = byKey(await findCells(release, { period, region: ALL, size: ALL }), (c) => c.industry);
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
        t("statistics.tables.industry", { period }),
        t("statistics.col.industry"),
        entries,
        ctx,
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
        industry: industryLabel(view.industry, locale, t),
        size: sizeLabel(view.size, locale, t),
      });
      return breakdownTable("region", caption, t("statistics.col.region"), entries, ctx);
    }
    case "size": {
      const cells = byKey(await findCells(release, { period, industry: ALL, region: ALL }), (c) => c.size);
      const keys = [ALL, ...sizeClasses().classes.map((c) => c.id)];
      const entries = keys.map((key) => ({ key, header: sizeLabel(key, locale, t), cell: cells.get(key) ?? null }));
      return breakdownTable("size", t("statistics.tables.size", { period }), t("statistics.col.size"), entries, ctx);
    }
    case "trends": {
      const cells = byKey(await findCells(release, { industry: ALL, region: ALL, size: ALL }), (c) => c.period);
      const entries = release.periods.map((p) => ({ key: p, header: p, cell: cells.get(p) ?? null }));
      return breakdownTable(
        "trends",
        t("statistics.tables.trends", { number: release.number }),
        t("statistics.col.period"),
        entries,
        ctx,
      );
    }
    case "releases": {
      const across = await nationalCellAcrossReleases(period);
      const entries = across.map(({ release: r, cell }) => ({
        key: String(r.number),
        header: t("statistics.releaseName", { number: r.number, label: r.label }),
        cell,
      }));
      return breakdownTable(
        "releases",
        t("statistics.tables.releases", { period }),
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

/** Every public release for the release selector. */
export async function releaseOptions() {
  return (await listPublicReleases()).map((r) => ({
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
  filters: readonly ("industry" | "size")[] = [],
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
    size: [ALL, ...sizeClasses().classes.map((c) => c.id)].map((value) => ({
      value,
      label: sizeLabel(value, locale, ctx.t),
    })),
  };
  const chosen = Object.fromEntries(filters.map((f) => [f, view[f]]));
  return {
    release: releaseFacts(view.release),
    methodology: view.release.methodology,
    summary: view.release.summary,
    unknownPeriod: view.unknownPeriod,
    query: viewQuery(view, chosen),
    picker: {
      releases: await releaseOptions(),
      release: view.release.number,
      periods: view.release.periods,
      period: view.period,
      filters: filters.map((name) => ({ name, value: view[name], options: filterOptions[name] })),
    },
    period: view.period,
    filters: chosen,
    tables,
  };
}
