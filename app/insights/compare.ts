// Compare (/insights/compare): 2–6 provinces, 2–6 industries (groups or divisions) or the size classes, side
// by side, optionally within one industry or one province, for one period or across the release's periods.
// Pure: the request is read from the URL here, the tables are built here from the cells the server found,
// and every number in them is a published cell of the release (or a difference of two published means).
import { type GroupKind, type GroupOption, resolveGroup } from "~/insights/groups";
import { layerOfRegion } from "~/statistics/disclosure/cube-shape";
import {
  type PresentContext,
  roundMean,
  roundQuantile,
  type StatTable,
  type TableColumn,
} from "~/statistics/publish/present";
import { stagesNote, suppressionMarks, WITHHELD_MARK } from "~/statistics/publish/present";
import { ALL, type CellKey, GROUP_PREFIX, type ReleaseCell } from "~/statistics/types";

export const MIN_GROUPS = 2;
export const MAX_GROUPS = 6;
export const COMPARE_MODES = ["period", "trend"] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** What the form shows: the reader's own text, kept when it is refused. */
export interface CompareForm {
  by: GroupKind;
  groups: string[];
  within: string;
  period: string;
  mode: CompareMode;
}

export interface CompareRequest {
  by: GroupKind;
  /** The compared groups' keys, in the reader's order. */
  groups: string[];
  /** The filter of the other dimension: an industry key when comparing regions, else a region key; `*` for none. */
  within: string;
  period: string;
  mode: CompareMode;
}

export type CompareField = "by" | "groups" | "within" | "period" | "mode";
/** The i18n keys of the problems (app/i18n, insights.errors). */
export type CompareMessage =
  | "insights.errors.by"
  | "insights.errors.mode"
  | "insights.errors.period"
  | "insights.errors.count"
  | "insights.errors.repeated"
  | "insights.errors.cityGroups"
  | "insights.errors.citySizes"
  | `insights.errors.unknown.${GroupKind}`;
export interface CompareProblem {
  field: CompareField;
  message: CompareMessage;
  values?: Record<string, string | number>;
}

export type CompareParse =
  | { state: "empty"; form: CompareForm }
  | { state: "invalid"; form: CompareForm; problems: CompareProblem[] }
  | { state: "ok"; form: CompareForm; request: CompareRequest };

/** The dimension `within` filters: regions are compared within an industry, everything else within a region. */
export const withinKind = (by: GroupKind): GroupKind => (by === "region" ? "industry" : "region");

const isOneOf = <T extends string>(list: readonly T[], v: string | null): v is T =>
  v !== null && (list as readonly string[]).includes(v);

/**
 * Read a compare request from the URL. `defaults.within` is the region a view opens on (a provincial viewer's
 * province); `sizes` are the size class keys, all of which a size comparison shows.
 */
export function parseCompare(
  params: URLSearchParams,
  options: readonly GroupOption[],
  periods: readonly string[],
  defaults: { period: string; region: string; sizes: readonly string[] },
): CompareParse {
  const byText = params.get("by");
  const by: GroupKind = isOneOf(["region", "industry", "size"] as const, byText) ? byText : "region";
  const texts = params
    .getAll("g")
    .map((s) => s.trim())
    .slice(0, 12);
  const periodText = params.get("period") ?? "";
  const modeText = params.get("mode");
  const form: CompareForm = {
    by,
    groups: texts,
    within: (params.get("within") ?? "").trim(),
    period: periodText || defaults.period,
    mode: isOneOf(COMPARE_MODES, modeText) ? modeText : "period",
  };
  if (byText === null) return { state: "empty", form };

  const problems: CompareProblem[] = [];
  if (!isOneOf(["region", "industry", "size"] as const, byText))
    problems.push({ field: "by", message: "insights.errors.by" });
  if (modeText !== null && !isOneOf(COMPARE_MODES, modeText))
    problems.push({ field: "mode", message: "insights.errors.mode" });
  if (periodText && !periods.includes(periodText))
    problems.push({ field: "period", message: "insights.errors.period", values: { period: periodText } });

  let groups: string[] = [];
  if (by === "size") groups = [...defaults.sizes];
  else {
    const named = texts.filter((s) => s !== "");
    for (const text of named) {
      const found = resolveGroup(options, by, text);
      if (!found) problems.push({ field: "groups", message: `insights.errors.unknown.${by}`, values: { name: text } });
      else if (groups.includes(found.key))
        problems.push({ field: "groups", message: "insights.errors.repeated", values: { name: text } });
      else groups.push(found.key);
    }
    if (named.length < MIN_GROUPS || named.length > MAX_GROUPS)
      problems.push({
        field: "groups",
        message: "insights.errors.count",
        values: { min: MIN_GROUPS, max: MAX_GROUPS },
      });
  }

  // An explicit `within=*` asks for the whole country; only a missing value falls back to the viewer's home region.
  let within: string = by === "region" || form.within === ALL ? ALL : defaults.region;
  if (form.within !== "" && form.within !== ALL) {
    const kind = withinKind(by);
    const found = resolveGroup(options, kind, form.within);
    if (found) within = found.key;
    else problems.push({ field: "within", message: `insights.errors.unknown.${kind}`, values: { name: form.within } });
  }
  // The city layer has all industries and the industry groups, all sizes: no divisions, no size classes.
  const isCity = (key: string) => key !== ALL && layerOfRegion(key) === "city";
  const isDivision = (key: string) => key !== ALL && !key.startsWith(GROUP_PREFIX);
  if (
    (by === "region" && groups.some(isCity) && isDivision(within)) ||
    (by === "industry" && isCity(within) && groups.some(isDivision))
  )
    problems.push({ field: by === "region" ? "within" : "groups", message: "insights.errors.cityGroups" });
  if (by === "size" && isCity(within)) problems.push({ field: "within", message: "insights.errors.citySizes" });
  if (problems.length) return { state: "invalid", form, problems };
  return { state: "ok", form, request: { by, groups, within, period: form.period, mode: form.mode } };
}

