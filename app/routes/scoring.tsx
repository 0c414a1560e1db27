import { Link, useLoaderData } from "@remix-run/react";
import { exampleAnswers } from "~/assessment/example";
import { dimensionQuestions, previewHref } from "~/assessment/preview";
import { currentQuestionnaireVersion } from "~/assessment/questionnaire.server";
import { questionsOf } from "~/assessment/questions";
import { scoreAssessment } from "~/assessment/scoring";
import { pick } from "~/i18n/locales";
import { fixedMeta } from "~/i18n/meta";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { notFound } from "~/platform/http.server";
import { DataTable } from "~/ui/data-table";

/** A share as a percentage with one decimal place, without a trailing ".0". */
const percent = (x: number): string => `${String(Math.round(x * 1000) / 10)}%`;

// Plain HTML, no scripts: nothing here needs JavaScript (decisions 018, 041).
export const handle = { hydrate: false };

export const meta = fixedMeta("scoring.title", "scoring.lead");

// Drawn from the model the scoring uses, so the page cannot drift from the rules.
export async function loader() {
  const version = (await currentQuestionnaireVersion()) ?? notFound();
  const { model, compiled, definition } = version;
  const { answers, raised } = exampleAnswers(compiled);
  const result = scoreAssessment(compiled, answers);
  const raisedTitle = questionsOf(definition).find((q) => q.name === raised)!.title;
  return {
    id: version.id,
    title: model.title,
    dimensions: model.dimensions.map((d) => ({
      id: d.id,
      name: d.name,
      weight: d.weight,
      articles: d.articles,
      questions: model.indicators.filter((i) => i.dimension === d.id).length,
    })),
    byDimension: dimensionQuestions(model, definition).map((d) => ({
      id: d.id,
      name: d.name,
      share: d.share,
      questions: d.questions.map((q) => ({
        name: q.name,
        number: q.number,
        title: q.title,
        kind: q.kind,
        weight: q.weight,
        share: q.share,
        articles: q.articles,
      })),
    })),
    stages: model.stages,
    gates: model.gates.map((g) => ({ ...g, dimensionName: model.dimensions.find((d) => d.id === g.dimension)!.name })),
    weakestLink: (model.weakestLink ?? []).map((r) => ({
      id: r.id,
      maxStageAbove: r.maxStageAbove,
      explanation: r.explanation,
      foundation: r.foundation.map((id) => model.dimensions.find((d) => d.id === id)!.name),
    })),
    example: {
      raisedTitle,
      overall: result.overall,
      band: result.bandStage,
      stage: result.stage,
      dimensions: result.dimensions.map((d) => ({ id: d.id, score: d.score })),
    },
  };
}

