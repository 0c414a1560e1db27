// Which figure a breakdown page (industry, region, size, trends) shows of each published cell: the mean
// or the median of the overall score, the stage shares, or one dimension's scores. Chosen with
// `?metric=`; anything else falls back to the mean, so an old or mistyped link still opens.

export type Metric = "mean" | "median" | "stages" | `dim:${string}`;

export const DEFAULT_METRIC: Metric = "mean";

export function parseMetric(text: string | null, dimensionIds: readonly string[]): Metric {
  if (text === "mean" || text === "median" || text === "stages") return text;
  if (text?.startsWith("dim:") && dimensionIds.includes(text.slice(4))) return text as Metric;
  return DEFAULT_METRIC;
}

/** The dimension a metric reads, or null for one of the overall figures. */
export function metricDimension(metric: Metric): string | null {
  return metric.startsWith("dim:") ? metric.slice(4) : null;
}

/** The table column a chart of this metric draws. */
export function chartColumn(metric: Metric): "mean" | "median" | "stage3plus" {
  return metric === "median" ? "median" : metric === "stages" ? "stage3plus" : "mean";
}