/** The region keys a request breaks down, for the scope check: the compared provinces, or the `within` region. */
export function compareRegions(req: CompareRequest): string[] {
  return req.by === "region" ? [...req.groups] : [req.within];
}

/** The cell of one compared group. */
export function groupCellKey(req: CompareRequest, group: string, period: string): CellKey {
  if (req.by === "region") return { period, industry: req.within, region: group, size: ALL };
  if (req.by === "industry") return { period, industry: group, region: req.within, size: ALL };
  return { period, industry: ALL, region: req.within, size: group };
}

/** The national figure a group is measured against: the whole country, within the same industry when there is one. */
export function referenceCellKey(req: CompareRequest, period: string): CellKey {
  return { period, industry: req.by === "region" ? req.within : ALL, region: ALL, size: ALL };
}

/** The cells a request needs, as one cube query (the server reads them through release/read.server). */
export function compareCellQuery(req: CompareRequest): {
  period: string | undefined;
  industry: string[];
  region: string[];
  size: string[];
} {
  const keys = [referenceCellKey(req, req.period), ...req.groups.map((g) => groupCellKey(req, g, req.period))];
  const uniq = (pick: (k: CellKey) => string) => [...new Set(keys.map(pick))];
  return {
    period: req.mode === "trend" ? undefined : req.period,
    industry: uniq((k) => k.industry),
    region: uniq((k) => k.region),
    size: uniq((k) => k.size),
  };
}

const cellId = (k: CellKey) => `${k.period}|${k.industry}|${k.region}|${k.size}`;

export interface CompareNames {
  /** A compared group's name in the reader's language. */
  group(key: string): string;
  /** The national figure's name ("全国" or "全国 · 装备制造业"). */
  reference: string;
}

export const REFERENCE_KEY = "reference";
export type CompareTableId = "summary" | "stages" | "dimensions" | "weakest" | "trend";

interface Entry {
  key: string;
  header: string;
  cell: ReleaseCell | null;
  reference: ReleaseCell | null;
}

function table(id: string, caption: string, columns: TableColumn[], ctx: PresentContext): StatTable {
  return { id, caption, columns, rows: [], marks: suppressionMarks(ctx.minUnits), withheldMark: WITHHELD_MARK };
}

const published = (c: ReleaseCell | null) => (c && !c.suppressed ? c.metrics : null);

function note(cell: ReleaseCell | null, ctx: PresentContext): string {
  if (!cell) return ctx.t("statistics.noData");
  return cell.suppressed ? ctx.t(`statistics.reasons.${cell.reason}`, { n: ctx.minUnits }) : "";
}

function gap(cell: ReleaseCell | null, reference: ReleaseCell | null): number | null {
  const m = published(cell);
  const r = published(reference);
  return m && r ? roundMean(roundMean(m.overall.mean) - roundMean(r.overall.mean)) : null;
}

/** The weakest dimensions of a cell: lowest published means first, ties by id. */
export function weakestDimensions(cell: ReleaseCell | null, dimensionIds: readonly string[], n = 3): string[] {
  const m = published(cell);
  if (!m) return [];
  return dimensionIds
    .filter((id) => m.dimensions[id])
    .sort((a, b) => m.dimensions[a]!.mean - m.dimensions[b]!.mean || a.localeCompare(b))
    .slice(0, n);
}

const rowOf = (e: Entry, values: StatTable["rows"][number]["values"]) => ({
  key: e.key,
  level: 0 as const,
  reason: e.cell?.suppressed ? e.cell.reason : null,
  values,
});

