import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseView, usePublisher } from "~/cases/case-view";
import { presentCase } from "~/cases/presenter.server";
import { getPublishedCase } from "~/cases/public.server";
import { catalogueFilterOptions } from "~/catalogue/filters.server";
import { pageMeta, siteMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { isUuid, notFound } from "~/platform/http.server";

// Plain HTML, no scripts: nothing here needs JavaScript (decisions 018, 041).
export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageMeta(data.view.content.title, data.view.content.summary) : siteMeta(matches);

/** Public: only a published case; anything else is the same 404 whether or not it exists. */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!isUuid(params.caseId)) notFound();
  const found = (await getPublishedCase(params.caseId)) ?? notFound();
  return {
    publisher: found.publisher,
    isFictional: found.isFictional,
    publishedAt: found.publishedAt?.toISOString() ?? null,
    view: await presentCase(found.content),
    options: catalogueFilterOptions(),
  };
}

export default function PublicCase() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const publisher = usePublisher(d.options);
  return (
    <article aria-labelledby="case-title">
      <p className="muted">
        <Link to="/cases">{t("cases.back")}</Link>
      </p>
      <h1 id="case-title" lang={d.view.content.language === "zh" ? "zh-CN" : "en"}>
        {d.view.content.title}
      </h1>
      <p>
        {publisher(d.view.content, d.publisher)}
        {d.publishedAt ? (
          <span className="muted"> · {t("cases.publishedAt", { date: d.publishedAt.slice(0, 10) })}</span>
        ) : null}
      </p>
      {d.isFictional ? <p className="notice">{t("cases.fictionalNote")}</p> : null}
      <CaseView data={d.view} options={d.options} />
    </article>
  );
}
