// A horizontal bar chart of scores (0–100), server-rendered SVG drawn with d3 scales. The label column is
// as wide as the longest label (up to LABEL_SHARE of the chart); a longer label wraps and its row grows.
import { scaleLinear } from "d3-scale";
import { labelColumn } from "~/ui/label-text";

/** The largest share of the chart's width that the label column takes. */
const LABEL_SHARE = 0.45;
/** Space left of the labels and between the labels and the bars, beyond the width estimate. */
const GAP = 8;
const ROW = 30;
const LINE = 14;
const BAR = 0.75 * ROW;

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
  const labels = labelColumn(
    bars.map((b) => b.label),
    LABEL_SHARE * width - 2 * GAP,
  );
  const left = labels.width + 2 * GAP;
  const right = 50;
  const rows = labels.lines.map((lines) => Math.max(ROW, lines.length * LINE + ROW - LINE));
  const top = rows.map((_, i) => rows.slice(0, i).reduce((sum, h) => sum + h, 0));
  const plot = rows.reduce((sum, h) => sum + h, 0);
  const height = plot + 30;
  const x = scaleLinear()
    .domain([0, 100])
    .range([left, width - right]);
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
          <line x1={x(v)} x2={x(v)} y1={0} y2={plot} className="chart-grid" />
          <text x={x(v)} y={plot + 18} textAnchor="middle" className="chart-tick">
            {v}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const lines = labels.lines[i]!;
        const middle = rows[i]! / 2;
        const bar = middle - BAR / 2;
        return (
          <g key={b.label} transform={`translate(0, ${top[i]!})`}>
            <text
              x={left - GAP}
              y={middle - ((lines.length - 1) * LINE) / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className="chart-label"
            >
              {lines.map((line, k) => (
                <tspan key={k} x={left - GAP} dy={k === 0 ? 0 : LINE}>
                  {line}
                </tspan>
              ))}
            </text>
            <rect x={x(0)} y={bar} width={Math.max(0, x(b.value ?? 0) - x(0))} height={BAR} className="chart-bar" />
            {marks.map((m) =>
              m.values[i] === null || m.values[i] === undefined ? null : (
                <line
                  key={m.className}
                  x1={x(m.values[i]!)}
                  x2={x(m.values[i]!)}
                  y1={bar - 3}
                  y2={bar + BAR + 3}
                  className={`chart-mark ${m.className}`}
                />
              ),
            )}
            <text x={x(b.value ?? 0) + 6} y={middle} dominantBaseline="middle" className="chart-value">
              {b.value ?? "—"}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
