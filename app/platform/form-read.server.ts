// The one way a route action reads a posted form. Every form in the portal is a plain HTML form
// (application/x-www-form-urlencoded; the one upload, below, is multipart): any other content type is refused with 415,
// a body that does not parse with 400, and text that PostgreSQL cannot store or that no one types
// (NUL, other C0 controls and DEL) with 400, each as a page in the caller's language. See
// docs/decisions/033-malformed-requests.md.
import { type AppLoadContext, data } from "@remix-run/node";
import { hasControlCharacters } from "~/platform/text-input";

const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/** The refusal a route's error boundary shows: `{ message }` in the caller's language, with its status. */
async function refuse(args: { request: Request; context: AppLoadContext }, status: 400 | 415, key: string) {
  // Loaded only to refuse: the translations reach the session (and the database), which a form that is
  // read without trouble never needs, and which keeps route actions unit-testable.
  const { requestI18n } = await import("~/i18n/server-t.server");
  const { t } = await requestI18n(args);
  return data({ message: t(key) }, { status });
}

export async function readForm(args: { request: Request; context: AppLoadContext }): Promise<FormData> {
  if (!FORM_TYPE.test(args.request.headers.get("Content-Type") ?? ""))
    throw await refuse(args, 415, "errors.formContentType");
  let form: FormData;
  try {
    form = await args.request.formData();
  } catch {
    throw await refuse(args, 400, "errors.formUnreadable");
  }
  for (const [name, value] of form.entries()) {
    if (hasControlCharacters(name) || (typeof value === "string" && hasControlCharacters(value)))
      throw await refuse(args, 400, "errors.controlCharacters");
  }
  return form;
}

const UPLOAD_TYPE = /^multipart\/form-data\s*;/i;

/**
 * The one way a route action reads a form with files (the questionnaire import): multipart only, with
 * the same refusals as `readForm` for its text fields. The body limit ahead of every route bounds its size.
 */
export async function readUpload(args: { request: Request; context: AppLoadContext }): Promise<FormData> {
  if (!UPLOAD_TYPE.test(args.request.headers.get("Content-Type") ?? ""))
    throw await refuse(args, 415, "errors.formContentType");
  let form: FormData;
  try {
    form = await args.request.formData();
  } catch {
    throw await refuse(args, 400, "errors.formUnreadable");
  }
  for (const [name, value] of form.entries()) {
    if (hasControlCharacters(name) || (typeof value === "string" && hasControlCharacters(value)))
      throw await refuse(args, 400, "errors.controlCharacters");
  }
  return form;
}
