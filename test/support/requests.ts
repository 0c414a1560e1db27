// Calling route loaders and actions directly, as a signed-in user, with a real session.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createSession, serializeSessionCookie } from "~/accounts/session.server";
import { createRequestContext } from "~/platform/context";

export const ORIGIN = "http://portal.test";

export async function sessionCookieFor(userId: string): Promise<string> {
  const { token } = await createSession(userId);
  return (await serializeSessionCookie(token)).split(";")[0]!;
}

export function jsonRequest(path: string, cookie: string, body: unknown, raw?: string): Request {
  return new Request(ORIGIN + path, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json", Origin: ORIGIN },
    body: raw ?? JSON.stringify(body),
  });
}

type Action = (args: ActionFunctionArgs) => Promise<Response | unknown>;

/** Run an action; a thrown Response (404, 403, redirect) is returned like any other. */
export async function runAction(action: Action, request: Request, params: Record<string, string>): Promise<Response> {
  try {
    const out = await action({ request, params, context: createRequestContext() } as ActionFunctionArgs);
    if (out instanceof Response) return out;
    // `data(body, { status })` from @remix-run/node: turned into a JSON response with that status.
    if (out && typeof out === "object" && "type" in out && out.type === "DataWithResponseInit") {
      const d = out as unknown as { data: unknown; init: { status?: number } | null };
      return Response.json(d.data, { status: d.init?.status ?? 200 });
    }
    throw new Error("the action returned plain data, not a Response");
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

/** The arguments of a loader called with a GET of `path`, signed in with `cookie` when given. */
export const loaderArgs = (path: string, cookie?: string, params: Record<string, string> = {}) =>
  ({
    request: new Request(`${ORIGIN}${path}`, { headers: cookie ? { Cookie: cookie } : {} }),
    params,
    context: createRequestContext(),
  }) as LoaderFunctionArgs;

/** The status a loader answers with: 200 for data, or a returned or thrown Response's (or `data()`'s) status. */
export async function loaderStatus(run: () => Promise<unknown>): Promise<number> {
  try {
    const out = await run();
    return out instanceof Response ? out.status : 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    const init = (e as { init?: { status?: number } } | null)?.init;
    if (init?.status) return init.status;
    throw e;
  }
}
