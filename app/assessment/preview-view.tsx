// The printable, read-only questionnaire: every page, question, option and evidence hint, each
// question with an anchor, naming the guide articles it assesses as links.
import { Link } from "@remix-run/react";
import type { Preview, PreviewQuestion } from "~/assessment/preview";
import { useTranslation } from "~/i18n/use-translation";

export interface ArticleLink {
  number: number;
  heading: string;
}

function Question({ q, articles }: { q: PreviewQuestion; articles: Map<number, ArticleLink> }) {
  const { t } = useTranslation();
  const titleId = `${q.anchor}-title`;
  return (
    <article id={q.anchor} className="preview-question" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span className="preview-number">{t("preview.questionNumber", { number: q.number })}</span> {q.title}
      </h3>
      <p className="muted">
        {q.multiple ? t("preview.multiple") : t("preview.single")} ·{" "}
        {q.dimension ? t("preview.dimension", { name: q.dimension.name }) : t("preview.notScored")}
      </p>
      {q.hint ? (
        <p className="preview-hint">
          <strong>{t("preview.hint")}</strong>
          {q.hint}
        </p>
      ) : null}
      <ul className="preview-options" aria-label={t("preview.options")}>
        {q.options.map((o) => (
          <li key={o.value}>
            <span aria-hidden="true">{q.multiple ? "☐" : "○"}</span> {o.text}
            {o.notApplicable ? (
              <span className="muted">{t("preview.notApplicable")}</span>
            ) : o.level !== null ? (
              <span className="muted">{t("preview.level", { level: o.level })}</span>
            ) : null}
          </li>
        ))}
        {q.none !== null ? (
          <li>
            <span aria-hidden="true">☐</span> {q.none || t("preview.noneItem")}
          </li>
        ) : null}
      </ul>
      {q.articles.length ? (
        <p className="preview-articles">
          <strong>{t("preview.articles")}</strong>
          {q.articles.map((n, i) => {
            const a = articles.get(n);
            return (
              <span key={n}>
                {i > 0 ? t("preview.separator") : null}
                <Link to={`/guide/${n}`}>
                  {t("guide.article", { number: n })}
                  {a ? ` ${a.heading}` : ""}
                </Link>
              </span>
            );
          })}
        </p>
      ) : null}
    </article>
  );
}

export function PreviewView({ preview, articles }: { preview: Preview; articles: ArticleLink[] }) {
  const { t } = useTranslation();
  const byNumber = new Map(articles.map((a) => [a.number, a]));
  return (
    <>
      <nav aria-labelledby="preview-contents" className="preview-contents">
        <h2 id="preview-contents">{t("preview.contents")}</h2>
        <ol>
          {preview.pages.map((p) => (
            <li key={p.name}>
              <a href={`#${p.anchor}`}>{p.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {preview.pages.map((p, i) => (
        <section key={p.name} id={p.anchor} aria-labelledby={`${p.anchor}-title`} className="preview-page">
          <h2 id={`${p.anchor}-title`}>{t("preview.pageTitle", { page: i + 1, title: p.title })}</h2>
          {p.description ? <p>{p.description}</p> : null}
          {p.questions.map((q) => (
            <Question key={q.name} q={q} articles={byNumber} />
          ))}
        </section>
      ))}
    </>
  );
}
