// A small line chart of one score (0–100) over periods, server-rendered SVG drawn with d3. It scales
// with its container (viewBox, width 100%), and every label stays inside the viewBox.
import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";

export interface TrendPoint {
  label: string;
  value: number;
  /** shown above the point, e.g. "62.5 · stage 3" */
  note: string;
  /** a second line under the period, e.g. the questionnaire edition the point comes from */
  sublabel?: string;
  current: boolean;
}

export function TrendChart({
  points,
  title,
  id,
  describedBy,
  width = 560,
}: {
  points: TrendPoint[];
  title: string;
  id: string;
  describedBy: string;
  width?: number;
}) {
  const top = 34;
  const sublabels = points.some((p) => p.sublabel);
  const height = sublabels ? 226 : 210;
  const bottom = sublabels ? 52 : 36;
  const side = 70;
  const x = scalePoint()
    .domain(points.map((p) => p.label))
    .range([side, width - side])
    .padding(points.length === 1 ? 0.5 : 0);
  const y = scaleLinear()
    .domain([0, 100])
    .range([height - bottom, top]);
  const path = line<TrendPoint>()
    .x((p) => x(p.label) ?? 0)
    .y((p) => y(p.value));
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={describedBy}
      className="chart trend"
    >
      <title id={`${id}-title`}>{title}</title>
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <line x1={side - 20} x2={width - side + 20} y1={y(v)} y2={y(v)} className="chart-grid" />
          <text x={side - 26} y={y(v)} textAnchor="end" dominantBaseline="middle" className="chart-tick">
            {v}
          </text>
        </g>
      ))}
      <path d={path(points) ?? ""} className="chart-series series-firm" />
      {points.map((p) => (
        <g key={p.label}>
          <circle cx={x(p.label)} cy={y(p.value)} r={p.current ? 6 : 4} className="chart-point" />
          <text x={x(p.label)} y={y(p.value) - 12} textAnchor="middle" className="chart-value">
            {p.note}
          </text>
          <text x={x(p.label)} y={height - (sublabels ? 28 : 12)} textAnchor="middle" className="chart-label">
            {p.label}
          </text>
          {p.sublabel ? (
            <text x={x(p.label)} y={height - 10} textAnchor="middle" className="chart-label chart-sublabel">
              {p.sublabel}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}
