import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/guard.server";
import { useText } from "~/i18n/use-text";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/platform/form-read.server";
import { saveSceneFromForm, sceneFormOptions } from "~/scenes/editing.server";
import type { SceneFormValues } from "~/scenes/form.server";
import { SceneFormFields, useSceneFieldLabels } from "~/scenes/scene-form";
import { ErrorSummary } from "~/ui/form";

const EMPTY: SceneFormValues = {
  slug: "",
  text: {
    title: { zh: "", en: "" },
    summary: { zh: "", en: "" },
    problem: { zh: "", en: "" },
    practice: { zh: "", en: "" },
    data: { zh: "", en: "" },
    measures: { zh: "", en: "" },
  },
  industryGroup: "",
  tier: "link",
  divisions: [],
  businessLinks: [],
  technologies: [],
  articles: [],
  dimensions: [],
  prerequisites: {},
  fictional: false,
};

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "analyst", "admin");
  return { options: sceneFormOptions() };
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireStaff(args, "analyst", "admin");
  const outcome = await saveSceneFromForm(await readForm(args), { editorId: caller.user.id });
  if (!outcome.ok) return data(outcome, { status: outcome.status });
  return redirect(`/scenes/${outcome.slug}/edit?saved=${outcome.revision}`);
}

export default function NewScene() {
  const { options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const text = useText();
  const problems = result && !result.ok ? result.problems : [];
  return (
    <>
      <p className="muted">
        <Link to="/scenes">{t("scenes.back")}</Link>
      </p>
      <h1>{t("sceneEdit.newTitle")}</h1>
      <p className="lead">{t("sceneEdit.intro")}</p>
      <ErrorSummary
        errors={result && !result.ok ? result.errors : undefined}
        labels={useSceneFieldLabels()}
        message={
          result && !result.ok
            ? result.message
              ? text(result.message)
              : problems.length
                ? t("sceneEdit.errors.invalid", { problems: problems.join("; ") })
                : undefined
            : undefined
        }
      />
      <Form method="post" className="stack" noValidate>
        <SceneFormFields
          values={result && !result.ok ? result.values : EMPTY}
          errors={result && !result.ok ? result.errors : {}}
          options={options}
          isNew
        />
        <button type="submit" className="button">
          {t("sceneEdit.save")}
        </button>
      </Form>
    </>
  );
}
