// A radar chart of dimension scores (0–100) drawn on the server with d3 into plain SVG.
import { scaleLinear } from "d3-scale";
import { curveLinearClosed, lineRadial } from "d3-shape";
import { wrapLabel } from "~/ui/label-text";

export interface RadarSeries {
  label: string;
  values: Array<number | null>;
  className: string;
}

export function RadarChart({
  axes,
  series,
  title,
  id,
  describedBy,
  size = 420,
}: {
  axes: string[];
  series: RadarSeries[];
  title: string;
  id: string;
  describedBy: string;
  size?: number;
}) {
  const margin = 90;
  // Room beyond the square for labels to the left and right of the circle.
  const pad = 20;
  const radius = size / 2 - margin;
  // What is left right of a label placed at 118% of the radius on the horizontal axis.
  const labelWidth = size / 2 + pad - 1.18 * radius - 12;
  const r = scaleLinear().domain([0, 100]).range([0, radius]);
  const angle = (i: number) => (i / axes.length) * 2 * Math.PI;
  const line = lineRadial<number>()
    .angle((_, i) => angle(i))
    .radius((v) => r(v))
    .curve(curveLinearClosed);
  const rings = [20, 40, 60, 80, 100];
  const point = (i: number, value: number) => [Math.sin(angle(i)) * r(value), -Math.cos(angle(i)) * r(value)] as const;
  return (
    <svg
      viewBox={`${-size / 2 - pad} ${-size / 2} ${size + 2 * pad} ${size}`}
      width="100%"
      style={{ maxWidth: size + 2 * pad }}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={describedBy}
      className="chart radar"
    >
      <title id={`${id}-title`}>{title}</title>
      {rings.map((v) => (
        <circle key={v} r={r(v)} className="chart-grid" />
      ))}
      {axes.map((label, i) => {
        const [x, y] = point(i, 100);
        const [lx, ly] = point(i, 118);
        const anchor = Math.abs(lx) < 1 ? "middle" : lx > 0 ? "start" : "end";
        // Broken into lines that fit (app/ui/label-text.ts): "数据建模与决策" was clipped at the right edge.
        const lines = wrapLabel(label, anchor === "middle" ? 2 * labelWidth : labelWidth);
        // Multi-line labels are centred on the label point; above the circle they grow upwards.
        const lineHeight = 14;
        const first =
          Math.abs(lx) < 1 && ly < 0
            ? ly - (lines.length - 1) * lineHeight
            : ly - ((lines.length - 1) * lineHeight) / 2;
        return (
          <g key={label}>
            <line x1={0} y1={0} x2={x} y2={y} className="chart-grid" />
            <text x={lx} y={first} textAnchor={anchor} dominantBaseline="middle" className="chart-label">
              {lines.map((l, k) => (
                <tspan key={k} x={lx} dy={k === 0 ? 0 : lineHeight}>
                  {l}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
      {rings.map((v) => (
        <text key={`t${v}`} x={3} y={-r(v)} className="chart-tick">
          {v}
        </text>
      ))}
      {series.map((s) => (
        <path key={s.label} d={line(s.values.map((v) => v ?? 0)) ?? ""} className={`chart-series ${s.className}`} />
      ))}
    </svg>
  );
}
