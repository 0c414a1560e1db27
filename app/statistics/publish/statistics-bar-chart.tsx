// Horizontal bars of one column of a statistics table (server-rendered SVG drawn with d3 scales).
// A suppressed row draws a hatched stub with its mark instead of a bar, never a 0.
import { scaleBand, scaleLinear } from "d3-scale";
import { Hatch } from "~/statistics/publish/hatch";
import { columnValues, type StatTable } from "~/statistics/publish/present";

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
  const left = 250;
  const right = 60;
  const rowHeight = 26;
  const plot = bars.length * rowHeight;
  const x = scaleLinear()
    .domain([0, max])
    .range([left, width - right]);
  const y = scaleBand()
    .domain(bars.map((b) => b.key))
    .range([0, plot])
    .padding(0.2);
  const ticks = x.ticks(5);
  const level = new Map(table.rows.map((r) => [r.key, r.level]));
  const clip = (s: string) => (s.length > 34 ? `${s.slice(0, 33)}…` : s);
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
      {bars.map((b) => (
        <g key={b.key} transform={`translate(0, ${y(b.key) ?? 0})`}>
          <text
            x={left - 8}
            y={y.bandwidth() / 2}
            textAnchor="end"
            dominantBaseline="middle"
            className={level.get(b.key) === 1 ? "chart-label chart-label--nested" : "chart-label"}
          >
            {clip(b.label)}
          </text>
          {b.value === null ? (
            <rect x={x(0)} width={18} height={y.bandwidth()} fill={`url(#${id}-hatch)`} className="chart-suppressed" />
          ) : (
            <rect x={x(0)} width={Math.max(1, x(b.value) - x(0))} height={y.bandwidth()} className="chart-bar" />
          )}
          <text
            x={b.value === null ? x(0) + 24 : x(b.value) + 6}
            y={y.bandwidth() / 2}
            dominantBaseline="middle"
            className="chart-value"
          >
            {b.text}
          </text>
        </g>
      ))}
    </svg>
  );
}
