import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { previewHref, questionArticleIndex } from "~/assessment/preview";
import { currentQuestionnaireVersion } from "~/assessment/questionnaire.server";
import { toLocalized } from "~/assessment/questions";
import { CaseList } from "~/cases/case-list";
import { publishedCasesFor } from "~/cases/public.server";
import { catalogueFilterOptions } from "~/catalogue/filters.server";
import { guide } from "~/guide/guide.server";
import { officialArticleHeading } from "~/guide/headings";
import { OfficialHeading, shownHeading } from "~/guide/official-heading";
import { pick } from "~/i18n/locales";
import { metaLocale, metaText, pageMeta, siteMeta } from "~/i18n/meta";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { notFound } from "~/platform/http.server";
import { scenesForArticle } from "~/scenes/scene.server";

// Plain HTML, no scripts: nothing here needs JavaScript (decisions 018, 041).
export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return siteMeta(matches);
  const locale = metaLocale(matches);
  const title = metaText(matches)("meta.article", {
    number: data.article.number,
    title: pick(data.article.title, locale),
  });
  return pageMeta(title, pick(data.article.summary, locale));
};

export async function loader(args: LoaderFunctionArgs) {
  const { params } = args;
  const number = /^\d{1,2}$/.test(params.article ?? "") ? Number(params.article) : NaN;
  const g = guide();
  const article = g.articles.find((a) => a.number === number);
  if (!article) notFound();
  const chapter = g.chapters.find((c) => c.number === article.chapter)!;
  const [scenes, cases, edition] = await Promise.all([
    scenesForArticle(number),
    publishedCasesFor({ article: number }),
    currentQuestionnaireVersion(),
  ]);
  const questions = edition
    ? (questionArticleIndex(edition.model, edition.definition).questionsFor.get(number) ?? []).map((q) => ({
        name: q.name,
        number: q.number,
        title: q.title,
      }))
    : [];
  return {
    article,
    chapter: { number: chapter.number, title: chapter.title, officialHeading: chapter.officialHeading },
    count: g.articles.length,
    scenes: scenes.map((s) => ({ slug: s.slug, title: s.title })),
    cases,
    options: catalogueFilterOptions(),
    edition: edition ? { id: edition.id, title: toLocalized(edition.definition.title) } : null,
    questions,
  };
}

export default function GuideArticle() {
  const { article, chapter, count, scenes, cases, options, edition, questions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  return (
    <article aria-labelledby="article-title">
      <p className="muted">
        <Link to={`/guide#chapter-${chapter.number}`}>
          {t("guide.chapter", { number: chapter.number })} {shownHeading(chapter, locale)}
        </Link>
      </p>
      <h1 id="article-title">
        {t("guide.article", { number: article.number })} {shownHeading(article, locale)}
      </h1>
      <OfficialHeading official={officialArticleHeading(article)} title={article.title} locale={locale} />
      <p className="lead">{pick(article.summary, locale)}</p>
      <h2>{t("guide.keyPoints")}</h2>
      <ul>
        {article.keyPoints.map((p, i) => (
          <li key={i}>{pick(p, locale)}</li>
        ))}
      </ul>
      <h2>{t("guide.forFirms")}</h2>
      <p>{pick(article.forFirms, locale)}</p>
      <p>
        <strong>{t("guide.audience")}:</strong>{" "}
        {article.audience.map((a) => (
          <span className="tag" key={a}>
            {t(`guide.audiences.${a}`)}
          </span>
        ))}
      </p>
      {edition ? (
        <section aria-labelledby="article-questions">
          <h2 id="article-questions">{t("guide.questions")}</h2>
          {questions.length ? (
            <>
              <p>{t("guide.questionsLead", { edition: pick(edition.title, locale) })}</p>
              <ul>
                {questions.map((q) => (
                  <li key={q.name}>
                    <Link to={previewHref(edition.id, q.name)}>
                      {t("preview.questionNumber", { number: q.number })} {pick(q.title, locale)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>
              {t("guide.noQuestions")} <Link to={previewHref(edition.id)}>{t("guide.readQuestionnaire")}</Link>
            </p>
          )}
        </section>
      ) : null}
      {scenes.length ? (
        <>
          <h2>{t("guide.scenes")}</h2>
          <ul>
            {scenes.map((s) => (
              <li key={s.slug}>
                <Link to={`/scenes/${s.slug}`}>{pick(s.title, locale)}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {cases.length ? (
        <>
          <h2>{t("cases.forArticle")}</h2>
          <CaseList cases={cases} options={options} />
        </>
      ) : null}
      <nav className="pager" aria-label={t("guide.title")}>
        {article.number > 1 ? (
          <Link to={`/guide/${article.number - 1}`} rel="prev">
            ← {t("guide.previous")}
          </Link>
        ) : (
          <span />
        )}
        {article.number < count ? (
          <Link to={`/guide/${article.number + 1}`} rel="next">
            {t("guide.next")} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </article>
  );
}
