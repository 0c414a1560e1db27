import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { StackedStages } from "~/insights/charts";
import { InsightsFrame } from "~/insights/insights-frame";
import { loadAdoption } from "~/insights/views.server";
import { StatisticsLineChart } from "~/statistics/publish/line-chart";
import { StatisticsBarChart } from "~/statistics/publish/statistics-bar-chart";
import { ChartSection } from "~/statistics/publish/statistics-page";
import { StatTableView } from "~/statistics/publish/statistics-table";

export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · QMD Portal` }];

export async function loader(args: LoaderFunctionArgs) {
  return (await loadAdoption(args, "page")).page;
}

export default function Adoption() {
  const { title, frame, view } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const downloads = (id: string) => `/insights/tables/adoption-${id}`;
  return (
    <InsightsFrame
      title={title}
      lead={t("insights.adoption.lead")}
      frame={frame}
      share={view ? `/insights/adoption?${view.query}` : null}
    >
      {view ? (
        <>
          <form
            method="get"
            action="/insights/adoption"
            className="filters no-print"
            aria-label={t("insights.adoption.form")}
          >
            <input type="hidden" name="release" value={view.facts.number} />
            <div className="field">
              <label htmlFor="adoption-region">{t("insights.adoption.region")}</label>
              <select id="adoption-region" name="region" defaultValue={view.region}>
                {view.regionOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="adoption-period">{t("insights.adoption.period")}</label>
              <select id="adoption-period" name="period" defaultValue={view.period}>
                {view.periods.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </div>
            <div className="actions">
              <button type="submit" className="button">
                {t("insights.adoption.submit")}
              </button>
            </div>
          </form>
          <h2 data-testid="adoption-region">{view.regionName}</h2>
          <ChartSection id="adoption-periods" title={t("insights.adoption.periodsChart", { region: view.regionName })}>
            <StatisticsLineChart
              table={view.tables.periods}
              column="mean"
              id="chart-adoption-periods"
              title={t("insights.adoption.periodsChart", { region: view.regionName })}
            />
            <StackedStages
              table={view.tables.periods}
              id="chart-adoption-stages"
              title={t("insights.adoption.stagesChart", { region: view.regionName })}
            />
            <StatTableView table={view.tables.periods} query={view.query} downloads={downloads("periods")} />
            <StatTableView table={view.tables.weakest} query={view.query} downloads={downloads("weakest")} />
          </ChartSection>
          <ChartSection
            id="adoption-industries"
            title={t("insights.adoption.industriesChart", { region: view.regionName, period: view.period })}
          >
            <StatisticsBarChart
              table={view.tables.industries}
              column="mean"
              id="chart-adoption-industries"
              title={t("insights.adoption.industriesChart", { region: view.regionName, period: view.period })}
            />
            <StatTableView table={view.tables.industries} query={view.query} downloads={downloads("industries")} />
          </ChartSection>
          {view.tables.regions ? (
            <ChartSection id="adoption-regions" title={t("insights.adoption.regionsChart", { period: view.period })}>
              <StatisticsBarChart
                table={view.tables.regions}
                column="mean"
                id="chart-adoption-regions"
                title={t("insights.adoption.regionsChart", { period: view.period })}
              />
              <StatTableView table={view.tables.regions} query={view.query} downloads={downloads("regions")} />
            </ChartSection>
          ) : view.tables.cities ? (
            <ChartSection
              id="adoption-cities"
              title={t("insights.adoption.citiesChart", { region: view.regionName, period: view.period })}
            >
              <p className="notice">{t("insights.adoption.citiesNote")}</p>
              <StatisticsBarChart
                table={view.tables.cities}
                column="mean"
                id="chart-adoption-cities"
                title={t("insights.adoption.citiesChart", { region: view.regionName, period: view.period })}
              />
              <StatTableView table={view.tables.cities} query={view.query} downloads={downloads("cities")} />
            </ChartSection>
          ) : null}
          <StatTableView table={view.tables.sizes} query={view.query} downloads={downloads("sizes")} />
        </>
      ) : null}
    </InsightsFrame>
  );
}
