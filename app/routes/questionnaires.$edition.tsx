import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { previewOf } from "~/assessment/preview";
import { PreviewView } from "~/assessment/preview-view";
import { publicEdition } from "~/assessment/public-editions.server";
import { guide } from "~/guide/guide.server";
import { shownHeading } from "~/guide/official-heading";
import { metaText, pageMeta, siteMeta } from "~/i18n/meta";
import { requestI18n } from "~/i18n/server-t.server";
import { useTranslation } from "~/i18n/use-translation";
import { notFound } from "~/platform/http.server";
import { PrintButton } from "~/ui/print-button";

// Plain server-rendered HTML: the preview needs no script.
export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageMeta(data.preview.title, metaText(matches)("preview.indexLead")) : siteMeta(matches);

export async function loader(args: LoaderFunctionArgs) {
  const edition = (await publicEdition(args.params.edition ?? "")) ?? notFound();
  const { locale } = await requestI18n(args);
  const { version } = edition;
  return {
    id: version.id,
    status: edition.status,
    preview: previewOf(version.model, version.definition, locale),
    articles: guide().articles.map((a) => ({
      number: a.number,
      heading: shownHeading(a, locale),
    })),
  };
}

export default function QuestionnairePreview() {
  const { id, status, preview, articles } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p className="muted no-print">
        <Link to="/questionnaires">{t("preview.backToIndex")}</Link>
      </p>
      <h1>{preview.title}</h1>
      <p className="muted">
        {t("preview.edition")}: {id} · {t(`preview.statuses.${status}`)}
      </p>
      {status === "retired" ? <p className="notice">{t("preview.retiredNote")}</p> : null}
      {preview.description ? <p className="lead">{preview.description}</p> : null}
      <p>{t("preview.readOnly")}</p>
      <p>
        {t("preview.counts", {
          pages: preview.pages.length,
          questions: preview.questionCount,
          scored: preview.scoredCount,
        })}{" "}
        <Link to="/scoring">{t("preview.scoring")}</Link>
      </p>
      <p className="no-print">
        <PrintButton label={t("preview.print")} />
      </p>
      <PreviewView preview={preview} articles={articles} />
    </>
  );
}
