import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { I18nextProvider } from "react-i18next";
import { requireStaff } from "~/accounts/guard.server";
import { editionDetail } from "~/assessment/edition-admin.server";
import { previewOf } from "~/assessment/preview";
import { PreviewView } from "~/assessment/preview-view";
import { guide } from "~/guide/guide.server";
import { shownHeading } from "~/guide/official-heading";
import { i18nFor } from "~/i18n/i18n";
import { isLocale, type Locale } from "~/i18n/locales";
import { metaText, pageMeta, siteMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { notFound } from "~/platform/http.server";

// Plain server-rendered HTML, as the public preview: no script needed.
export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return siteMeta(matches);
  const t = metaText(matches);
  const language = t(`editions.languages.${data.lang}`);
  return pageMeta(t("editions.previewPageTitle", { id: data.id, language }), t("editions.previewLead"));
};

/**
 * Any edition, drafts included, for administrators only: the public preview's components in the
 * language asked for (`?lang=zh|en`), whatever the interface's language, so both can be checked.
 */
export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "admin");
  const detail = (await editionDetail(args.params.edition ?? "")) ?? notFound();
  const asked = new URL(args.request.url).searchParams.get("lang");
  const lang: Locale = isLocale(asked) ? asked : "zh";
  return {
    id: detail.row.id,
    status: detail.row.status,
    lang,
    preview: previewOf(detail.model, detail.definition, lang),
    articles: guide().articles.map((a) => ({ number: a.number, heading: shownHeading(a, lang) })),
  };
}

export default function AdminEditionPreview() {
  const { id, status, lang, preview, articles } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const other: Locale = lang === "zh" ? "en" : "zh";
  return (
    <>
      <p className="muted no-print">
        <Link to={`/admin/questionnaires/${id}`}>{id}</Link> ·{" "}
        <Link to={`/admin/questionnaires/${id}/preview?lang=${other}`} lang={other}>
          {t("editions.previewIn", { language: t(`editions.languages.${other}`) })}
        </Link>
      </p>
      <p className="notice">
        {t("editions.previewNote", {
          status: t(`editions.statuses.${status}`),
          language: t(`editions.languages.${lang}`),
        })}
      </p>
      <I18nextProvider i18n={i18nFor(lang)}>
        <div lang={lang}>
          <PreviewInLanguage id={id} preview={preview} articles={articles} />
        </div>
      </I18nextProvider>
    </>
  );
}

/** The public preview's page body, in the provider's language. */
function PreviewInLanguage(props: { id: string } & Parameters<typeof PreviewView>[0]) {
  const { t } = useTranslation();
  const { preview } = props;
  return (
    <>
      <h1>{preview.title}</h1>
      {preview.description ? <p className="lead">{preview.description}</p> : null}
      <p>
        {t("preview.counts", {
          pages: preview.pages.length,
          questions: preview.questionCount,
          scored: preview.scoredCount,
        })}
      </p>
      <PreviewView preview={preview} articles={props.articles} />
    </>
  );
}
