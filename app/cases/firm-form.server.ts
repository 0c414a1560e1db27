// The glue between the case routes and the case model: form options, defaults from the firm's
// profile, reading and saving the form, and mapping model outcomes to messages.
import type { Firm } from "~db/schema";
import { createCase, updateCase } from "~/cases/drafts.server";
import { type CaseFormValues, readCaseForm } from "~/cases/form.server";
import { type StepResult, takeCaseStep } from "~/cases/steps.server";
import type { CaseStep } from "~/cases/workflow";
import { catalogueFilterOptions } from "~/catalogue/filters.server";
import { siteOrigin } from "~/platform/http.server";
import { sceneTitles } from "~/scenes/scene.server";

export async function caseFormOptions() {
  return { ...catalogueFilterOptions(), scenes: await sceneTitles() };
}

type Options = Awaited<ReturnType<typeof caseFormOptions>>;

function choicesOf(options: Options) {
  return {
    technologies: new Set(options.technologies.map((x) => x.id)),
    scenes: new Set(options.scenes.map((x) => x.slug)),
    divisions: new Set(options.divisions.map((x) => x.id)),
    regions: new Set(options.regions.map((x) => x.id)),
  };
}

export function newCaseValues(firm: Firm): CaseFormValues {
  return {
    language: "zh",
    title: "",
    summary: "",
    problem: "",
    approach: "",
    technologies: [],
    sceneSlugs: [],
    articles: [],
    industryDivision: firm.industryDivision,
    regionCode: firm.regionCode,
    sizeClass: firm.sizeClass,
    results: [],
    publication: "anonymised",
  };
}

export type CaseFormOutcome =
  | { ok: true; caseId: string }
  | { ok: false; status: number; errors: Record<string, string>; values: CaseFormValues; message?: string };

export async function createCaseFromForm(form: FormData, firmId: string, userId: string): Promise<CaseFormOutcome> {
  const parsed = readCaseForm(form, choicesOf(await caseFormOptions()));
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors, values: parsed.values };
  const caseId = await createCase({ firmId, userId, content: parsed.content, anonymised: parsed.anonymised });
  return { ok: true, caseId };
}

export async function saveCaseFromForm(
  form: FormData,
  firmId: string,
  caseId: string,
  userId: string,
): Promise<CaseFormOutcome> {
  const parsed = readCaseForm(form, choicesOf(await caseFormOptions()));
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors, values: parsed.values };
  const saved = await updateCase({
    firmId,
    caseId,
    userId,
    content: parsed.content,
    anonymised: parsed.anonymised,
    baseRevision: Number(form.get("revision")),
  });
  if (saved.ok) return { ok: true, caseId };
  if (saved.reason === "not_found")
    return { ok: false, status: 404, errors: {}, values: parsed.values, message: "errors.notFound" };
  return {
    ok: false,
    status: 409,
    errors: {},
    values: parsed.values,
    message: saved.reason === "stale" ? "caseForm.errors.stale" : "caseForm.errors.notEditable",
  };
}

/** The message key for a refused workflow step. */
export function stepProblem(result: Exclude<StepResult, { ok: true }>): {
  status: number;
  message: string;
  field?: string;
} {
  switch (result.reason) {
    case "not_found":
      return { status: 404, message: "errors.notFound" };
    case "not_allowed":
      return { status: 409, message: "caseForm.errors.notAllowed" };
    case "comment_required":
      return { status: 400, message: "caseForm.errors.commentRequired", field: "comment" };
    case "consent_required":
      return { status: 400, message: "caseForm.errors.consentRequired", field: "consent" };
    case "stale":
      return { status: 409, message: "caseForm.errors.stale" };
  }
}

export function takeStep(
  request: Request,
  input: {
    caseId: string;
    step: CaseStep;
    actor: "firm" | "analyst";
    userId: string;
    firmId?: string;
    comment?: string;
    consent?: boolean;
    baseRevision?: number;
  },
) {
  return takeCaseStep({ ...input, origin: siteOrigin(request) });
}

const STEPS: readonly CaseStep[] = ["submit", "withdraw", "comment", "return", "reject", "publish"];
export function parseStep(value: FormDataEntryValue | null): CaseStep | null {
  return STEPS.find((s) => s === value) ?? null;
}

/** What the member typed, to show back when the form is refused before it is read in full. */
export async function typedCaseValues(form: FormData): Promise<CaseFormValues> {
  return readCaseForm(form, choicesOf(await caseFormOptions())).values;
}
