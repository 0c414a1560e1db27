import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pick } from "~/i18n/locales";
import { useRouteLocale } from "~/i18n/use-locale";
import { parseSceneFilters, sceneFilterOptions } from "~/models/scene-filters.server";
import { SCENES_PER_PAGE, searchScenes } from "~/models/scene.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { filters, page } = parseSceneFilters(new URL(request.url).searchParams);
  const { items, total } = await searchScenes(filters, page);
  return { filters, page, pages: Math.max(1, Math.ceil(total / SCENES_PER_PAGE)), total, items, options: sceneFilterOptions() };
}

type Named = { id: string; zh: string; en: string };

export default function Scenes() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const name = (list: Named[], id: string) => {
    const x = list.find((e) => e.id === id);
    return x ? x[locale] : id;
  };
  const pageHref = (page: number) => {
    const params = new URLSearchParams(Object.entries(d.filters).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    params.set("page", String(page));
    return `?${params}`;
  };
  const select = (field: "group" | "link" | "tier" | "technology", label: string, list: Named[]) => (
    <div className="field">
      <label htmlFor={field}>{label}</label>
      <select id={field} name={field} defaultValue={d.filters[field] ?? ""}>
        <option value="">{t("scenes.any")}</option>
        {list.map((o) => <option key={o.id} value={o.id}>{o[locale]}</option>)}
      </select>
    </div>
  );
  return (
    <>
      <h1>{t("scenes.title")}</h1>
      <p className="lead">{t("scenes.lead")}</p>
      <Form method="get" className="filters" role="search" aria-label={t("scenes.filters")}>
        <div className="field">
          <label htmlFor="q">{t("scenes.search")}</label>
          <input id="q" name="q" type="search" defaultValue={d.filters.q ?? ""} maxLength={50} />
        </div>
        {select("group", t("scenes.group"), d.options.groups)}
        {select("link", t("scenes.link"), d.options.links)}
        {select("tier", t("scenes.tier"), d.options.tiers)}
        {select("technology", t("scenes.technology"), d.options.technologies)}
        <div className="field">
          <label htmlFor="article">{t("scenes.article")}</label>
          <select id="article" name="article" defaultValue={d.filters.article ? String(d.filters.article) : ""}>
            <option value="">{t("scenes.any")}</option>
            {Array.from({ length: 23 }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{t("guide.article", { number: n })}</option>)}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button">{t("scenes.apply")}</button>
          <Link to="/scenes">{t("scenes.clear")}</Link>
        </div>
      </Form>
      <p role="status">{t("scenes.results", { count: d.total })}</p>
      {d.items.length === 0 ? <p>{t("scenes.none")}</p> : null}
      <ul className="cards">
        {d.items.map((s) => (
          <li key={s.slug} className="card">
            <h2><Link to={`/scenes/${s.slug}`}>{pick(s.title, locale)}</Link></h2>
            <p>{pick(s.summary, locale)}</p>
            <p>
              <span className="tag">{name(d.options.groups, s.industryGroup)}</span>
              <span className="tag">{name(d.options.tiers, s.tier)}</span>
              {s.articles.map((n) => <span className="tag" key={n}>{t("guide.article", { number: n })}</span>)}
            </p>
          </li>
        ))}
      </ul>
      {d.pages > 1 ? (
        <nav className="pager" aria-label={t("scenes.pagination")}>
          {d.page > 1 ? <Link to={pageHref(d.page - 1)} rel="prev">← {t("scenes.previous")}</Link> : <span />}
          <span>{t("scenes.page", { page: d.page, pages: d.pages })}</span>
          {d.page < d.pages ? <Link to={pageHref(d.page + 1)} rel="next">{t("scenes.next")} →</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}
