// Submit through the API: POST JSON { version, answers? } → { stage, overall } or a JSON error.
// Without `answers` the stored draft is submitted. Nothing is stored unless everything is valid.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { submitAssessment } from "~/assessment/assessment.server";
import { assessmentJsonAction, describeProblems, postOnlyLoader } from "~/assessment/requests.server";
import { apiError } from "~/platform/api-error";

const submitRequest = z.object({ version: z.number().int().min(1), answers: z.unknown().optional() });

export const loader = (args: LoaderFunctionArgs) => postOnlyLoader(args);

export const action = assessmentJsonAction(
  submitRequest,
  async ({ caller, assessment, version, text, locale }, body) => {
    const result = await submitAssessment({
      assessment,
      version,
      userId: caller.user.id,
      baseVersion: body.version,
      answers: body.answers,
    });
    if (result.ok)
      return Response.json({
        overall: result.result.overall,
        stage: result.result.stage,
        report: `/firms/${caller.firmId}/assessments/${assessment.id}/report`,
      });
    switch (result.reason) {
      case "not_found":
        return apiError(404, "not_found", text("assessment.api.not_found"));
      case "not_draft":
        return apiError(409, "not_draft", text("assessment.api.not_draft"));
      case "stale":
        return apiError(409, "stale", text("assessment.api.stale"), { version: result.version });
      case "invalid":
        return apiError(422, "invalid", text("assessment.api.invalid"), {
          problems: describeProblems(result.problems, version, locale, text),
        });
    }
  },
);
