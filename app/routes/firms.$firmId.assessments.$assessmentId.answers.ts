// Autosave of a draft: POST JSON { version, page, changes, base } → { version } or a JSON error.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { saveDraft } from "~/assessment/assessment.server";
import { assessmentJsonAction, describeProblems, postOnlyLoader } from "~/assessment/requests.server";
import { apiError } from "~/platform/api-error";

const answer = z.union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))]).nullable();
const saveRequest = z.object({
  version: z.number().int().min(1),
  page: z.number().int().min(0).max(1000),
  changes: z.record(z.string().max(64), answer).refine((c) => Object.keys(c).length <= 500),
  base: z.record(z.string().max(64), answer).default({}),
});

export const loader = (args: LoaderFunctionArgs) => postOnlyLoader(args);

export const action = assessmentJsonAction(saveRequest, async ({ assessment, version, text, locale }, body) => {
  const result = await saveDraft({
    assessment,
    version,
    baseVersion: body.version,
    page: body.page,
    changes: body.changes,
    base: body.base,
  });
  if (result.ok) return Response.json({ version: result.version });
  switch (result.reason) {
    case "not_found":
      return apiError(404, "not_found", text("assessment.api.not_found"));
    case "not_draft":
      return apiError(409, "not_draft", text("assessment.api.not_draft"));
    case "invalid":
      return apiError(422, "invalid", text("assessment.api.invalid"), {
        problems: describeProblems(result.problems, version, locale, text),
      });
    case "conflict":
      return apiError(409, "conflict", text("assessment.api.conflict"), {
        conflicts: result.conflicts,
        version: result.version,
        answers: result.answers,
      });
  }
});
