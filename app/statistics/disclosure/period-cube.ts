// One period of a release, pure: records in, cells of the cube (every margin) out, under disclosure control.
import {
  auditVariables,
  cellKey,
  type CubeShape,
  recordCells,
  type Relation,
} from "~/statistics/disclosure/cube-shape";
import {
  BINS,
  mergedHistogram,
  NULL_SCORE,
  overallSummary,
  stageShares,
  summary,
} from "~/statistics/disclosure/metrics";
import {
  type EarlierPeriod,
  type PeriodCounts,
  stagePass,
  STAGES,
  suppressPeriod,
} from "~/statistics/disclosure/suppression";
import type {
  DisclosureRules,
  PublishedMetrics,
  ReleaseCell,
  ScoreSummary,
  SuppressionReason,
} from "~/statistics/types";

/** The submitted assessments of one period, column-wise. */
export interface PeriodRecords {
  count: number;
  /** Interior cell (division × province × size) of each record. */
  interior: Int32Array;
  /** City slot of each record in the shape's city layer (cube-shape citySlot); needed when it has one. */
  city?: Int32Array;
  /** Group-of-companies index of each record, −1 for a firm that stands alone. */
  unit: Int32Array;
  stage: Uint8Array;
  /** Per metric (0 = overall, then the model's dimensions in order): score × 10, NULL_SCORE when missing. */
  scores: Uint16Array[];
}

export interface CubeContext {
  shape: CubeShape;
  relations: readonly Relation[];
  interior: Map<number, number[]>;
  rules: DisclosureRules;
  dimensionIds: readonly string[];
}

/** The cells each record counts in, cube and city layer. */
function cellsOfRecords(ctx: CubeContext, records: PeriodRecords): (r: number) => number[] {
  const cells = recordCells(ctx.shape, ctx.interior);
  if (!ctx.shape.city) return (r) => cells(records.interior[r]!, -1);
  const city = records.city;
  if (!city) throw new Error("records without cities for a shape with a city layer");
  return (r) => cells(records.interior[r]!, city[r]!);
}

export function countCells(ctx: CubeContext, records: PeriodRecords): PeriodCounts {
  const n = ctx.shape.cellCount;
  const firms = new Int32Array(n);
  const stages = new Int32Array(n * STAGES);
  const groupFirms = new Map<number, number>(); // key: cell * groups + unit
  let groups = 0;
  for (let r = 0; r < records.count; r++) groups = Math.max(groups, records.unit[r]! + 1);
  const cellsOf = cellsOfRecords(ctx, records);
  for (let r = 0; r < records.count; r++) {
    const unit = records.unit[r]!;
    for (const a of cellsOf(r)) {
      firms[a]!++;
      stages[a * STAGES + records.stage[r]! - 1]!++;
      if (unit >= 0) groupFirms.set(a * groups + unit, (groupFirms.get(a * groups + unit) ?? 0) + 1);
    }
  }
  const units = Int32Array.from(firms);
  for (const [key, count] of groupFirms) units[Math.floor(key / groups)]! -= count - 1;
  return { firms, units, stages };
}

export interface PeriodCube {
  cells: ReleaseCell[];
  /** Per cell index: published (1) or not. Empty cells are neither published nor suppressed. */
  published: Uint8Array;
  suppressed: Uint8Array;
  /** Per cell index: published with its stage distribution withheld (1) or not. */
  stagesWithheld: Uint8Array;
  counts: PeriodCounts;
  rounds: number;
  unresolved: number;
}

