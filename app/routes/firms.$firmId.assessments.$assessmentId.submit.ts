// Submit through the API: POST JSON { version, answers? } → { stage, overall } or a JSON error.
// Without `answers` the stored draft is submitted. Nothing is stored unless everything is valid.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiError, asApi } from "~/api-response.server";
import { serverI18n } from "~/i18n/server-t.server";
import { readJsonBody } from "~/json-body.server";
import { describeProblems, postOnlyLoader, requireFirmAssessment } from "~/models/firm-assessment.server";
import { submitAssessment } from "~/models/assessment.server";

const submitRequest = z.object({ version: z.number().int().min(1), answers: z.unknown().optional() });

export const loader = (args: LoaderFunctionArgs) => postOnlyLoader(args);

export async function action(args: ActionFunctionArgs) {
  const fallback = await serverI18n(args.request);
  return asApi(fallback.text, () => handle(args));
}

async function handle(args: ActionFunctionArgs): Promise<Response> {
  const { caller, assessment, version } = await requireFirmAssessment(args);
  const { text, locale } = await serverI18n(args.request, caller.user.locale);
  const body = await readJsonBody(args.request);
  if (!body.ok) return apiError(body.status, body.code, text(`assessment.api.${body.code}`));
  const parsed = submitRequest.safeParse(body.value);
  if (!parsed.success) return apiError(400, "invalid_request", text("assessment.api.invalid_request"));
  const result = await submitAssessment({ assessment, version, userId: caller.user.id, baseVersion: parsed.data.version, answers: parsed.data.answers });
  if (result.ok) return Response.json({ overall: result.result.overall, stage: result.result.stage, report: `/firms/${caller.firmId}/assessments/${assessment.id}/report` });
  switch (result.reason) {
    case "not_found":
      return apiError(404, "not_found", text("assessment.api.not_found"));
    case "not_draft":
      return apiError(409, "not_draft", text("assessment.api.not_draft"));
    case "stale":
      return apiError(409, "stale", text("assessment.api.stale"), { version: result.version });
    case "invalid":
      return apiError(422, "invalid", text("assessment.api.invalid"), { problems: describeProblems(result.problems, version, locale, text) });
  }
}
