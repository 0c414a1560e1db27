// A tile-grid map of the provinces (one square per province, laid out roughly geographically; no
// boundary geometry, see STACK-NOTES.md), coloured by mean score with d3 scales. Every tile is labelled
// with its name and value; a suppressed province is hatched and shows its mark, a province without data
// a dash. With `href`, each tile links to the province's own view (a keyboard stop named by the province
// and its value). The legend is HTML beside the SVG; the table below the map is its accessible alternative.
import { scaleQuantize } from "d3-scale";
import { useTranslation } from "~/i18n/use-translation";
import { Hatch } from "~/statistics/publish/hatch";
import { columnValues, type StatTable } from "~/statistics/publish/present";

export interface MapRegion {
  code: string;
  /** Short label written on the tile. */
  short: string;
  row: number;
  col: number;
}

/** Light to dark; text on the first three is dark, on the last two white (contrast ≥ 4.5:1 either way). */
export const MAP_COLOURS = ["#deebf7", "#b3d1ec", "#73a9d8", "#2f73b5", "#0b3f70"] as const;
const TEXT_ON = ["#1b1f24", "#1b1f24", "#1b1f24", "#ffffff", "#ffffff"] as const;

/** The colour scale of a map: five equal classes over the published values' range, rounded outwards to 5 points. */
export function mapScale(values: number[]) {
  const lo = values.length ? Math.floor(Math.min(...values) / 5) * 5 : 0;
  let hi = values.length ? Math.ceil(Math.max(...values) / 5) * 5 : 100;
  if (hi - lo < 5) hi = lo + 5;
  return scaleQuantize<string>()
    .domain([lo, hi])
    .range([...MAP_COLOURS]);
}

export function TileMap({
  table,
  regions,
  title,
  id,
  column = "mean",
  href,
}: {
  table: StatTable;
  regions: MapRegion[];
  title: string;
  id: string;
  /** The table column the tiles show. */
  column?: string;
  /** The link of a province's tile, if tiles link anywhere. */
  href?: (code: string) => string;
}) {
  const { t } = useTranslation();
  const byCode = new Map(columnValues(table, column).map((v) => [v.key, v]));
  const names = new Map(table.rows.map((r) => [r.key, String(r.values[0] ?? r.key)]));
  const values = [...byCode.values()].filter((v) => v.key !== "*" && v.value !== null).map((v) => v.value!);
  const colour = mapScale(values);
  const size = 66;
  const gap = 4;
  const cols = Math.max(...regions.map((r) => r.col)) + 1;
  const rows = Math.max(...regions.map((r) => r.row)) + 1;
  const width = cols * (size + gap);
  const height = rows * (size + gap);
  const [lo, hi] = colour.domain() as [number, number];
  const edges = [lo, ...colour.thresholds(), hi];
  return (
    <figure className="tile-map">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
        role={href ? "group" : "img"}
        aria-label={title}
        className="chart map"
        data-chart={id}
      >
        <defs>
          <Hatch id={`${id}-hatch`} />
        </defs>
        {regions.map((r) => {
          const v = byCode.get(r.code);
          const state = !v || (v.value === null && !v.reason) ? "none" : v.reason ? "suppressed" : "value";
          const fill = state === "value" ? colour(v!.value!) : state === "suppressed" ? `url(#${id}-hatch)` : "#ffffff";
          const ink =
            state === "value" ? TEXT_ON[MAP_COLOURS.indexOf(fill as (typeof MAP_COLOURS)[number])] : "#1b1f24";
          const halo =
            state === "suppressed" ? { stroke: "#ffffff", strokeWidth: 3, paintOrder: "stroke" as const } : {};
          const tile = (
            <g
              key={r.code}
              transform={`translate(${r.col * (size + gap)}, ${r.row * (size + gap)})`}
              className={`tile tile--${state}`}
              data-region={r.code}
              data-state={state}
            >
              <rect
                width={size}
                height={size}
                rx={4}
                fill={fill}
                stroke={state === "none" ? "#4a5360" : "#ffffff"}
                strokeDasharray={state === "none" ? "3 3" : undefined}
              />
              <text x={size / 2} y={26} textAnchor="middle" fill={ink} className="tile-name" {...halo}>
                {r.short}
              </text>
              <text x={size / 2} y={48} textAnchor="middle" fill={ink} className="tile-value" {...halo}>
                {state === "none" ? "—" : v!.text}
              </text>
            </g>
          );
          return href ? (
            <a
              key={r.code}
              href={href(r.code)}
              className="tile-link"
              aria-label={t("statistics.region.tileLink", {
                name: names.get(r.code) ?? r.short,
                value: state === "none" ? t("statistics.noData") : v!.text,
              })}
            >
              {tile}
            </a>
          ) : (
            tile
          );
        })}
      </svg>
      <figcaption>
        <ul className="map-legend" aria-label={t("statistics.region.legend")}>
          {MAP_COLOURS.map((c, i) => (
            <li key={c}>
              <svg width="18" height="18" aria-hidden="true" focusable="false">
                <rect width="18" height="18" fill={c} stroke="#4a5360" />
              </svg>{" "}
              {t("statistics.region.range", {
                from: Math.round(edges[i]! * 10) / 10,
                to: Math.round(edges[i + 1]! * 10) / 10,
              })}
            </li>
          ))}
          <li>
            <svg width="18" height="18" aria-hidden="true" focusable="false">
              <defs>
                <Hatch id={`${id}-legend-hatch`} />
              </defs>
              <rect width="18" height="18" fill={`url(#${id}-legend-hatch)`} stroke="#4a5360" />
            </svg>{" "}
            {t("statistics.region.suppressedLegend")}
          </li>
          <li>
            <svg width="18" height="18" aria-hidden="true" focusable="false">
              <rect width="18" height="18" fill="#ffffff" stroke="#4a5360" strokeDasharray="3 3" />
            </svg>{" "}
            {t("statistics.region.noDataLegend")}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
