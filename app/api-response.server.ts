/** A JSON error for API callers: a stable code, a message in the caller's language, details. */
export function apiError(status: number, error: string, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, message, ...extra }, { status });
}
