import { Link, useLoaderData } from "@remix-run/react";
import { guide } from "~/guide/guide.server";
import { officialArticleHeading, officialChapterHeading } from "~/guide/headings";
import { HeadingNote, OfficialHeading, shownHeading } from "~/guide/official-heading";
import { type Locale, pick } from "~/i18n/locales";
import { fixedMeta } from "~/i18n/meta";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";

// Plain HTML, no scripts: nothing here needs JavaScript (decisions 018, 041).
export const handle = { hydrate: false };

export const meta = fixedMeta("guide.title", "guide.lead");

export function loader() {
  const g = guide();
  return {
    title: g.title,
    document: g.document,
    interpretation: g.interpretation,
    chapters: g.chapters,
    articles: g.articles.map((a) => ({
      number: a.number,
      title: a.title,
      officialHeading: a.officialHeading,
      summary: a.summary,
    })),
  };
}

export default function GuideIndex() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale: Locale = useRouteLocale();
  return (
    <>
      <h1>{t("guide.title")}</h1>
      <p className="lead">{t("guide.lead")}</p>
      <p>
        <Link to="/questionnaires">{t("guide.questionnaires")}</Link>
      </p>
      <p>
        <strong>{t("guide.document")}:</strong> {pick(data.title, locale)}（{data.document.number}）
      </p>
      <p>{pick(data.document.about, locale)}</p>
      {data.chapters.map((c) => (
        <section key={c.number} aria-labelledby={`chapter-${c.number}`}>
          <h2 id={`chapter-${c.number}`}>
            {t("guide.chapter", { number: c.number })} {shownHeading(c, locale)}
          </h2>
          <OfficialHeading official={officialChapterHeading(c)} title={c.title} locale={locale} />
          <p>{pick(c.summary, locale)}</p>
          <ul className="article-list">
            {c.articles.map((n) => {
              const a = data.articles.find((x) => x.number === n)!;
              return (
                <li key={n}>
                  <Link to={`/guide/${n}`}>
                    {t("guide.article", { number: n })} {shownHeading(a, locale)}
                  </Link>{" "}
                  <HeadingNote official={officialArticleHeading(a)} title={a.title} locale={locale} />
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <h2>{t("guide.interpretation")}</h2>
      <p>{pick(data.interpretation, locale)}</p>
    </>
  );
}
