// One case, as the public, the firm and the reviewer see it. The HTML parts come from the
// server's markdown sanitiser (app/cases/markdown.server.ts), never from raw input.
import { Link } from "@remix-run/react";
import type { CaseContent } from "~/cases/schema";
import type { CaseStatus } from "~/cases/workflow";
import type { CatalogueOptions } from "~/catalogue/catalogue-filters";
import { pick } from "~/i18n/locales";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { DataTable } from "~/ui/data-table";

type Named = { id: string; zh: string; en: string };

export interface CaseViewData {
  content: CaseContent;
  problemHtml: string;
  approachHtml: string;
  scenes: Array<{ slug: string; title: { zh: string; en: string } }>;
}

/** "浙江省一家中型汽车制造业企业" or the firm's name, as the firm chose. */
export function usePublisher(options: Pick<CatalogueOptions, "regions" | "sizes" | "divisions">) {
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const name = (list: Named[], id: string) => list.find((x) => x.id === id)?.[locale] ?? id;
  return (content: Pick<CaseContent, "regionCode" | "industryDivision" | "sizeClass">, firm: string | null) => {
    const region = name(options.regions, content.regionCode);
    if (firm) return t("cases.namedPublisher", { firm, region });
    const division = name(options.divisions, content.industryDivision).replace(/^C\d{2}\s*/, "");
    const size = name(options.sizes, content.sizeClass);
    return t("cases.anonymousPublisher", {
      region,
      size: locale === "en" ? size.toLowerCase() : size,
      division: locale === "en" ? division.toLowerCase() : division,
    });
  };
}

export function CaseView({
  data,
  options,
  headingLevel = 2,
}: {
  data: CaseViewData;
  options: CatalogueOptions;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const H = `h${headingLevel}` as "h2" | "h3";
  const { content } = data;
  const lang = content.language === "zh" ? "zh-CN" : "en";
  const label = (list: Named[], id: string) => list.find((x) => x.id === id)?.[locale] ?? id;
  return (
    <div className="case-body">
      <p className="lead" lang={lang}>
        {content.summary}
      </p>
      <H>{t("cases.problem")}</H>
      <div lang={lang} dangerouslySetInnerHTML={{ __html: data.problemHtml }} />
      <H>{t("cases.approach")}</H>
      <div lang={lang} dangerouslySetInnerHTML={{ __html: data.approachHtml }} />
      <H>{t("cases.results_")}</H>
      <DataTable caption={t("cases.results_")} captionClassName="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{t("cases.metric")}</th>
            <th scope="col">{t("cases.before")}</th>
            <th scope="col">{t("cases.after")}</th>
            <th scope="col">{t("cases.unit")}</th>
            <th scope="col">{t("cases.period")}</th>
          </tr>
        </thead>
        <tbody lang={lang}>
          {content.results.map((r, i) => (
            <tr key={i}>
              <th scope="row" className="wraps">
                {r.metric}
              </th>
              <td>{r.before ?? "—"}</td>
              <td>{r.after}</td>
              <td>{r.unit}</td>
              <td>{r.period}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <DataTable caption={t("cases.detailsCaption")}>
        <tbody>
          <tr>
            <th scope="row">{t("cases.technologies")}</th>
            <td>{content.technologies.map((x) => label(options.technologies, x)).join("、") || "—"}</td>
          </tr>
          <tr>
            <th scope="row">{t("cases.scenes")}</th>
            <td>
              {data.scenes.length
                ? data.scenes.map((s, i) => (
                    <span key={s.slug}>
                      {i > 0 ? "、" : ""}
                      <Link to={`/scenes/${s.slug}`}>{pick(s.title, locale)}</Link>
                    </span>
                  ))
                : "—"}
            </td>
          </tr>
          <tr>
            <th scope="row">{t("cases.articles")}</th>
            <td>
              {content.articles.length
                ? content.articles.map((n, i) => (
                    <span key={n}>
                      {i > 0 ? "、" : ""}
                      <Link to={`/guide/${n}`}>{t("guide.article", { number: n })}</Link>
                    </span>
                  ))
                : "—"}
            </td>
          </tr>
        </tbody>
      </DataTable>
    </div>
  );
}

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <span className={`tag tag--${status}`}>{t(`cases.statuses.${status}`)}</span>;
}
