// Horizontal bars of one column of a statistics table (server-rendered SVG drawn with d3 scales).
// A suppressed row draws a hatched stub with its mark instead of a bar, never a 0. The label column is
// as wide as the longest label (up to LABEL_SHARE of the chart), and a longer label wraps onto more lines
// (its row grows) rather than being cut short or drawn past the chart's left edge.
import { scaleLinear } from "d3-scale";
import { Hatch } from "~/statistics/publish/hatch";
import { columnValues, type StatTable } from "~/statistics/publish/present";
import { labelColumn } from "~/ui/label-text";

/** The largest share of the chart's width that the label column takes. */
const LABEL_SHARE = 0.45;
/** Space left of the labels and between the labels and the bars, beyond the width estimate. */
const GAP = 8;
const ROW = 26;
const LINE = 14;
const BAR = 0.8 * ROW;

export function StatisticsBarChart({
  table,
  column,
  title,
  id,
  max = 100,
  unit = "",
  width = 680,
}: {
  table: StatTable;
  column: string;
  title: string;
  id: string;
  max?: number;
  unit?: string;
  width?: number;
}) {
  const bars = columnValues(table, column);
  const labels = labelColumn(
    bars.map((b) => b.label),
    LABEL_SHARE * width - 2 * GAP,
  );
  const left = labels.width + 2 * GAP;
  const right = 60;
  // Each row as tall as its label's lines need, the bar centred in it.
  const rows = labels.lines.map((lines) => Math.max(ROW, lines.length * LINE + ROW - LINE));
  const top = rows.map((_, i) => rows.slice(0, i).reduce((sum, h) => sum + h, 0));
  const plot = rows.reduce((sum, h) => sum + h, 0);
  const x = scaleLinear()
    .domain([0, max])
    .range([left, width - right]);
  const ticks = x.ticks(5);
  const level = new Map(table.rows.map((r) => [r.key, r.level]));
  return (
    <svg
      viewBox={`0 0 ${width} ${plot + 28}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={title}
      className="chart bars"
      data-chart={id}
    >
      <defs>
        <Hatch id={`${id}-hatch`} />
      </defs>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={0} y2={plot} className="chart-grid" />
          <text x={x(v)} y={plot + 18} textAnchor="middle" className="chart-tick">
            {v}
            {unit}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const lines = labels.lines[i]!;
        const middle = rows[i]! / 2;
        const bar = middle - BAR / 2;
        return (
          <g key={b.key} transform={`translate(0, ${top[i]!})`}>
            <text
              x={left - GAP}
              y={middle - ((lines.length - 1) * LINE) / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className={level.get(b.key) === 1 ? "chart-label chart-label--nested" : "chart-label"}
            >
              {lines.map((line, k) => (
                <tspan key={k} x={left - GAP} dy={k === 0 ? 0 : LINE}>
                  {line}
                </tspan>
              ))}
            </text>
            {b.value === null ? (
              <rect x={x(0)} y={bar} width={18} height={BAR} fill={`url(#${id}-hatch)`} className="chart-suppressed" />
            ) : (
              <rect x={x(0)} y={bar} width={Math.max(1, x(b.value) - x(0))} height={BAR} className="chart-bar" />
            )}
            <text
              x={b.value === null ? x(0) + 24 : x(b.value) + 6}
              y={middle}
              dominantBaseline="middle"
              className="chart-value"
            >
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
