// The one JSON error shape of every API answer (assessment endpoints, the open data API, the HTTP
// layer's own refusals): `{ error, message, ...details }`, the OpenAPI document's `Problem`.
// Pure (web `Response` only, no server-only imports), so the Express layer in server/ uses it too.

/** A stable machine-readable code, a message for people, and details such as `parameter` or `problems`. */
export type ApiErrorBody = { error: string; message: string } & Record<string, unknown>;

/** Details beside the code and message; they cannot replace either. */
export type ApiErrorDetails = Record<string, unknown> & { error?: never; message?: never };

export const API_ERROR_CONTENT_TYPE = "application/json; charset=utf-8";

export function apiErrorBody(error: string, message: string, details: ApiErrorDetails = {}): ApiErrorBody {
  return { error, message, ...details };
}

/** The JSON error response; `headers` adds to (or overrides) the content type, e.g. CORS or caching. */
export function apiError(
  status: number,
  error: string,
  message: string,
  details: ApiErrorDetails = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(apiErrorBody(error, message, details)), {
    status,
    headers: { "Content-Type": API_ERROR_CONTENT_TYPE, ...headers },
  });
}
