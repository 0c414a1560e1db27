// Mean score across periods (or releases): a line drawn with d3-shape that breaks where a value is
// suppressed; a suppressed point shows its mark on the axis instead.
import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { columnValues, type StatTable } from "~/statistics/publish/present";

export function StatisticsLineChart({
  table,
  column,
  title,
  id,
  width = 640,
}: {
  table: StatTable;
  column: string;
  title: string;
  id: string;
  width?: number;
}) {
  const points = columnValues(table, column);
  const height = 260;
  const margin = { top: 16, right: 30, bottom: 44, left: 44 };
  const x = scalePoint()
    .domain(points.map((p) => p.key))
    .range([margin.left, width - margin.right])
    .padding(0.5);
  const y = scaleLinear()
    .domain([0, 100])
    .range([height - margin.bottom, margin.top]);
  const path = line<(typeof points)[number]>()
    .defined((p) => p.value !== null)
    .x((p) => x(p.key) ?? 0)
    .y((p) => y(p.value ?? 0))(points);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={title}
      className="chart line"
      data-chart={id}
    >
      {y.ticks(5).map((v) => (
        <g key={v}>
          <line x1={margin.left} x2={width - margin.right} y1={y(v)} y2={y(v)} className="chart-grid" />
          <text x={margin.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" className="chart-tick">
            {v}
          </text>
        </g>
      ))}
      {path ? <path d={path} className="chart-line" /> : null}
      {points.map((p) => (
        <g key={p.key}>
          <text x={x(p.key)} y={height - margin.bottom + 18} textAnchor="middle" className="chart-label">
            {p.label}
          </text>
          {p.value === null ? (
            <text x={x(p.key)} y={height - margin.bottom - 8} textAnchor="middle" className="chart-value">
              {p.text}
            </text>
          ) : (
            <>
              <circle cx={x(p.key)} cy={y(p.value)} r={4.5} className="chart-point" />
              <text x={x(p.key)} y={y(p.value) - 10} textAnchor="middle" className="chart-value">
                {p.text}
              </text>
            </>
          )}
        </g>
      ))}
    </svg>
  );
}
