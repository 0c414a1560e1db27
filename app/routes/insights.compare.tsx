import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { DimensionProfile, StackedStages, TrendLines } from "~/insights/charts";
import { MAX_GROUPS } from "~/insights/compare";
import { InsightsFrame } from "~/insights/insights-frame";
import { loadCompare } from "~/insights/views.server";
import { StatisticsBarChart } from "~/statistics/publish/statistics-bar-chart";
import { ChartSection } from "~/statistics/publish/statistics-page";
import { StatTableView } from "~/statistics/publish/statistics-table";

// Plain HTML: a GET form with a native type-ahead list (<datalist>), so it works without JavaScript.
export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · QMD Portal` }];

export async function loader(args: LoaderFunctionArgs) {
  return (await loadCompare(args, "page")).page;
}

export default function Compare() {
  const { title, frame, view } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const form = view?.parsed.form;
  const problems = view?.parsed.state === "invalid" ? view.parsed.problems : [];
  const tables = view?.tables ?? null;
  const downloads = (id: string) => `/insights/tables/compare-${id}`;
  const period = view?.period ?? "";
  return (
    <InsightsFrame
      title={title}
      lead={t("insights.compare.lead")}
      frame={frame}
      share={tables && view ? `/insights/compare?${view.query}` : null}
    >
      {view && form ? (
        <form
          method="get"
          action="/insights/compare"
          className="stack no-print"
          aria-label={t("insights.compare.form")}
        >
          {problems.length ? (
            <div className="error-summary" role="alert" aria-labelledby="compare-errors">
              <h2 id="compare-errors">{t("insights.errors.title")}</h2>
              <ul>
                {problems.map((p, i) => (
                  <li key={i}>
                    <a href={p.field === "groups" ? "#compare-g1" : `#compare-${p.field}`}>{t(p.message, p.values)}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <input type="hidden" name="release" value={view.facts.number} />
          <fieldset className="field" id="compare-by">
            <legend>{t("insights.compare.by")}</legend>
            {(["region", "industry", "size"] as const).map((by) => (
              <label key={by} className="choice">
                <input type="radio" name="by" value={by} defaultChecked={form.by === by} />{" "}
                {t(`insights.compare.by${by[0]!.toUpperCase()}${by.slice(1)}` as "insights.compare.byRegion")}
              </label>
            ))}
          </fieldset>
          <datalist id="insights-names">
            {view.datalist.map((o) => (
              <option key={`${o.kind}-${o.value}`} value={o.value} />
            ))}
          </datalist>
          <fieldset className="field">
            <legend>{t("insights.compare.group", { n: `1–${MAX_GROUPS}` })}</legend>
            <p id="compare-groups-hint" className="hint">
              {t("insights.compare.groupHint")}
            </p>
            <div className="compare-groups">
              {Array.from({ length: MAX_GROUPS }, (_, i) => (
                <div key={i} className="field">
                  <label htmlFor={`compare-g${i + 1}`}>{t("insights.compare.group", { n: i + 1 })}</label>
                  <input
                    id={`compare-g${i + 1}`}
                    name="g"
                    list="insights-names"
                    autoComplete="off"
                    defaultValue={form.groups[i] ?? ""}
                    aria-describedby="compare-groups-hint"
                    aria-invalid={problems.some((p) => p.field === "groups") || undefined}
                  />
                </div>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="compare-within">{t("insights.compare.within")}</label>
            <input
              id="compare-within"
              name="within"
              list="insights-names"
              autoComplete="off"
              defaultValue={form.within}
              aria-describedby="compare-within-hint"
              aria-invalid={problems.some((p) => p.field === "within") || undefined}
            />
            <p id="compare-within-hint" className="hint">
              {t("insights.compare.withinHint")}
            </p>
          </div>
          <div className="field">
            <label htmlFor="compare-period">{t("insights.compare.period")}</label>
            <select id="compare-period" name="period" defaultValue={form.period}>
              {view.periods.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field" id="compare-mode">
            <legend>{t("insights.compare.mode")}</legend>
            {(["period", "trend"] as const).map((mode) => (
              <label key={mode} className="choice">
                <input type="radio" name="mode" value={mode} defaultChecked={form.mode === mode} />{" "}
                {t(mode === "period" ? "insights.compare.modePeriod" : "insights.compare.modeTrend")}
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button type="submit" className="button">
              {t("insights.compare.submit")}
            </button>
          </div>
        </form>
      ) : null}
      {tables && view && "within" in view && view.within?.name ? (
        <p className="lead">{t("insights.compare.withinShown", { name: view.within.name })}</p>
      ) : null}
      {tables && view ? (
        <div data-testid="compare-result">
          <ChartSection id="compare-summary" title={t("insights.compare.meanChart", { period })}>
            <StatisticsBarChart
              table={tables.summary}
              column="mean"
              id="chart-compare-mean"
              title={t("insights.compare.meanChart", { period })}
            />
            <StatTableView table={tables.summary} query={view.query} downloads={downloads("summary")} />
          </ChartSection>
          <ChartSection id="compare-stages" title={t("insights.compare.stagesChart", { period })}>
            <StackedStages
              table={tables.stages}
              id="chart-compare-stages"
              title={t("insights.compare.stagesChart", { period })}
            />
            <StatTableView table={tables.stages} query={view.query} downloads={downloads("stages")} />
          </ChartSection>
          <ChartSection id="compare-dimensions" title={t("insights.compare.dimensionsChart", { period })}>
            <DimensionProfile
              table={tables.dimensions}
              id="chart-compare-dimensions"
              title={t("insights.compare.dimensionsChart", { period })}
            />
            <StatTableView table={tables.dimensions} query={view.query} downloads={downloads("dimensions")} />
            <StatTableView table={tables.weakest} query={view.query} downloads={downloads("weakest")} />
          </ChartSection>
          {tables.trend ? (
            <ChartSection id="compare-trend" title={t("insights.compare.trendChart")}>
              <TrendLines
                table={tables.trend}
                column="mean"
                id="chart-compare-trend"
                title={t("insights.compare.trendChart")}
              />
              <StatTableView table={tables.trend} query={view.query} downloads={downloads("trend")} />
            </ChartSection>
          ) : null}
        </div>
      ) : null}
    </InsightsFrame>
  );
}