export default function Scoring() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const name = (id: string) => pick(d.dimensions.find((x) => x.id === id)!.name, locale);
  return (
    <>
      <h1>{t("scoring.title")}</h1>
      <p className="lead">{t("scoring.lead")}</p>
      <p className="muted">
        {pick(d.title, locale)} ({d.id})
      </p>
      <h2>{t("scoring.steps")}</h2>
      <ol>
        <li>{t("scoring.step1")}</li>
        <li>{t("scoring.step2")}</li>
        <li>{t("scoring.step3")}</li>
        <li>{t("scoring.step4")}</li>
        <li>{t("scoring.step5")}</li>
      </ol>
      <h2>{t("scoring.dimensions")}</h2>
      <DataTable caption={t("scoring.dimensions")} captionClassName="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{t("report.dimension")}</th>
            <th scope="col">{t("report.weight")}</th>
            <th scope="col">{t("scoring.questions")}</th>
            <th scope="col">{t("report.articles")}</th>
          </tr>
        </thead>
        <tbody>
          {d.dimensions.map((x) => (
            <tr key={x.id}>
              <th scope="row">{pick(x.name, locale)}</th>
              <td>{Math.round(x.weight * 100)}%</td>
              <td>{x.questions}</td>
              <td>{x.articles.map((n) => t("guide.article", { number: n })).join("、")}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h2 id="questions">{t("scoring.byDimension")}</h2>
      <p>
        {t("scoring.byDimensionLead")} <Link to={previewHref(d.id)}>{t("scoring.readQuestionnaire")}</Link>
      </p>
      {d.byDimension.map((dim) => (
        <section key={dim.id} aria-labelledby={`dimension-${dim.id}`}>
          <h3 id={`dimension-${dim.id}`}>
            {t("scoring.dimensionShare", { dimension: pick(dim.name, locale), share: percent(dim.share) })}
          </h3>
          <DataTable
            caption={t("scoring.dimensionCaption", { dimension: pick(dim.name, locale) })}
            captionClassName="visually-hidden"
          >
            <thead>
              <tr>
                <th scope="col">{t("scoring.question")}</th>
                <th scope="col">{t("scoring.kind")}</th>
                <th scope="col">{t("scoring.weightInDimension")}</th>
                <th scope="col">{t("scoring.shareOfOverall")}</th>
                <th scope="col">{t("report.articles")}</th>
              </tr>
            </thead>
            <tbody>
              {dim.questions.map((q) => (
                <tr key={q.name}>
                  <th scope="row" className="wraps">
                    <Link to={previewHref(d.id, q.name)}>
                      {t("preview.questionNumber", { number: q.number })} {pick(q.title, locale)}
                    </Link>
                  </th>
                  <td>{t(`scoring.kinds.${q.kind}`)}</td>
                  <td>{percent(q.weight)}</td>
                  <td>{percent(q.share)}</td>
                  <td>
                    {q.articles.map((n, i) => (
                      <span key={n}>
                        {i > 0 ? t("preview.separator") : null}
                        <Link to={`/guide/${n}`}>{t("guide.article", { number: n })}</Link>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ))}
      <h2>{t("scoring.bands")}</h2>
      <DataTable caption={t("scoring.bands")} captionClassName="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{t("report.stage")}</th>
            <th scope="col">{t("scoring.range")}</th>
            <th scope="col">{t("report.meaning")}</th>
          </tr>
        </thead>
        <tbody>
          {d.stages.map((s, i) => (
            <tr key={s.stage}>
              <th scope="row">{t("report.stageName", { stage: s.stage, name: pick(s.name, locale) })}</th>
              <td>{i === d.stages.length - 1 ? `[${s.min}, ${s.max}]` : `[${s.min}, ${s.max})`}</td>
              <td>{pick(s.description, locale)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h2>{t("scoring.gates")}</h2>
      <ul>
        {d.gates.map((g) => (
          <li key={g.id}>
            {t("scoring.gate", { from: g.fromStage, dimension: pick(g.dimensionName, locale), min: g.minScore })}{" "}
            <span className="muted">{pick(g.explanation, locale)}</span>
          </li>
        ))}
      </ul>
      {d.weakestLink.length ? (
        <>
          <h2>{t("editions.scoringWeakestLink")}</h2>
          <ul>
            {d.weakestLink.map((r) => (
              <li key={r.id}>
                {t("editions.scoringWeakestLinkRule", {
                  above: r.maxStageAbove,
                  dimensions: r.foundation.map((n) => pick(n, locale)).join(t("preview.separator")),
                })}{" "}
                <span className="muted">{pick(r.explanation, locale)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("scoring.example")}</h2>
      <p>{t("scoring.exampleLead", { question: pick(d.example.raisedTitle, locale) })}</p>
      <DataTable caption={t("report.tableCaption")}>
        <thead>
          <tr>
            <th scope="col">{t("report.dimension")}</th>
            <th scope="col">{t("report.score")}</th>
          </tr>
        </thead>
        <tbody>
          {d.example.dimensions.map((x) => (
            <tr key={x.id}>
              <th scope="row">{name(x.id)}</th>
              <td>{x.score?.toFixed(1) ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p>
        {t("scoring.exampleResult", {
          overall: d.example.overall.toFixed(1),
          band: d.example.band,
          stage: d.example.stage,
        })}
      </p>
    </>
  );
}
