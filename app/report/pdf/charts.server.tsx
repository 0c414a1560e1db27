// The report's radar and bar charts as the page draws them (the same components, rendered to SVG
// markup), with the page stylesheet's chart colours written into the SVG: svg-to-pdfkit reads a
// <style> element with class selectors but not the page's CSS variables.
import { renderToStaticMarkup } from "react-dom/server";
import { BarChart, type BarMarks } from "~/ui/bar-chart";
import { RadarChart, type RadarSeries } from "~/ui/radar-chart";
import { TrendChart, type TrendPoint } from "~/ui/trend-chart";

export const PDF_COLOURS = {
  text: "#1b1f24",
  muted: "#4a5360",
  brand: "#0b4f8a",
  grid: "#c5ccd4",
  median: "#5a3e00",
  p75: "#8a1538",
  rule: "#b9c2cc",
  surface: "#f3f5f8",
} as const;

const c = PDF_COLOURS;
const CHART_STYLE = `
.chart-grid { fill: none; stroke: ${c.grid}; stroke-width: 1 }
.chart-label { fill: ${c.text}; font-size: 12px; font-family: sans }
.chart-tick { fill: ${c.muted}; font-size: 10px; font-family: sans }
.chart-value { fill: ${c.text}; font-size: 12px; font-weight: bold; font-family: sans }
.chart-bar { fill: ${c.brand} }
.chart-series { fill: ${c.brand}; fill-opacity: 0.2; stroke: ${c.brand}; stroke-width: 2.5 }
.chart-mark { stroke-width: 3 }
.mark-median { stroke: ${c.median} }
.mark-p75 { stroke: ${c.p75}; stroke-dasharray: 5 3 }
.series-median { fill: none; stroke: ${c.median} }
.series-p75 { fill: none; stroke: ${c.p75}; stroke-dasharray: 5 3 }
.trend .chart-series { fill: none }
.chart-point { fill: ${c.brand} }
`;

/** SVG markup with the chart palette inlined as a <style> element, ready for svg-to-pdfkit. */
function withStyle(markup: string): string {
  return markup.replace(/^<svg([^>]*)>/, `<svg xmlns="http://www.w3.org/2000/svg"$1><style>${CHART_STYLE}</style>`);
}

/** The radar with its viewBox widened sideways and trimmed at top and bottom: the page's box clips long axis labels. */
export function radarSvg(axes: string[], series: RadarSeries[], title: string): string {
  const size = 420;
  return withStyle(
    renderToStaticMarkup(
      <RadarChart axes={axes} series={series} title={title} id="pdf-radar" describedBy="pdf-dimensions" size={size} />,
    ).replace(/viewBox="[^"]+"/, `viewBox="${-size / 2 - 100} ${-size / 2 + 40} ${size + 200} ${size - 80}"`),
  );
}

export function barSvg(bars: Array<{ label: string; value: number | null }>, marks: BarMarks[], title: string): string {
  return withStyle(
    renderToStaticMarkup(
      <BarChart bars={bars} marks={marks} title={title} id="pdf-bars" describedBy="pdf-dimensions" />,
    ),
  );
}

/** The width and height of an SVG's viewBox, to place it at a given width. */
export function viewBoxSize(svg: string): { width: number; height: number } {
  const box = /viewBox="([^"]+)"/.exec(svg)?.[1]?.split(/\s+/).map(Number) ?? [0, 0, 100, 100];
  return { width: box[2] ?? 100, height: box[3] ?? 100 };
}

export function trendSvg(points: TrendPoint[], title: string): string {
  return withStyle(
    renderToStaticMarkup(<TrendChart points={points} title={title} id="pdf-trend" describedBy="pdf-history" />),
  );
}