export function buildPeriodCube(
  ctx: CubeContext,
  period: string,
  records: PeriodRecords,
  earlier: readonly EarlierPeriod[],
  random: () => number,
): PeriodCube {
  const { shape, rules } = ctx;
  const counts = countCells(ctx, records);
  const input = {
    cellCount: shape.cellCount,
    relations: ctx.relations,
    interior: ctx.interior,
    variables: (active: (cell: number) => boolean) => auditVariables(shape, ctx.interior, active),
    counts,
    earlier,
    rules,
    random,
  };
  const outcome = suppressPeriod(input);
  const stages = stagePass(input, outcome.reasons);
  const published = new Uint8Array(shape.cellCount);
  const suppressed = new Uint8Array(shape.cellCount);
  for (let c = 0; c < shape.cellCount; c++) {
    if (counts.firms[c] === 0) continue;
    if (outcome.reasons[c] === null) published[c] = 1;
    else suppressed[c] = 1;
  }
  const stagesWithheld = new Uint8Array(shape.cellCount);
  for (let c = 0; c < shape.cellCount; c++) if (published[c] && stages.reasons[c] !== null) stagesWithheld[c] = 1;
  const metrics = publishedMetrics(ctx, records, counts, published, stages.reasons);
  const cells: ReleaseCell[] = [];
  for (let c = 0; c < shape.cellCount; c++) {
    if (counts.firms[c] === 0) continue;
    const key = cellKey(shape, period, c);
    const m = metrics.get(c);
    if (m) cells.push({ ...key, suppressed: false, reason: null, metrics: m });
    else cells.push({ ...key, suppressed: true, reason: outcome.reasons[c] as SuppressionReason, metrics: null });
  }
  return {
    cells,
    published,
    suppressed,
    stagesWithheld,
    counts,
    rounds: Math.max(outcome.rounds, stages.rounds),
    // A cell both audits could not protect counts once.
    unresolved: new Set([...outcome.unresolved, ...stages.unresolved]).size,
  };
}

/** Metrics of every published cell, one metric at a time so memory stays at one histogram cube. */
function publishedMetrics(
  ctx: CubeContext,
  records: PeriodRecords,
  counts: PeriodCounts,
  published: Uint8Array,
  stageReasons: ReadonlyArray<SuppressionReason | null>,
): Map<number, PublishedMetrics> {
  const { shape, rules } = ctx;
  const out = new Map<number, PublishedMetrics>();
  const cells: number[] = [];
  for (let c = 0; c < shape.cellCount; c++) if (published[c]) cells.push(c);
  if (cells.length === 0) return out;
  const slot = new Int32Array(shape.cellCount).fill(-1);
  cells.forEach((c, k) => (slot[c] = k));
  const hist = new Uint32Array(cells.length * BINS);
  const sums = new Float64Array(cells.length);
  const ns = new Int32Array(cells.length);
  const cellsOf = cellsOfRecords(ctx, records);
  for (let m = 0; m < records.scores.length; m++) {
    hist.fill(0);
    sums.fill(0);
    ns.fill(0);
    const scores = records.scores[m]!;
    for (let r = 0; r < records.count; r++) {
      const v = scores[r]!;
      if (v === NULL_SCORE) continue;
      for (const a of cellsOf(r)) {
        const k = slot[a]!;
        if (k < 0) continue;
        hist[k * BINS + v]!++;
        sums[k]! += v;
        ns[k]!++;
      }
    }
    cells.forEach((c, k) => {
      const units = counts.units[c]!;
      if (m === 0) {
        out.set(c, {
          firms: counts.firms[c]!,
          overall: overallSummary(hist, k * BINS, ns[k]!, sums[k]!, units, rules),
          dimensions: {},
          stageShares:
            stageReasons[c] === null ? stageShares(counts.stages, c * STAGES, counts.firms[c]!, STAGES) : null,
          stageReason: stageReasons[c] ?? null,
          histogram: mergedHistogram(hist, k * BINS, rules.minHistogramBin),
        });
        return;
      }
      // A dimension answered by fewer firms than the score threshold stays unpublished in this cell.
      const enough = Math.min(units, ns[k]!) >= rules.minUnitsForScores;
      const dim: ScoreSummary | null = enough
        ? summary(hist, k * BINS, ns[k]!, sums[k]!, Math.min(units, ns[k]!), rules)
        : null;
      out.get(c)!.dimensions[ctx.dimensionIds[m - 1]!] = dim;
    });
  }
  return out;
}
