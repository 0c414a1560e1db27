// Analysts' scene editing: the form's choices and the save, mapped to messages for the page.
import { questionnaireVersionsOnDisk } from "~/assessment/versions.server";
import { catalogueFilterOptions } from "~/catalogue/filters.server";
import { readSceneForm, type SceneFormValues } from "~/scenes/form.server";
import { saveScene } from "~/scenes/scene.server";

function dimensions() {
  const seen = new Map<string, { id: string; name: { zh: string; en: string } }>();
  for (const v of questionnaireVersionsOnDisk().values())
    for (const d of v.model.dimensions) if (!seen.has(d.id)) seen.set(d.id, { id: d.id, name: d.name });
  return [...seen.values()];
}

export function sceneFormOptions() {
  return { ...catalogueFilterOptions(), dimensions: dimensions() };
}

export type SceneSaveOutcome =
  | { ok: true; slug: string; revision: number }
  | {
      ok: false;
      status: number;
      errors: Record<string, string>;
      problems: string[];
      values: SceneFormValues;
      message?: string;
    };

export async function saveSceneFromForm(
  form: FormData,
  opts: { slug?: string; editorId: string },
): Promise<SceneSaveOutcome> {
  const read = readSceneForm(form, {
    ...(opts.slug ? { slug: opts.slug } : {}),
    dimensionIds: new Set(dimensions().map((d) => d.id)),
  });
  if (!read.ok) return { ok: false, status: 400, errors: read.errors, problems: read.problems, values: read.values };
  const base = opts.slug ? Number(form.get("revision")) : null;
  if (base !== null && !(Number.isSafeInteger(base) && base >= 0))
    return { ok: false, status: 400, errors: { form: "sceneEdit.errors.stale" }, problems: [], values: read.values };
  const saved = await saveScene({ scene: read.scene, baseRevision: base, editorId: opts.editorId });
  if (saved.ok) return { ok: true, slug: read.scene.slug, revision: saved.revision };
  const message = {
    stale: "sceneEdit.errors.stale",
    slug_taken: "sceneEdit.errors.slugTaken",
    not_found: "errors.notFound",
  }[saved.reason];
  return {
    ok: false,
    status: saved.reason === "not_found" ? 404 : 409,
    errors: saved.reason === "slug_taken" ? { slug: message } : {},
    problems: [],
    values: read.values,
    message: saved.reason === "slug_taken" ? undefined : message,
  };
}
