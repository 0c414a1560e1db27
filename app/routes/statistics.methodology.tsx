import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { fixedMeta } from "~/i18n/meta";
import { requestI18n } from "~/i18n/server-t.server";
import { useTranslation } from "~/i18n/use-translation";
import { suppressionMarks } from "~/statistics/publish/present";
import { ReleaseFacts } from "~/statistics/publish/release-facts";
import { StatisticsPage } from "~/statistics/publish/statistics-page";
import { releaseFacts, releaseOptions, requestedRelease } from "~/statistics/publish/view.server";
import { type DisclosureRules, SUPPRESSION_REASONS } from "~/statistics/types";
import { DataTable } from "~/ui/data-table";

export const meta = fixedMeta("statistics.methodology.title", "statistics.methodology.lead");

const RULES: Array<keyof DisclosureRules> = [
  "minUnitsForScores",
  "minUnitsForCounts",
  "minFirmsPerStage",
  "quantileTailUnits",
  "dominanceSlack",
  "minChangedUnits",
  "minHistogramBin",
  "kBenchmark",
];

export async function loader(args: LoaderFunctionArgs) {
  const found = await requestedRelease(args);
  if (!found) return { release: null };
  const { release } = found;
  const { locale } = await requestI18n(args);
  const m = release.methodology;
  return {
    release: releaseFacts(release),
    releases: await releaseOptions(),
    // A rule a release predates (minFirmsPerStage before decision 023) is not listed for it.
    rules: RULES.map((id) => ({ id, value: m.rules[id] })).filter((r) => r.value !== undefined),
    marks: suppressionMarks(m.rules.minUnitsForScores),
    minUnits: m.rules.minUnitsForScores,
    note: m.note[locale],
    dimensions: m.dimensions.map((d) => ({ id: d.id, name: d.name[locale] })),
    firstPeriod: release.periods[release.periods.length - 1]!,
  };
}

export default function StatisticsMethodology() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!d.release)
    return (
      <StatisticsPage title={t("statistics.methodology.title")} lead={t("statistics.methodology.lead")} picker={null} />
    );
  const n = d.release.number;
  return (
    <>
      <h1>{t("statistics.methodology.title")}</h1>
      <p className="lead">{t("statistics.methodology.lead")}</p>
      <ReleaseFacts release={d.release} methodologyQuery={`?release=${n}`} />
      {d.note ? <p>{d.note}</p> : null}
      <h2>{t("statistics.methodology.rulesTitle")}</h2>
      <DataTable caption={t("statistics.methodology.rulesCaption", { number: n })}>
        <thead>
          <tr>
            <th scope="col">{t("statistics.methodology.rule")}</th>
            <th scope="col" className="num">
              {t("statistics.methodology.value")}
            </th>
          </tr>
        </thead>
        <tbody>
          {d.rules.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="wraps">
                {t(`statistics.methodology.rules.${r.id}`)}
              </th>
              <td className="num">{r.value}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p>{t("statistics.methodology.never")}</p>
      <h2>{t("statistics.methodology.reasonsTitle")}</h2>
      <dl className="reasons">
        {SUPPRESSION_REASONS.map((reason) => (
          <div key={reason}>
            <dt>
              <strong>{d.marks[reason]}</strong> {t(`statistics.reasons.${reason}`, { n: d.minUnits })}
            </dt>
            <dd>{t(`statistics.methodology.reasonDetail.${reason}`, { n: d.minUnits })}</dd>
          </div>
        ))}
        <div>
          <dt>
            <strong>—</strong> {t("statistics.withheld")}
          </dt>
          <dd>{t("statistics.methodology.withheldDetail")}</dd>
        </div>
      </dl>
      <h2>{t("statistics.methodology.presentationTitle")}</h2>
      <p>{t("statistics.methodology.presentation")}</p>
      <h2>{t("statistics.methodology.dimensionsTitle")}</h2>
      <ul>
        {d.dimensions.map((x) => (
          <li key={x.id}>
            {x.name} <code>{x.id}</code>
          </li>
        ))}
      </ul>
      <h2>{t("statistics.methodology.openDataTitle")}</h2>
      <p>{t("statistics.methodology.openData")}</p>
      <ul>
        <li>
          <a href="/api/v1/openapi.json">{t("statistics.methodology.openapi")}</a>
        </li>
        <li>
          <a href={`/api/v1/releases/${n}`}>
            <code>/api/v1/releases/{n}</code>
          </a>
        </li>
        <li>
          <a href={`/api/v1/releases/${n}/cells?period=${encodeURIComponent(d.firstPeriod)}&region=*&size=*`}>
            <code>
              /api/v1/releases/{n}/cells?period={d.firstPeriod}&amp;region=*&amp;size=*
            </code>
          </a>
          {" · "}
          <a href={`/api/v1/releases/${n}/cells.csv?period=${encodeURIComponent(d.firstPeriod)}&region=*&size=*`}>
            CSV
          </a>
          {" · "}
          <a href={`/api/v1/releases/${n}/cells.xlsx?period=${encodeURIComponent(d.firstPeriod)}&region=*&size=*`}>
            XLSX
          </a>
        </li>
      </ul>
    </>
  );
}
