// The insights charts, server-rendered SVG drawn with d3 scales from the same tables the page lists below
// them (the tables are the accessible alternative): stage shares as stacked bars, the dimension profile as
// a dot plot against the national line, and one line per group across periods. A suppressed group draws
// its mark, never a 0. Series differ by shape as well as colour.
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { Hatch } from "~/statistics/publish/hatch";
import type { StatTable } from "~/statistics/publish/present";
import { MAP_COLOURS } from "~/statistics/publish/tile-map";

/** Colours with at least 3:1 contrast on white, and a shape for each, so no series is told by colour alone. */
export const SERIES = [
  { colour: "#0b4f8a", shape: "circle" },
  { colour: "#b34700", shape: "square" },
  { colour: "#2e7d32", shape: "triangle" },
  { colour: "#6a1b9a", shape: "diamond" },
  { colour: "#ad1457", shape: "cross" },
  { colour: "#37474f", shape: "star" },
] as const;

export function Marker({ x, y, series, size = 5 }: { x: number; y: number; series: number; size?: number }) {
  const { colour, shape } = SERIES[series % SERIES.length]!;
  const s = size;
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={s} fill={colour} />;
    case "square":
      return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} fill={colour} />;
    case "triangle":
      return <path d={`M${x},${y - s - 1}L${x + s + 1},${y + s}L${x - s - 1},${y + s}Z`} fill={colour} />;
    case "diamond":
      return <path d={`M${x},${y - s - 1}L${x + s + 1},${y}L${x},${y + s + 1}L${x - s - 1},${y}Z`} fill={colour} />;
    case "cross":
      return (
        <path
          d={`M${x - s},${y - s}L${x + s},${y + s}M${x + s},${y - s}L${x - s},${y + s}`}
          stroke={colour}
          strokeWidth={3}
        />
      );
    default:
      return (
        <path
          d={`M${x},${y - s - 1}L${x + s},${y + s}L${x - s - 1},${y - 1}L${x + s + 1},${y - 1}L${x - s},${y + s}Z`}
          fill={colour}
        />
      );
  }
}

