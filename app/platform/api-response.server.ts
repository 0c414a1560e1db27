// JSON answers of the assessment endpoints: the guard's refusals as API errors (shape in ~/platform/api-error).
import { apiError } from "~/platform/api-error";

/**
 * Run an API handler, turning the guard's thrown responses into JSON errors an API client can
 * read: 401 instead of a redirect to the sign-in page, and JSON bodies for 403 and 404.
 */
export async function asApi(text: (key: string) => string, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (e) {
    if (!(e instanceof Response)) throw e;
    if (e.status >= 300 && e.status < 400) return apiError(401, "unauthenticated", text("api.unauthenticated"));
    if (e.status === 403) return apiError(403, "forbidden", text("api.forbidden"));
    if (e.status === 404) return apiError(404, "not_found", text("api.not_found"));
    throw e;
  }
}
