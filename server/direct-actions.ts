// The assessment JSON endpoints (autosave, submit): their route modules' own actions, called
// without Remix's per-request routing and conversions (about a fifth of a submit's CPU). Same
// middleware in front, same code behind; see directActionRoutes in app/entry.server.tsx and
// docs/decisions/013-direct-json-actions.md.
import type { ActionFunction, AppLoadContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { Express, Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import type { DirectActionRouteId, PortalBuild } from "./remix-build";

export function loadContext(req: ExpressRequest, res: ExpressResponse): AppLoadContext {
  return { nonce: res.locals.nonce, setCookies: [], clientIp: req.ip ?? "unknown" };
}

/** Mounts `POST /<path>` of each listed route; refuses to start if one is not a plain top-level resource route. */
export function mountDirectActions(app: Express, build: PortalBuild): void {
  for (const id of build.entry.module.directActionRoutes) {
    const route = build.routes[id];
    const parent = build.routes[route?.parentId ?? ""];
    const action = route?.module.action;
    if (
      !route?.path ||
      !/^[\w/:.-]+$/.test(route.path) ||
      route.index ||
      typeof action !== "function" ||
      route.module.default ||
      !parent ||
      parent.path ||
      parent.parentId
    ) {
      throw new Error(`${id} is not a top-level resource route with an action and a plain path`);
    }
    app.post(`/${route.path}`, directAction(id, action, build.entry.module.handleError));
  }
}

/**
 * Express handler calling a resource route's action as Remix would for a POST without a query
 * string: the same Request (URL, headers, streamed body, abort signal as @remix-run/express builds
 * them), params, load context, and Remix's answers to a thrown Response or an error.
 */
function directAction(
  routeId: DirectActionRouteId,
  action: ActionFunction,
  handleError: PortalBuild["entry"]["module"]["handleError"],
): RequestHandler {
  return async (req, res, next) => {
    if (req.originalUrl.includes("?")) return next(); // ?_data, ?index…: Remix's own handling
    try {
      const request = remixRequest(req, res);
      const params = { ...req.params };
      const context = loadContext(req, res);
      let response: Response;
      try {
        const result: unknown = await action({ request, params, context });
        if (!(result instanceof Response)) throw new Error(`${routeId}: expected a Response from the action`);
        response = result;
      } catch (error) {
        if (error instanceof Response) {
          response = withHeader(error, "X-Remix-Catch", "yes");
        } else {
          handleError(error, { request });
          response = new Response("Unexpected Server Error", { status: 500, headers: { "X-Remix-Error": "yes" } });
        }
      }
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers.entries()) res.append(key, value);
      // JSON answers are small: send them whole instead of piping a web stream.
      res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
    } catch (error) {
      next(error);
    }
  };
}

/** As @remix-run/express's createRemixRequest (not exported by the package) for a request with a body. */
function remixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const [, forwardedPort] = req.get("X-Forwarded-Host")?.split(":") ?? [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const a = Number.parseInt(forwardedPort ?? "", 10);
  const b = Number.parseInt(hostPort ?? "", 10);
  const port = Number.isSafeInteger(a) ? a : Number.isSafeInteger(b) ? b : "";
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  let controller: AbortController | null = new AbortController();
  const signal = controller.signal;
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  // `duplex` is required by Node's fetch for a streamed body; TypeScript's RequestInit lacks it.
  return new Request(url.href, {
    method: req.method,
    headers,
    signal,
    body: createReadableStreamFromReadable(req),
    duplex: "half",
  } as RequestInit);
}

function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}
