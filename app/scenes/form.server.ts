// The analysts' scene form: FormData → a scene that passes the same checks as the content files.
import { type Scene, sceneFile } from "~/content/schemas";
import type { FieldErrors } from "~/platform/form-parse";
import { sceneProblems } from "~/scenes/content.server";

export const LOCALIZED_FIELDS = ["title", "summary", "problem", "practice", "data"] as const;

export interface SceneFormValues {
  slug: string;
  text: Record<(typeof LOCALIZED_FIELDS)[number] | "measures", { zh: string; en: string }>;
  industryGroup: string;
  tier: string;
  divisions: string[];
  businessLinks: string[];
  technologies: string[];
  articles: string[];
  dimensions: string[];
  prerequisites: Record<string, string>;
  fictional: boolean;
}

export function sceneValues(scene: Scene): SceneFormValues {
  const text = Object.fromEntries(LOCALIZED_FIELDS.map((f) => [f, scene[f]])) as SceneFormValues["text"];
  text.measures = { zh: scene.measures.map((m) => m.zh).join("\n"), en: scene.measures.map((m) => m.en).join("\n") };
  return {
    slug: scene.slug,
    text,
    industryGroup: scene.industryGroup,
    tier: scene.tier,
    divisions: scene.divisions,
    businessLinks: scene.businessLinks,
    technologies: scene.technologies,
    articles: scene.articles.map(String),
    dimensions: scene.dimensions,
    prerequisites: Object.fromEntries(scene.prerequisites.map((p) => [p.dimension, String(p.minLevel)])),
    fictional: scene.fictional,
  };
}

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
};
const all = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export type SceneFormResult =
  | { ok: true; scene: Scene; values: SceneFormValues }
  | { ok: false; errors: FieldErrors; problems: string[]; values: SceneFormValues };

/** `slug` is fixed for an edit (from the URL) and typed for a new scene. */
export function readSceneForm(
  form: FormData,
  opts: { slug?: string; dimensionIds: ReadonlySet<string> },
): SceneFormResult {
  const text = Object.fromEntries(
    [...LOCALIZED_FIELDS, "measures"].map((f) => [f, { zh: str(form, `${f}_zh`), en: str(form, `${f}_en`) }]),
  ) as SceneFormValues["text"];
  const values: SceneFormValues = {
    slug: opts.slug ?? str(form, "slug"),
    text,
    industryGroup: str(form, "industryGroup"),
    tier: str(form, "tier"),
    divisions: all(form, "divisions"),
    businessLinks: all(form, "businessLinks"),
    technologies: all(form, "technologies"),
    articles: all(form, "articles"),
    dimensions: all(form, "dimensions"),
    prerequisites: Object.fromEntries(
      [...opts.dimensionIds].map((d) => [d, str(form, `prereq-${d}`)]).filter(([, v]) => v),
    ),
    fictional: form.get("fictional") === "yes",
  };
  const errors: FieldErrors = {};
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.slug) || values.slug.length > 100) errors.slug = "sceneEdit.errors.slug";
  for (const f of [...LOCALIZED_FIELDS, "measures"] as const) {
    for (const l of ["zh", "en"] as const) {
      if (!text[f][l]) errors[`${f}_${l}`] = "errors.required";
      else if (text[f][l].length > 4000) errors[`${f}_${l}`] = "errors.tooLong";
    }
  }
  const [mzh, men] = [lines(text.measures.zh), lines(text.measures.en)];
  if (!errors.measures_zh && !errors.measures_en && mzh.length !== men.length)
    errors.measures_zh = "sceneEdit.errors.measures";
  if (Object.keys(errors).length) return { ok: false, errors, problems: [], values };
  const candidate = {
    slug: values.slug,
    title: text.title,
    summary: text.summary,
    problem: text.problem,
    practice: text.practice,
    data: text.data,
    measures: mzh.map((zh, i) => ({ zh, en: men[i]! })),
    industryGroup: values.industryGroup,
    divisions: values.divisions,
    businessLinks: values.businessLinks,
    tier: values.tier,
    technologies: values.technologies,
    articles: values.articles.map(Number),
    dimensions: values.dimensions,
    prerequisites: Object.entries(values.prerequisites).map(([dimension, level]) => ({
      dimension,
      minLevel: Number(level),
    })),
    fictional: values.fictional,
  };
  const parsed = sceneFile.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      errors: {},
      problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
      values,
    };
  }
  const problems = sceneProblems(parsed.data, parsed.data.slug, opts.dimensionIds);
  if (problems.length) return { ok: false, errors: {}, problems, values };
  return { ok: true, scene: parsed.data, values };
}
