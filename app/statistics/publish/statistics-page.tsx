// The frame of a statistics page: its title, the view picker, a notice for a period the release lacks,
// and the "nothing published yet" state.
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { chartColumn, type Metric } from "~/statistics/publish/metric";
import type { StatTable } from "~/statistics/publish/present";
import { StatisticsBarChart } from "~/statistics/publish/statistics-bar-chart";
import { StatTableView } from "~/statistics/publish/statistics-table";
import { type PickerData, ViewPicker } from "~/statistics/publish/view-picker";

export function StatisticsPage({
  title,
  lead,
  picker,
  unknownPeriod,
  period,
  children,
}: {
  title: string;
  lead: string;
  picker: PickerData | null;
  unknownPeriod?: string | null;
  period?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{lead}</p>
      {picker ? <ViewPicker data={picker} /> : <p className="notice">{t("statistics.none")}</p>}
      {unknownPeriod ? (
        <p className="notice" role="status">
          {t("statistics.unknownPeriod", { period: unknownPeriod, shown: period })}
        </p>
      ) : null}
      {picker ? children : null}
    </>
  );
}

/** A chart's accessible title: the table's caption and which of its columns the chart draws. */
export function useChartTitle(): (table: StatTable, metric: Metric) => string {
  const { t } = useTranslation();
  return (table, metric) => `${table.caption} · ${t(`statistics.chartOf.${chartColumn(metric)}`)}`;
}

/** A chart with its table: a section headed by the chart's title. */
export function ChartSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="chart-section">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

/** A statistics page with one breakdown table (by industry, by size): its chart of the chosen metric and its table. */
export function SingleTableStatisticsPage({
  id,
  page,
}: {
  id: "industry" | "size";
  page: {
    picker: PickerData;
    unknownPeriod?: string | null;
    period: string;
    query: string;
    metric: Metric;
    measure: string;
    where: string;
    tables: Partial<Record<"industry" | "size", StatTable>>;
  } | null;
}) {
  const table = page?.tables[id];
  const { t } = useTranslation();
  const chartTitle = useChartTitle();
  return (
    <StatisticsPage
      title={t(`statistics.${id}.title`)}
      lead={t(`statistics.${id}.lead`)}
      picker={page?.picker ?? null}
      unknownPeriod={page?.unknownPeriod}
      period={page?.period}
    >
      {page && table ? (
        <ChartSection
          id={id}
          title={t(`statistics.${id}.chartTitle`, { period: page.period, measure: page.measure, where: page.where })}
        >
          <StatisticsBarChart
            table={table}
            column={chartColumn(page.metric)}
            id={`chart-${id}`}
            title={chartTitle(table, page.metric)}
          />
          <StatTableView table={table} query={page.query} />
        </ChartSection>
      ) : null}
    </StatisticsPage>
  );
}
