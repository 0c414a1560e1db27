// The frame of a statistics page: its title, the view picker, a notice for a period the release lacks,
// and the "nothing published yet" state.
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { StatTable } from "~/statistics/publish/present";
import { StatTableView } from "~/statistics/publish/stat-table";
import { StatsBarChart } from "~/statistics/publish/stats-bar-chart";
import { ViewPicker, type PickerData } from "~/statistics/publish/view-picker";

export function StatsPage({ title, lead, picker, unknownPeriod, period, children }: { title: string; lead: string; picker: PickerData | null; unknownPeriod?: string | null; period?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{lead}</p>
      {picker ? <ViewPicker data={picker} /> : <p className="notice">{t("stats.none")}</p>}
      {unknownPeriod ? (
        <p className="notice" role="status">
          {t("stats.unknownPeriod", { period: unknownPeriod, shown: period })}
        </p>
      ) : null}
      {picker ? children : null}
    </>
  );
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

/** A statistics page with one table of mean scores by one dimension (industry, size): its chart and its table. */
export function SingleTableStatsPage({ id, page }: { id: "industry" | "size"; page: { picker: PickerData; unknownPeriod?: string | null; period: string; query: string; tables: Partial<Record<"industry" | "size", StatTable>> } | null }) {
  const table = page?.tables[id];
  const { t } = useTranslation();
  return (
    <StatsPage title={t(`stats.${id}.title`)} lead={t(`stats.${id}.lead`)} picker={page?.picker ?? null} unknownPeriod={page?.unknownPeriod} period={page?.period}>
      {page && table ? (
        <ChartSection id={id} title={t(`stats.${id}.chartTitle`, { period: page.period })}>
          <StatsBarChart table={table} column="mean" id={`chart-${id}`} title={table.caption} />
          <StatTableView table={table} query={page.query} />
        </ChartSection>
      ) : null}
    </StatsPage>
  );
}
