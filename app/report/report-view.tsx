// The firm's report, shared by the page and the downloadable file.
import { type Locale, pick } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";
import type { ReportData } from "~/report/assemble";
import { PeerBenchmarkSection } from "~/report/peer-benchmark-section";
import { gapText } from "~/report/peer-text";
import { signedChange } from "~/report/progress";
import { ProgressSection } from "~/report/progress-section";
import { BarChart } from "~/ui/bar-chart";
import { DataTable } from "~/ui/data-table";
import { RadarChart } from "~/ui/radar-chart";

export function ReportView({
  report,
  locale,
  articleHref,
  sceneHref,
  caseHref,
}: {
  report: ReportData;
  locale: Locale;
  articleHref: (n: number) => string;
  sceneHref: (slug: string) => string;
  caseHref: (id: string) => string;
}) {
  const { t } = useTranslation();
  const names = report.dimensions.map((d) => pick(d.name, locale));
  const peerLines =
    report.peers.status === "ok"
      ? report.dimensions.map(
          (d) =>
            (report.peers.status === "ok" ? report.peers.peers.dimensions[d.id] : undefined) ?? {
              median: null,
              p75: null,
            },
        )
      : null;
  const medians = peerLines?.map((l) => l.median) ?? [];
  const tops = peerLines?.map((l) => l.p75) ?? [];
  const complete = (xs: Array<number | null>) => xs.length > 0 && xs.every((x) => x !== null);
  const radarSeries = [
    { label: t("report.score"), values: report.dimensions.map((d) => d.score), className: "series-firm" },
    ...(complete(medians) ? [{ label: t("benchmark.median"), values: medians, className: "series-median" }] : []),
    ...(complete(tops) ? [{ label: t("benchmark.p75"), values: tops, className: "series-p75" }] : []),
  ];
  const barMarks = peerLines
    ? [
        { values: medians, className: "mark-median" },
        { values: tops, className: "mark-p75" },
      ]
    : [];
  const articles = (ns: number[]) =>
    ns.map((n, i) => (
      <span key={n}>
        {i > 0 ? "、" : ""}
        <a href={articleHref(n)}>{t("guide.article", { number: n })}</a>
      </span>
    ));
  return (
    <>
      <h1>{t("report.title", { period: report.period })}</h1>
      <p className="muted">
        {report.firmName} · {t("report.submittedAt")} {report.submittedAt.slice(0, 10)} ·{" "}
        {t("report.versions", {
          questionnaire: report.versions.questionnaire,
          model: report.versions.model,
          version: report.versions.modelVersion,
        })}
      </p>
      <div className="score-hero">
        <div>
          <p className="muted">{t("report.overall")}</p>
          <p className="figure" data-testid="overall-score">
            {report.overall.toFixed(1)} <small>{t("report.outOf")}</small>
          </p>
        </div>
        <div>
          <p className="muted">{t("report.stage")}</p>
          <p className="figure" data-testid="stage">
            {t("report.stageName", { stage: report.stage.number, name: pick(report.stage.name, locale) })}
          </p>
        </div>
      </div>
      <h2>{t("report.meaning")}</h2>
      <p>{pick(report.stage.description, locale)}</p>
      {report.held.length > 0 ? (
        <div className="notice">
          <p>{t("report.held", { band: report.bandStage, stage: report.stage.number })}</p>
          <ul>
            {report.held.map((h) => (
              <li key={h.id}>{pick(h.explanation, locale)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2>{t("report.next")}</h2>
      <p>{report.nextStage ? pick(report.stage.nextStep, locale) : t("report.top")}</p>

      <h2>{t("report.dimensions")}</h2>
      <div className="charts">
        <RadarChart
          axes={names}
          series={radarSeries}
          title={t("report.radarTitle")}
          id="radar-chart"
          describedBy="dimension-table-caption"
        />
        <BarChart
          bars={report.dimensions.map((d, i) => ({ label: names[i]!, value: d.score }))}
          marks={barMarks}
          title={t("report.barTitle")}
          id="bar-chart"
          describedBy="dimension-table-caption"
        />
      </div>
      {peerLines ? (
        <ul className="legend">
          <li>
            <span className="swatch firm" aria-hidden="true" />
            {t("report.score")}
          </li>
          <li>
            <span className="swatch median" aria-hidden="true" />
            {t("benchmark.median")}
          </li>
          <li>
            <span className="swatch p75" aria-hidden="true" />
            {t("benchmark.p75")}
          </li>
        </ul>
      ) : null}
      <DataTable captionId="dimension-table-caption" caption={t("report.tableCaption")}>
        <thead>
          <tr>
            <th scope="col">{t("report.dimension")}</th>
            <th scope="col">{t("report.score")}</th>
            <th scope="col">{t("report.level")}</th>
            {peerLines ? <th scope="col">{t("benchmark.median")}</th> : null}
            {peerLines ? <th scope="col">{t("benchmark.p75")}</th> : null}
            <th scope="col">{t("report.weight")}</th>
            <th scope="col">{t("report.answered")}</th>
            <th scope="col">{t("report.articles")}</th>
          </tr>
        </thead>
        <tbody>
          {report.dimensions.map((d, i) => (
            <tr key={d.id}>
              <th scope="row">{names[i]}</th>
              <td>{d.score === null ? t("report.notApplicable") : d.score.toFixed(1)}</td>
              <td>{d.level ?? t("report.noScore")}</td>
              {peerLines ? <td>{peerLines[i]!.median ?? "—"}</td> : null}
              {peerLines ? <td>{peerLines[i]!.p75 ?? "—"}</td> : null}
              <td>{Math.round(d.weight * 100)}%</td>
              <td>{`${d.answered}/${d.total}`}</td>
              <td>{articles(d.articles)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <h2>{t("report.priorities")}</h2>
      <p className="muted">
        {peerLines ? t("report.prioritiesLeadPeers") : t("report.prioritiesLead")}
        {report.priorities.some((p) => p.targetBasis === "maximum")
          ? ` ${t(peerLines ? "report.maximumSomeDimensions" : "report.maximumNoPeers")}`
          : ""}
      </p>
      {report.priorities.length === 0 ? <p>{t("report.noPriorities")}</p> : null}
      <ol className="plain-list">
        {report.priorities.map((p) => (
          <li key={pick(p.dimension, locale)} className="priority">
            <h3>
              {pick(p.dimension, locale)} · {p.score.toFixed(1)} ·{" "}
              {gapText(t as (key: string, options?: Record<string, unknown>) => string, p)}
              {p.heldStage ? <span className="tag"> {t("report.heldStage")}</span> : null}
            </h3>
            {p.recommendation ? (
              <>
                <p>
                  <strong>{pick(p.recommendation.title, locale)}</strong>
                </p>
                <ul>
                  {p.recommendation.actions.map((a, i) => (
                    <li key={i}>{pick(a, locale)}</li>
                  ))}
                </ul>
                <p className="muted">{articles(p.recommendation.articles)}</p>
                {p.recommendation.scenes.length > 0 ? (
                  <>
                    <p>
                      <strong>{t("report.scenes")}</strong>
                    </p>
                    <ul>
                      {p.recommendation.scenes.map((s) => (
                        <li key={s.slug}>
                          <a href={sceneHref(s.slug)}>{pick(s.title, locale)}</a>
                          {s.sameIndustry ? <span className="tag"> {t("report.sameIndustry")}</span> : null}
                          {s.otherIndustry ? <span className="tag tag-other"> {t("report.otherIndustry")}</span> : null}
                          <br />
                          <span className="muted">{pick(s.summary, locale)}</span>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {p.recommendation.cases.length > 0 ? (
                  <>
                    <p>
                      <strong>{t("report.cases")}</strong>
                    </p>
                    <ul>
                      {p.recommendation.cases.map((c) => (
                        <li key={c.id}>
                          <a href={caseHref(c.id)}>{c.title}</a>
                          {c.sameIndustry ? <span className="tag"> {t("report.sameIndustry")}</span> : null}
                          {c.fictional ? <span className="tag"> {t("cases.fictional")}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </>
            ) : null}
          </li>
        ))}
      </ol>

      <h2>{t("report.peers")}</h2>
      <PeerBenchmarkSection outcome={report.peers} score={report.overall} locale={locale} />

      <h2>{t("report.progress")}</h2>
      {report.history.length <= 1 ? (
        <p>{t("report.noPrevious")}</p>
      ) : (
        <DataTable captionId="history-table-caption" caption={t("report.progress")} captionClassName="visually-hidden">
          <thead>
            <tr>
              <th scope="col">{t("assessment.period")}</th>
              <th scope="col">{t("progress.edition")}</th>
              <th scope="col">{t("report.overall")}</th>
              <th scope="col">{t("report.stage")}</th>
              <th scope="col">{t("report.change")}</th>
            </tr>
          </thead>
          <tbody>
            {report.history.map((h) => (
              <tr key={h.period} aria-current={h.current ? "true" : undefined}>
                <th scope="row">{h.period}</th>
                <td>{h.edition ?? "—"}</td>
                <td>{h.overall.toFixed(1)}</td>
                <td>{h.stage}</td>
                <td>{signedChange(h.change)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {report.progress ? (
        <ProgressSection
          progress={report.progress}
          report={report}
          locale={locale}
          describedBy="history-table-caption"
        />
      ) : null}
    </>
  );
}
