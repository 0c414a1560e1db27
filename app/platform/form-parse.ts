import type { z } from "zod";

/** Field name → i18n key of its error message (optionally "key|n", see useText). */
export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

const SECRET_FIELDS = new Set(["password", "newPassword"]);

/** The form's text fields, without secrets, to show back to the user with an error. */
export function echoValues(form: FormData): Record<string, string> {
  return Object.fromEntries(
    [...form.entries()].filter(([k, v]) => typeof v === "string" && !SECRET_FIELDS.has(k)) as Array<[string, string]>,
  );
}

/** Which i18n keys a schema's messages are, and the key shown for any other message. */
export interface FormMessages {
  prefix: string;
  fallback: string;
}

const SITE_MESSAGES: FormMessages = { prefix: "errors.", fallback: "errors.required" };

/** Validate form data with a zod schema whose messages are i18n keys; echo back non-secret values. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  form: FormData,
  messages: FormMessages = SITE_MESSAGES,
): FormResult<z.output<S>> {
  const raw: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message.startsWith(messages.prefix) ? issue.message : messages.fallback;
  }
  return { ok: false, errors, values: echoValues(form) };
}
