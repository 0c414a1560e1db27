// Autosave of a draft: POST JSON { version, page, changes, base } → { version } or a JSON error.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiError, asApi } from "~/api-response.server";
import { serverI18n } from "~/i18n/server-t.server";
import { readJsonBody } from "~/json-body.server";
import { saveDraft } from "~/models/assessment.server";
import { describeProblems, postOnlyLoader, requireFirmAssessment } from "~/models/firm-assessment.server";

const answer = z.union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))]).nullable();
const saveRequest = z.object({
  version: z.number().int().min(1),
  page: z.number().int().min(0).max(1000),
  changes: z.record(z.string().max(64), answer).refine((c) => Object.keys(c).length <= 500),
  base: z.record(z.string().max(64), answer).default({}),
});

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
  const parsed = saveRequest.safeParse(body.value);
  if (!parsed.success) return apiError(400, "invalid_request", text("assessment.api.invalid_request"));
  const result = await saveDraft({ firmId: caller.firmId, assessmentId: assessment.id, baseVersion: parsed.data.version, page: parsed.data.page, changes: parsed.data.changes, base: parsed.data.base });
  if (result.ok) return Response.json({ version: result.version });
  switch (result.reason) {
    case "not_found":
      return apiError(404, "not_found", text("assessment.api.not_found"));
    case "not_draft":
      return apiError(409, "not_draft", text("assessment.api.not_draft"));
    case "invalid":
      return apiError(422, "invalid", text("assessment.api.invalid"), { problems: describeProblems(result.problems, version, locale, text) });
    case "conflict":
      return apiError(409, "conflict", text("assessment.api.conflict"), { conflicts: result.conflicts, version: result.version, answers: result.answers });
  }
}
