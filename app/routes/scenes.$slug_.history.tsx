import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/guard.server";
import { pick } from "~/i18n/locales";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { notFound } from "~/platform/http.server";
import { sceneHistory } from "~/scenes/scene.server";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "analyst", "admin");
  const slug = args.params.slug ?? "";
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) notFound();
  const rows = await sceneHistory(slug);
  if (!rows.length) notFound();
  return {
    slug,
    revisions: rows.map((r) => ({
      revision: r.revision,
      scene: r.content,
      editedAt: r.editedAt.toISOString(),
      editor: r.editor,
    })),
  };
}

export default function SceneHistory() {
  const { slug, revisions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const latest = revisions[0]!.scene;
  return (
    <>
      <p className="muted">
        <Link to={`/scenes/${slug}`}>{pick(latest.title, locale)}</Link> ·{" "}
        <Link to={`/scenes/${slug}/edit`}>{t("sceneEdit.edit")}</Link>
      </p>
      <h1>{t("sceneEdit.historyTitle", { title: pick(latest.title, locale) })}</h1>
      {revisions.map((r) => (
        <details key={r.revision} open={r === revisions[0]}>
          <summary>
            {t("sceneEdit.revision", { revision: r.revision })} —{" "}
            {t("sceneEdit.editedBy", {
              who: r.editor ?? t("sceneEdit.seeded"),
              when: r.editedAt.slice(0, 16).replace("T", " "),
            })}
          </summary>
          <dl>
            <dt>{t("sceneEdit.titleField")}</dt>
            <dd>{pick(r.scene.title, locale)}</dd>
            <dt>{t("sceneEdit.summary")}</dt>
            <dd>{pick(r.scene.summary, locale)}</dd>
            <dt>{t("sceneEdit.problem")}</dt>
            <dd>{pick(r.scene.problem, locale)}</dd>
            <dt>{t("sceneEdit.practice")}</dt>
            <dd>{pick(r.scene.practice, locale)}</dd>
            <dt>{t("sceneEdit.data")}</dt>
            <dd>{pick(r.scene.data, locale)}</dd>
            <dt>{t("sceneEdit.articles")}</dt>
            <dd>{r.scene.articles.join("、")}</dd>
          </dl>
        </details>
      ))}
    </>
  );
}
