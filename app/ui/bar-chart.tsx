// A horizontal bar chart of scores (0–100), server-rendered SVG drawn with d3 scales.
import { scaleBand, scaleLinear } from "d3-scale";

export interface Bar {
  label: string;
  value: number | null;
}

/** Reference lines drawn across each bar (e.g. the peers' median and top quartile), one value per bar. */
export interface BarMarks {
  values: Array<number | null>;
  className: string;
}

export function BarChart({
  bars,
  title,
  id,
  describedBy,
  width = 640,
  marks = [],
}: {
  bars: Bar[];
  title: string;
  id: string;
  describedBy: string;
  width?: number;
  marks?: BarMarks[];
}) {
  const left = 190;
  const right = 50;
  const rowHeight = 30;
  const height = bars.length * rowHeight + 30;
  const x = scaleLinear()
    .domain([0, 100])
    .range([left, width - right]);
  const y = scaleBand()
    .domain(bars.map((b) => b.label))
    .range([0, bars.length * rowHeight])
    .padding(0.25);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={describedBy}
      className="chart bars"
    >
      <title id={`${id}-title`}>{title}</title>
      {[0, 20, 40, 60, 80, 100].map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={0} y2={bars.length * rowHeight} className="chart-grid" />
          <text x={x(v)} y={bars.length * rowHeight + 18} textAnchor="middle" className="chart-tick">
            {v}
          </text>
        </g>
      ))}
      {bars.map((b, i) => (
        <g key={b.label} transform={`translate(0, ${y(b.label) ?? 0})`}>
          <text x={left - 8} y={y.bandwidth() / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
            {b.label}
          </text>
          <rect x={x(0)} width={Math.max(0, x(b.value ?? 0) - x(0))} height={y.bandwidth()} className="chart-bar" />
          {marks.map((m) =>
            m.values[i] === null || m.values[i] === undefined ? null : (
              <line
                key={m.className}
                x1={x(m.values[i]!)}
                x2={x(m.values[i]!)}
                y1={-3}
                y2={y.bandwidth() + 3}
                className={`chart-mark ${m.className}`}
              />
            ),
          )}
          <text x={x(b.value ?? 0) + 6} y={y.bandwidth() / 2} dominantBaseline="middle" className="chart-value">
            {b.value ?? "—"}
          </text>
        </g>
      ))}
    </svg>
  );
}
