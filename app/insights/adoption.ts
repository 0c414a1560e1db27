// Adoption (/insights/adoption): how far firms in one jurisdiction have come, release period by release
// period: firms assessed, stage shares, the mean score and the weakest dimensions, and the same by industry
// group and by province (for the whole country) or by size class. The guide's follow-up work, interpretation
// §7: overall, by industry, by region. Pure: the server passes the release's cells in.
import { weakestDimensions } from "~/insights/compare";
import {
  type PresentContext,
  roundMean,
  roundQuantile,
  type StatTable,
  type TableColumn,
} from "~/statistics/publish/present";
import { stagesNote, suppressionMarks, WITHHELD_MARK } from "~/statistics/publish/present";
import { ALL, GROUP_PREFIX, type ReleaseCell } from "~/statistics/types";

export type AdoptionTableId = "periods" | "weakest" | "industries" | "regions" | "cities" | "sizes";

export interface AdoptionRequest {
  /** `*` for the whole country, else a province code. */
  region: string;
  period: string;
}

export interface AdoptionNames {
  region(key: string): string;
  industry(key: string): string;
  size(key: string): string;
}

export interface AdoptionTaxonomy {
  groups: readonly string[];
  provinces: readonly string[];
  sizes: readonly string[];
  /** For a province: the keys of its city layer (its cities, then "city not given"), in order. */
  cities?: readonly string[];
}

/** The cells adoption reads: every period of the jurisdiction, its groups, sizes and (nationally) provinces. */
export function adoptionCellQuery(req: AdoptionRequest, tax: AdoptionTaxonomy) {
  return {
    industry: [ALL, ...tax.groups.map((g) => `${GROUP_PREFIX}${g}`)],
    region: req.region === ALL ? [ALL, ...tax.provinces] : [req.region],
    size: [ALL, ...tax.sizes],
  };
}

const published = (c: ReleaseCell | null) => (c && !c.suppressed ? c.metrics : null);

export function adoptionTables(
  req: AdoptionRequest,
  cells: readonly ReleaseCell[],
  periods: readonly string[],
  tax: AdoptionTaxonomy,
  ctx: PresentContext,
  names: AdoptionNames,
): Partial<Record<AdoptionTableId, StatTable>> & Record<Exclude<AdoptionTableId, "regions" | "cities">, StatTable> {
  const t = ctx.t;
  const byKey = new Map(cells.map((c) => [`${c.period}|${c.industry}|${c.region}|${c.size}`, c]));
  const find = (period: string, industry: string, region: string, size: string) =>
    byKey.get(`${period}|${industry}|${region}|${size}`) ?? null;
  const where = names.region(req.region);
  const make = (id: AdoptionTableId, caption: string, columns: TableColumn[]): StatTable => ({
    id,
    caption,
    columns,
    rows: [],
    marks: suppressionMarks(ctx.minUnits),
    withheldMark: WITHHELD_MARK,
  });
  const noteCol: TableColumn = { id: "note", label: t("statistics.col.note"), kind: "note" };
  const note = (cell: ReleaseCell | null) =>
    !cell ? t("statistics.noData") : cell.suppressed ? t(`statistics.reasons.${cell.reason}`, { n: ctx.minUnits }) : "";
  const scoreColumns = (first: TableColumn): TableColumn[] => [
    first,
    { id: "firms", label: t("statistics.col.firms"), kind: "count" },
    { id: "mean", label: t("statistics.col.mean"), kind: "mean" },
    { id: "median", label: t("statistics.col.median"), kind: "quantile" },
    ...ctx.stageNames.map((name, i) => ({ id: `stage${i + 1}`, label: name, kind: "share" as const })),
    noteCol,
  ];
  const scoreRow = (key: string, header: string, cell: ReleaseCell | null) => {
    const m = published(cell);
    return {
      key,
      level: 0 as const,
      reason: cell?.suppressed ? cell.reason : null,
      values: [
        header,
        m ? m.firms : null,
        m ? roundMean(m.overall.mean) : null,
        m && m.overall.median !== null ? roundQuantile(m.overall.median) : null,
        ...ctx.stageNames.map((_, i) => m?.stageShares?.[i] ?? null),
        m && !m.stageShares ? stagesNote(m, ctx) : note(cell),
      ],
    };
  };

  const periodsTable = make(
    "periods",
    t("insights.adoption.tables.periods", { region: where }),
    scoreColumns({ id: "period", label: t("statistics.col.period"), kind: "label" }),
  );
  for (const p of periods) periodsTable.rows.push(scoreRow(p, p, find(p, ALL, req.region, ALL)));

  const dimensionName = new Map(ctx.dimensions.map((d) => [d.id, d.name]));
  const ids = ctx.dimensions.map((d) => d.id);
  const weakest = make("weakest", t("insights.adoption.tables.weakest", { region: where }), [
    { id: "period", label: t("statistics.col.period"), kind: "label" },
    ...[1, 2, 3].map((n) => ({
      id: `weakest${n}`,
      label: t("insights.compare.col.weakest", { n }),
      kind: "label" as const,
    })),
    noteCol,
  ]);
  for (const p of periods) {
    const cell = find(p, ALL, req.region, ALL);
    const weak = weakestDimensions(cell, ids).map((id) => dimensionName.get(id)!);
    weakest.rows.push({
      key: p,
      level: 0,
      reason: cell?.suppressed ? cell.reason : null,
      values: [p, ...[0, 1, 2].map((i) => weak[i] ?? ""), note(cell)],
    });
  }

  const industries = make(
    "industries",
    t("insights.adoption.tables.industries", { region: where, period: req.period }),
    scoreColumns({ id: "industry", label: t("statistics.col.industry"), kind: "label" }),
  );
  for (const key of [ALL, ...tax.groups.map((g) => `${GROUP_PREFIX}${g}`)])
    industries.rows.push(scoreRow(key, names.industry(key), find(req.period, key, req.region, ALL)));

  const sizes = make(
    "sizes",
    t("insights.adoption.tables.sizes", { region: where, period: req.period }),
    scoreColumns({ id: "size", label: t("statistics.col.size"), kind: "label" }),
  );
  for (const key of [ALL, ...tax.sizes])
    sizes.rows.push(scoreRow(key, names.size(key), find(req.period, ALL, req.region, key)));

  const result: ReturnType<typeof adoptionTables> = { periods: periodsTable, weakest, industries, sizes };
  if (req.region === ALL) {
    const regions = make(
      "regions",
      t("insights.adoption.tables.regions", { period: req.period }),
      scoreColumns({ id: "region", label: t("statistics.col.region"), kind: "label" }),
    );
    for (const key of [ALL, ...tax.provinces])
      regions.rows.push(scoreRow(key, names.region(key), find(req.period, ALL, key, ALL)));
    result.regions = regions;
  } else if (tax.cities) {
    // The city layer: staff only, within scope (the caller checked the province). Cities without firms
    // have no cell and no row, as on every statistics table.
    const cities = make(
      "cities",
      t("insights.adoption.tables.cities", { region: where, period: req.period }),
      scoreColumns({ id: "city", label: t("statistics.col.city"), kind: "label" }),
    );
    cities.rows.push(scoreRow(req.region, where, find(req.period, ALL, req.region, ALL)));
    for (const key of tax.cities) {
      const cell = find(req.period, ALL, key, ALL);
      if (cell) cities.rows.push({ ...scoreRow(key, names.region(key), cell), level: 1 });
    }
    result.cities = cities;
  }
  return result;
}