/** The compare tables: one row per group, the national figure first. `trend` only in trend mode. */
export function compareTables(
  req: CompareRequest,
  cells: readonly ReleaseCell[],
  periods: readonly string[],
  ctx: PresentContext,
  names: CompareNames,
): Partial<Record<CompareTableId, StatTable>> & Record<Exclude<CompareTableId, "trend">, StatTable> {
  const t = ctx.t;
  const byKey = new Map(cells.map((c) => [cellId(c), c]));
  const find = (k: CellKey) => byKey.get(cellId(k)) ?? null;
  const entriesFor = (period: string): Entry[] => {
    const reference = find(referenceCellKey(req, period));
    return [
      { key: REFERENCE_KEY, header: names.reference, cell: reference, reference },
      ...req.groups.map((g) => ({
        key: g,
        header: names.group(g),
        cell: find(groupCellKey(req, g, period)),
        reference,
      })),
    ];
  };
  const entries = entriesFor(req.period);
  const caption = (id: string) => t(`insights.compare.tables.${id}`, { period: req.period });
  const nameCol: TableColumn = { id: "name", label: t(`insights.compare.col.${req.by}`), kind: "label" };
  const noteCol: TableColumn = { id: "note", label: t("statistics.col.note"), kind: "note" };

  const summary = table(
    "summary",
    caption("summary"),
    [
      nameCol,
      { id: "firms", label: t("statistics.col.firms"), kind: "count" },
      { id: "mean", label: t("statistics.col.mean"), kind: "mean" },
      { id: "median", label: t("statistics.col.median"), kind: "quantile" },
      { id: "p25", label: t("statistics.col.p25"), kind: "quantile" },
      { id: "p75", label: t("statistics.col.p75"), kind: "quantile" },
      { id: "gap", label: t("insights.compare.col.gap"), kind: "mean" },
      noteCol,
    ],
    ctx,
  );
  for (const e of entries) {
    const m = published(e.cell);
    const q = (v: number | null | undefined) => (v === null || v === undefined ? null : roundQuantile(v));
    summary.rows.push(
      rowOf(e, [
        e.header,
        m ? m.firms : null,
        m ? roundMean(m.overall.mean) : null,
        q(m?.overall.median),
        q(m?.overall.p25),
        q(m?.overall.p75),
        e.key === REFERENCE_KEY ? (m ? 0 : null) : gap(e.cell, e.reference),
        note(e.cell, ctx),
      ]),
    );
  }

  const stages = table(
    "stages",
    caption("stages"),
    [
      nameCol,
      ...ctx.stageNames.map((name, i) => ({ id: `stage${i + 1}`, label: name, kind: "share" as const })),
      noteCol,
    ],
    ctx,
  );
  for (const e of entries) {
    const m = published(e.cell);
    stages.rows.push(
      rowOf(e, [
        e.header,
        ...ctx.stageNames.map((_, i) => m?.stageShares?.[i] ?? null),
        m && !m.stageShares ? stagesNote(m, ctx) : note(e.cell, ctx),
      ]),
    );
  }

  const dimensions = table(
    "dimensions",
    caption("dimensions"),
    [nameCol, ...ctx.dimensions.map((d) => ({ id: d.id, label: d.name, kind: "mean" as const })), noteCol],
    ctx,
  );
  for (const e of entries) {
    const m = published(e.cell);
    dimensions.rows.push(
      rowOf(e, [
        e.header,
        ...ctx.dimensions.map((d) => {
          const s = m?.dimensions[d.id];
          return s ? roundMean(s.mean) : null;
        }),
        note(e.cell, ctx),
      ]),
    );
  }

  const dimensionName = new Map(ctx.dimensions.map((d) => [d.id, d.name]));
  const ids = ctx.dimensions.map((d) => d.id);
  const weakest = table(
    "weakest",
    caption("weakest"),
    [
      nameCol,
      ...[1, 2, 3].map((n) => ({
        id: `weakest${n}`,
        label: t("insights.compare.col.weakest", { n }),
        kind: "label" as const,
      })),
      noteCol,
    ],
    ctx,
  );
  for (const e of entries) {
    const weak = weakestDimensions(e.cell, ids).map((id) => dimensionName.get(id)!);
    weakest.rows.push(rowOf(e, [e.header, ...[0, 1, 2].map((i) => weak[i] ?? ""), note(e.cell, ctx)]));
  }

  const result: ReturnType<typeof compareTables> = { summary, stages, dimensions, weakest };
  if (req.mode === "trend") {
    const trend = table(
      "trend",
      t("insights.compare.tables.trend", { periods: periods.join("–") }),
      [
        { id: "name", label: t("insights.compare.col.groupPeriod"), kind: "label" },
        { id: "period", label: t("statistics.col.period"), kind: "label" },
        { id: "firms", label: t("statistics.col.firms"), kind: "count" },
        { id: "mean", label: t("statistics.col.mean"), kind: "mean" },
        { id: "gap", label: t("insights.compare.col.gap"), kind: "mean" },
        noteCol,
      ],
      ctx,
    );
    for (const period of periods)
      for (const e of entriesFor(period)) {
        const m = published(e.cell);
        trend.rows.push({
          ...rowOf(e, [
            e.header,
            period,
            m ? m.firms : null,
            m ? roundMean(m.overall.mean) : null,
            e.key === REFERENCE_KEY ? (m ? 0 : null) : gap(e.cell, e.reference),
            note(e.cell, ctx),
          ]),
          key: `${e.key}|${period}`,
        });
      }
    result.trend = trend;
  }
  return result;
}
