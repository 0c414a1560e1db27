// Shared by every assessment route: the caller must be a member of the firm that owns it.
import type { AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { requireFirmMember } from "~/accounts/guard.server";
import type { AnswerProblem } from "~/assessment/answers";
import { getAssessment, getAssessmentWithFirm } from "~/assessment/assessment.server";
import { getQuestionnaireVersion } from "~/assessment/questionnaire.server";
import { questionsOf } from "~/assessment/questions";
import type { QuestionnaireVersion } from "~/assessment/versions.server";
import { type Locale, pick } from "~/i18n/locales";
import { requestI18n, type Text } from "~/i18n/server-t.server";
import { apiError } from "~/platform/api-error";
import { asApi } from "~/platform/api-response.server";
import { isUuid, notFound } from "~/platform/http.server";
import { readJsonBody } from "~/platform/json-body.server";

type Args = { request: Request; context: AppLoadContext; params: Record<string, string | undefined> };

export async function requireFirmAssessment(args: Args) {
  const caller = await requireFirmMember(args, args.params.firmId);
  const assessment = (await getAssessment(caller.firmId, assessmentIdOf(args))) ?? notFound();
  return { caller, assessment, version: await versionOf(assessment) };
}

/** As requireFirmAssessment, with the firm read in the same query (the report and its download). */
export async function requireFirmAssessmentAndFirm(args: Args) {
  const caller = await requireFirmMember(args, args.params.firmId);
  const { assessment, firm } = (await getAssessmentWithFirm(caller.firmId, assessmentIdOf(args))) ?? notFound();
  return { caller, assessment, firm, version: await versionOf(assessment) };
}

function assessmentIdOf(args: Args): string {
  const id = args.params.assessmentId;
  return isUuid(id) ? id : notFound();
}

async function versionOf(assessment: { questionnaireVersionId: string }) {
  return (await getQuestionnaireVersion(assessment.questionnaireVersionId)) ?? notFound();
}

/** Problems with the question's title in the reader's language, for messages. */
export function describeProblems(problems: AnswerProblem[], version: QuestionnaireVersion, locale: Locale, text: Text) {
  const titles = new Map(questionsOf(version.definition).map((q) => [q.name, pick(q.title, locale)]));
  return problems.map((p) => ({
    question: p.question,
    code: p.code,
    message: text(`assessment.problems.${p.code}`, { question: titles.get(p.question) ?? p.question }),
  }));
}

/**
 * Remix adds the refreshed session cookie (context.setCookies) to documents only; a resource
 * route adds it itself, or an API-only client's session would never be extended.
 */
function withSessionCookies(context: AppLoadContext, response: Response): Response {
  for (const cookie of context.setCookies) response.headers.append("Set-Cookie", cookie);
  return response;
}

/** GET on a POST-only assessment endpoint: the caller is checked first, so a stranger learns nothing. */
export async function postOnlyLoader(args: Args): Promise<Response> {
  return asApi((await requestI18n(args)).t, async () => {
    await requireFirmAssessment(args);
    return apiError(405, "method_not_allowed", "POST only", {}, { Allow: "POST" });
  });
}

type Context = Awaited<ReturnType<typeof requireFirmAssessment>> & { text: Text; locale: Locale };

/**
 * A JSON action on one assessment: checks the caller, reads a size-limited JSON body, checks its
 * envelope with `schema`, and answers every failure as a JSON error in the caller's language.
 */
export function assessmentJsonAction<S extends z.ZodType>(
  schema: S,
  run: (context: Context, body: z.output<S>) => Promise<Response>,
) {
  const answer = async (args: Args): Promise<Response> =>
    asApi((await requestI18n(args)).t, async () => {
      const found = await requireFirmAssessment(args);
      // The same lookup as above: the caller's preference was already part of it.
      const { t: text, locale } = await requestI18n(args);
      const body = await readJsonBody(args.request);
      if (!body.ok) return apiError(body.status, body.code, text(`assessment.api.${body.code}`));
      const parsed = schema.safeParse(body.value);
      if (!parsed.success) return apiError(400, "invalid_request", text("assessment.api.invalid_request"));
      return run({ ...found, text, locale }, parsed.data);
    });
  return async (args: Args): Promise<Response> => withSessionCookies(args.context, await answer(args));
}
