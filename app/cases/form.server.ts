// The case form: FormData → validated case content, or field errors (i18n keys) and the values
// to show back. Multi-valued fields (technologies, scenes, articles) and the result rows are read here.
import { CASE_LIMITS, type CaseContent, caseContent } from "~/cases/schema";
import { SIZE_CLASSES } from "~/firms/size-class";
import type { FieldErrors } from "~/platform/form-parse";

export const MAX_RESULT_ROWS = CASE_LIMITS.results;

export interface CaseFormValues {
  language: string;
  title: string;
  summary: string;
  problem: string;
  approach: string;
  technologies: string[];
  sceneSlugs: string[];
  articles: string[];
  industryDivision: string;
  regionCode: string;
  sizeClass: string;
  results: Array<{ metric: string; before: string; after: string; unit: string; period: string }>;
  publication: "named" | "anonymised";
}

export interface CaseFormChoices {
  technologies: ReadonlySet<string>;
  scenes: ReadonlySet<string>;
  divisions: ReadonlySet<string>;
  regions: ReadonlySet<string>;
}

export type CaseFormResult =
  | { ok: true; content: CaseContent; anonymised: boolean; values: CaseFormValues }
  | { ok: false; errors: FieldErrors; values: CaseFormValues };

export function valuesOf(content: CaseContent, anonymised: boolean): CaseFormValues {
  return {
    ...content,
    articles: content.articles.map(String),
    results: content.results.map((r) => ({
      metric: r.metric,
      before: r.before === null ? "" : String(r.before),
      after: String(r.after),
      unit: r.unit,
      period: r.period,
    })),
    publication: anonymised ? "anonymised" : "named",
  };
}

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
};
const all = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");

/** A decimal number as people type it: optional sign, digits, one point; a comma for thousands is dropped. */
function parseNumber(raw: string): number | null {
  const s = raw.replace(/[,，\s]/g, "");
  return /^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

export function readCaseForm(form: FormData, choices: CaseFormChoices): CaseFormResult {
  const values: CaseFormValues = {
    language: str(form, "language"),
    title: str(form, "title"),
    summary: str(form, "summary"),
    problem: str(form, "problem"),
    approach: str(form, "approach"),
    technologies: all(form, "technologies"),
    sceneSlugs: all(form, "sceneSlugs"),
    articles: all(form, "articles"),
    industryDivision: str(form, "industryDivision"),
    regionCode: str(form, "regionCode"),
    sizeClass: str(form, "sizeClass"),
    results: Array.from({ length: MAX_RESULT_ROWS }, (_, i) => ({
      metric: str(form, `result-${i}-metric`),
      before: str(form, `result-${i}-before`),
      after: str(form, `result-${i}-after`),
      unit: str(form, `result-${i}-unit`),
      period: str(form, `result-${i}-period`),
    })).filter((r) => r.metric || r.before || r.after || r.unit || r.period),
    publication: str(form, "publication") === "named" ? "named" : "anonymised",
  };
  const errors: FieldErrors = {};
  const required = (field: "title" | "summary" | "problem" | "approach", max: number) => {
    if (!values[field]) errors[field] = "errors.required";
    else if (values[field].length > max) errors[field] = "errors.tooLong";
  };
  required("title", CASE_LIMITS.title);
  required("summary", CASE_LIMITS.summary);
  required("problem", CASE_LIMITS.markdown);
  required("approach", CASE_LIMITS.markdown);
  if (values.language !== "zh" && values.language !== "en") errors.language = "caseForm.errors.unknownOption";
  if (!values.technologies.every((x) => choices.technologies.has(x)))
    errors.technologies = "caseForm.errors.unknownOption";
  if (values.technologies.length > 16) errors.technologies = "caseForm.errors.tooMany";
  if (!values.sceneSlugs.every((x) => choices.scenes.has(x))) errors.sceneSlugs = "caseForm.errors.unknownScene";
  if (values.sceneSlugs.length > CASE_LIMITS.scenes) errors.sceneSlugs = "caseForm.errors.tooMany";
  const articles = values.articles.map(Number);
  if (!articles.every((n) => Number.isInteger(n) && n >= 1 && n <= 23))
    errors.articles = "caseForm.errors.unknownOption";
  if (!choices.divisions.has(values.industryDivision)) errors.industryDivision = "caseForm.errors.unknownOption";
  if (!choices.regions.has(values.regionCode)) errors.regionCode = "caseForm.errors.unknownOption";
  if (!SIZE_CLASSES.some((s) => s === values.sizeClass)) errors.sizeClass = "caseForm.errors.unknownOption";

  const results: CaseContent["results"] = [];
  values.results.forEach((r, i) => {
    const n = i + 1;
    const after = parseNumber(r.after);
    const before = r.before ? parseNumber(r.before) : null;
    if (!r.metric || !r.after || !r.unit || !r.period) errors.results ??= `caseForm.errors.resultIncomplete|${n}`;
    else if (after === null || (r.before && before === null)) errors.results ??= `caseForm.errors.resultNumber|${n}`;
    else if (r.metric.length > 120 || r.unit.length > 30 || r.period.length > 60) errors.results ??= "errors.tooLong";
    else results.push({ metric: r.metric, before, after, unit: r.unit, period: r.period });
  });
  if (!values.results.length) errors.results = "caseForm.errors.resultsRequired";
  if (Object.keys(errors).length) return { ok: false, errors, values };

  const parsed = caseContent.safeParse({
    ...values,
    articles: [...new Set(articles)].sort((a, b) => a - b),
    technologies: [...new Set(values.technologies)],
    sceneSlugs: [...new Set(values.sceneSlugs)],
    results,
  });
  if (!parsed.success) return { ok: false, errors: { form: "errors.badRequest" }, values };
  return { ok: true, content: parsed.data, anonymised: values.publication === "anonymised", values };
}
