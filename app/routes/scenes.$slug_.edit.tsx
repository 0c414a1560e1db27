import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireStaff } from "~/accounts/guard.server";
import { pick } from "~/i18n/locales";
import { useRouteLocale } from "~/i18n/use-locale";
import { useText } from "~/i18n/use-text";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/platform/form-read.server";
import { notFound } from "~/platform/http.server";
import { saveSceneFromForm, sceneFormOptions } from "~/scenes/editing.server";
import { sceneValues } from "~/scenes/form.server";
import { getSceneWithRevision } from "~/scenes/scene.server";
import { SceneFormFields, useSceneFieldLabels } from "~/scenes/scene-form";
import { ErrorSummary, Notice } from "~/ui/form";

const SLUG = /^[a-z0-9-]{1,100}$/;

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "analyst", "admin");
  const slug = args.params.slug ?? "";
  if (!SLUG.test(slug)) notFound();
  const found = (await getSceneWithRevision(slug)) ?? notFound();
  return {
    slug,
    title: found.scene.title,
    revision: found.revision,
    values: sceneValues(found.scene),
    options: sceneFormOptions(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireStaff(args, "analyst", "admin");
  const slug = args.params.slug ?? "";
  if (!SLUG.test(slug)) notFound();
  const outcome = await saveSceneFromForm(await readForm(args), { slug, editorId: caller.user.id });
  if (!outcome.ok) return data(outcome, { status: outcome.status });
  return redirect(`/scenes/${slug}/edit?saved=${outcome.revision}`);
}

export default function EditScene() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const text = useText();
  const locale = useRouteLocale();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const failed = result && !result.ok ? result : null;
  return (
    <>
      <p className="muted">
        <Link to={`/scenes/${d.slug}`}>{pick(d.title, locale)}</Link> ·{" "}
        <Link to={`/scenes/${d.slug}/history`}>{t("sceneEdit.history")}</Link>
      </p>
      <h1>{t("sceneEdit.editTitle", { title: pick(d.title, locale) })}</h1>
      <p className="lead">{t("sceneEdit.intro")}</p>
      {saved && !failed ? <Notice tone="success">{t("sceneEdit.saved", { revision: saved })}</Notice> : null}
      <ErrorSummary
        errors={failed?.errors}
        labels={useSceneFieldLabels()}
        message={
          failed
            ? failed.message
              ? text(failed.message)
              : failed.problems.length
                ? t("sceneEdit.errors.invalid", { problems: failed.problems.join("; ") })
                : undefined
            : undefined
        }
      />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="revision" value={d.revision} />
        <SceneFormFields
          values={failed?.values ?? d.values}
          errors={failed?.errors ?? {}}
          options={d.options}
          isNew={false}
        />
        <button type="submit" className="button">
          {t("sceneEdit.save")}
        </button>
      </Form>
    </>
  );
}
