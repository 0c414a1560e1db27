import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasStaffRole } from "~/accounts/access";
import { getCaller } from "~/accounts/guard.server";
import { questionnaireVersionsOnDisk } from "~/assessment/versions.server";
import { CaseList } from "~/cases/case-list";
import { publishedCasesFor } from "~/cases/public.server";
import { catalogueFilterOptions } from "~/catalogue/filters.server";
import { industries } from "~/content/taxonomies.server";
import { pick } from "~/i18n/locales";
import { metaLocale, pageMeta, siteMeta } from "~/i18n/meta";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { notFound } from "~/platform/http.server";
import { getScene } from "~/scenes/scene.server";
import { DataTable } from "~/ui/data-table";

// Plain HTML, no scripts: nothing here needs JavaScript (decisions 018, 041).
export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? pageMeta(pick(data.scene.title, metaLocale(matches)), pick(data.scene.summary, metaLocale(matches)))
    : siteMeta(matches);

export async function loader(args: LoaderFunctionArgs) {
  const slug = args.params.slug ?? "";
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) notFound();
  const scene = (await getScene(slug)) ?? notFound();
  const dimensions = [...questionnaireVersionsOnDisk().values()].flatMap((v) =>
    v.model.dimensions.map((d) => ({ id: d.id, name: d.name })),
  );
  const caller = await getCaller(args);
  const canEdit = Boolean(
    caller && (hasStaffRole(caller.principal, "analyst") || hasStaffRole(caller.principal, "admin")),
  );
  return {
    scene,
    options: catalogueFilterOptions(),
    divisions: industries().divisions.filter((d) => scene.divisions.includes(d.code)),
    dimensions,
    cases: await publishedCasesFor({ scene: slug }),
    canEdit,
  };
}

export default function SceneDetail() {
  const { scene, options, divisions, dimensions, cases, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const label = (list: Array<{ id: string; zh: string; en: string }>, id: string) =>
    list.find((x) => x.id === id)?.[locale] ?? id;
  const dimensionName = (id: string) => {
    const d = dimensions.find((x) => x.id === id);
    return d ? pick(d.name, locale) : id;
  };
  return (
    <article aria-labelledby="scene-title">
      <p className="muted">
        <Link to="/scenes">{t("scenes.back")}</Link>
      </p>
      <h1 id="scene-title">{pick(scene.title, locale)}</h1>
      {canEdit ? (
        <p>
          <Link to={`/scenes/${scene.slug}/edit`}>{t("sceneEdit.edit")}</Link> ·{" "}
          <Link to={`/scenes/${scene.slug}/history`}>{t("sceneEdit.history")}</Link>
        </p>
      ) : null}
      <p className="lead">{pick(scene.summary, locale)}</p>
      <p>
        <span className="tag">{label(options.groups, scene.industryGroup)}</span>
        <span className="tag">{label(options.tiers, scene.tier)}</span>
      </p>
      <h2>{t("scenes.problem")}</h2>
      <p>{pick(scene.problem, locale)}</p>
      <h2>{t("scenes.practice")}</h2>
      <p>{pick(scene.practice, locale)}</p>
      <h2>{t("scenes.data")}</h2>
      <p>{pick(scene.data, locale)}</p>
      <h2>{t("scenes.measures")}</h2>
      <ul>
        {scene.measures.map((m, i) => (
          <li key={i}>{pick(m, locale)}</li>
        ))}
      </ul>
      <DataTable caption={t("scenes.detailsCaption")}>
        <tbody>
          <tr>
            <th scope="row">{t("scenes.links")}</th>
            <td>{scene.businessLinks.map((l) => label(options.links, l)).join("、")}</td>
          </tr>
          <tr>
            <th scope="row">{t("scenes.technologies")}</th>
            <td>{scene.technologies.map((x) => label(options.technologies, x)).join("、")}</td>
          </tr>
          <tr>
            <th scope="row">{t("scenes.divisions")}</th>
            <td>{divisions.map((d) => `${d.code} ${d[locale]}`).join("、")}</td>
          </tr>
          <tr>
            <th scope="row">{t("scenes.articles")}</th>
            <td>
              {scene.articles.map((n, i) => (
                <span key={n}>
                  {i > 0 ? "、" : ""}
                  <Link to={`/guide/${n}`}>{t("guide.article", { number: n })}</Link>
                </span>
              ))}
            </td>
          </tr>
          <tr>
            <th scope="row">{t("scenes.prerequisites")}</th>
            <td>
              {scene.prerequisites.length
                ? scene.prerequisites
                    .map((p) => t("scenes.prerequisite", { dimension: dimensionName(p.dimension), level: p.minLevel }))
                    .join("；")
                : "—"}
            </td>
          </tr>
        </tbody>
      </DataTable>
      <h2>{t("cases.forScene")}</h2>
      <CaseList cases={cases} options={options} empty={t("cases.noneForScene")} />
    </article>
  );
}