const clip = (s: string, n = 22) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Stacked bars of stage shares: one bar per row, one segment per stage column. */
export function StackedStages({
  table,
  title,
  id,
  width = 680,
}: {
  table: StatTable;
  title: string;
  id: string;
  width?: number;
}) {
  const stageCols = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === "share");
  const left = 190;
  const right = 16;
  const rowHeight = 30;
  const legendHeight = 24 + Math.ceil(stageCols.length / 3) * 18;
  const plot = table.rows.length * rowHeight;
  const x = scaleLinear()
    .domain([0, 100])
    .range([left, width - right]);
  const y = scaleBand()
    .domain(table.rows.map((r) => r.key))
    .range([0, plot])
    .padding(0.2);
  return (
    <svg
      viewBox={`0 0 ${width} ${plot + legendHeight}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={title}
      className="chart"
      data-chart={id}
    >
      <defs>
        <Hatch id={`${id}-hatch`} />
      </defs>
      {table.rows.map((row) => {
        let at = 0;
        const top = y(row.key) ?? 0;
        return (
          <g key={row.key} transform={`translate(0, ${top})`}>
            <text x={left - 8} y={y.bandwidth() / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
              {clip(String(row.values[0] ?? row.key))}
            </text>
            {/* A suppressed cell, or a published one whose stage distribution is withheld: hatched, with its mark. */}
            {row.reason || stageCols.every(({ i }) => typeof row.values[i] !== "number") ? (
              <>
                <rect
                  x={x(0)}
                  width={18}
                  height={y.bandwidth()}
                  fill={`url(#${id}-hatch)`}
                  className="chart-suppressed"
                />
                <text x={x(0) + 24} y={y.bandwidth() / 2} dominantBaseline="middle" className="chart-value">
                  {row.reason ? table.marks[row.reason] : table.withheldMark}
                </text>
              </>
            ) : (
              stageCols.map(({ i }, k) => {
                const v = row.values[i];
                if (typeof v !== "number" || v <= 0) return null;
                const from = at;
                at += v;
                const w = x(Math.min(100, at)) - x(from);
                return (
                  <g key={i}>
                    <rect
                      x={x(from)}
                      width={Math.max(0, w)}
                      height={y.bandwidth()}
                      fill={MAP_COLOURS[k % MAP_COLOURS.length]}
                      stroke="#fff"
                    />
                    {w > 34 ? (
                      <text
                        x={x(from) + w / 2}
                        y={y.bandwidth() / 2}
                        textAnchor="middle"
                        dominantBaseline="middle"
                        className="chart-value"
                        style={{ fill: k >= 3 ? "#fff" : "#111" }}
                      >
                        {Math.round(v)}%
                      </text>
                    ) : null}
                  </g>
                );
              })
            )}
          </g>
        );
      })}
      <g transform={`translate(${left}, ${plot + 14})`}>
        {stageCols.map(({ c }, k) => (
          <g key={c.id} transform={`translate(${(k % 3) * 160}, ${Math.floor(k / 3) * 18})`}>
            <rect width={12} height={12} fill={MAP_COLOURS[k % MAP_COLOURS.length]} stroke="#555" />
            <text x={16} y={10} className="chart-tick">
              {clip(c.label, 20)}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

/**
 * The dimension profile: one line per dimension, a marker per group at its mean, and a vertical tick at the
 * reference row (the first row, the national figure).
 */
export function DimensionProfile({
  table,
  title,
  id,
  width = 680,
}: {
  table: StatTable;
  title: string;
  id: string;
  width?: number;
}) {
  const dims = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === "mean");
  const [reference, ...groups] = table.rows;
  const left = 200;
  const right = 20;
  const rowHeight = 28;
  const plot = dims.length * rowHeight;
  const legendRows = Math.ceil(groups.length / 2);
  const x = scaleLinear()
    .domain([0, 100])
    .range([left, width - right]);
  const y = scaleBand()
    .domain(dims.map((d) => d.c.id))
    .range([0, plot])
    .padding(0.1);
  return (
    <svg
      viewBox={`0 0 ${width} ${plot + 30 + legendRows * 20}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={title}
      className="chart"
      data-chart={id}
    >
      {x.ticks(5).map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={0} y2={plot} className="chart-grid" />
          <text x={x(v)} y={plot + 14} textAnchor="middle" className="chart-tick">
            {v}
          </text>
        </g>
      ))}
      {dims.map(({ c, i }) => {
        const mid = (y(c.id) ?? 0) + y.bandwidth() / 2;
        const ref = reference && !reference.reason ? reference.values[i] : null;
        return (
          <g key={c.id}>
            <text x={left - 8} y={mid} textAnchor="end" dominantBaseline="middle" className="chart-label">
              {clip(c.label, 26)}
            </text>
            {typeof ref === "number" ? (
              <line x1={x(ref)} x2={x(ref)} y1={mid - 10} y2={mid + 10} stroke="#111" strokeWidth={2} />
            ) : null}
            {groups.map((row, g) => {
              const v = row.values[i];
              return !row.reason && typeof v === "number" ? <Marker key={row.key} x={x(v)} y={mid} series={g} /> : null;
            })}
          </g>
        );
      })}
      <g transform={`translate(${left}, ${plot + 30})`}>
        {groups.map((row, g) => (
          <g key={row.key} transform={`translate(${(g % 2) * 230}, ${Math.floor(g / 2) * 20})`}>
            <Marker x={6} y={0} series={g} />
            <text x={16} y={4} className="chart-tick">
              {clip(String(row.values[0] ?? row.key), 26)}
              {row.reason ? ` ${table.marks[row.reason]}` : ""}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

/**
 * One line per group across periods, from a table whose rows are `<group>|<period>` (the trend table):
 * its `label` columns name the group (first) and the period (second), `column` is drawn.
 */
export function TrendLines({
  table,
  column,
  title,
  id,
  width = 680,
}: {
  table: StatTable;
  column: string;
  title: string;
  id: string;
  width?: number;
}) {
  const index = table.columns.findIndex((c) => c.id === column);
  const groups = [...new Set(table.rows.map((r) => r.key.split("|")[0]!))];
  const periods = [...new Set(table.rows.map((r) => String(r.values[1])))];
  const height = 260;
  const margin = { top: 16, right: 20, bottom: 40 + Math.ceil(groups.length / 2) * 20, left: 40 };
  const x = scalePoint()
    .domain(periods)
    .range([margin.left, width - margin.right])
    .padding(0.5);
  const y = scaleLinear()
    .domain([0, 100])
    .range([height - margin.bottom, margin.top]);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={title}
      className="chart"
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
      {periods.map((p) => (
        <text key={p} x={x(p)} y={height - margin.bottom + 16} textAnchor="middle" className="chart-tick">
          {p}
        </text>
      ))}
      {groups.map((g, k) => {
        const rows = table.rows.filter((r) => r.key.split("|")[0] === g);
        const points = rows.map((r) => ({ p: String(r.values[1]), v: r.reason ? null : r.values[index] }));
        const path = line<(typeof points)[number]>()
          .defined((d) => typeof d.v === "number")
          .x((d) => x(d.p) ?? 0)
          .y((d) => y(typeof d.v === "number" ? d.v : 0))(points);
        const colour = SERIES[k % SERIES.length]!.colour;
        return (
          <g key={g}>
            {path ? (
              <path
                d={path}
                fill="none"
                stroke={colour}
                strokeWidth={2}
                strokeDasharray={k === 0 ? "6 4" : undefined}
              />
            ) : null}
            {points.map((d) =>
              typeof d.v === "number" ? <Marker key={d.p} x={x(d.p) ?? 0} y={y(d.v)} series={k} size={4} /> : null,
            )}
            <g
              transform={`translate(${margin.left + (k % 2) * 300}, ${height - margin.bottom + 34 + Math.floor(k / 2) * 20})`}
            >
              <Marker x={6} y={0} series={k} />
              <text x={16} y={4} className="chart-tick">
                {clip(String(rows[0]?.values[0] ?? g), 30)}
              </text>
            </g>
          </g>
        );
      })}
    </svg>
  );
}
