import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { RETRY_AFTER_SECONDS } from "~/platform/database-fault";
import { logger } from "~/platform/logger.server";
import { isPlainPage, plainPageContext, renderPlainPage } from "~/platform/render-cache.server";
import { NonceContext } from "~/ui/nonce";

export { isAllowedOrigin } from "~/accounts/origin";
export { answerDatabaseFaults } from "~/platform/database-fault.server";
export { health, serverSettings, shutdown, startClusterPrimary, startup } from "~/platform/lifecycle.server";
export { metricsAccessFor, metricsResponse, observeHttpRequest } from "~/platform/metrics.server";

/**
 * Resource routes whose POST action the HTTP layer (server/direct-actions.ts) calls directly, ahead of the Remix request handler:
 * JSON endpoints that answer from their own action only (no component, no parent loader). Same
 * module, same action, same Express middleware in front (origin check, body limit, headers); only
 * Remix's per-request routing and request/response conversion is skipped. Other methods, and
 * requests with a query string, still go through Remix.
 */
export const directActionRoutes = [
  "routes/firms.$firmId.assessments.$assessmentId.answers",
  "routes/firms.$firmId.assessments.$assessmentId.submit",
] as const;

const ABORT_DELAY = 5_000;

function appendCookies(headers: Headers, context: AppLoadContext) {
  for (const cookie of context.setCookies ?? []) headers.append("Set-Cookie", cookie);
}

/** A 503 (the database unreachable, see database-fault.server.ts) tells when to retry: Remix drops a thrown response's headers. */
function retryAfter(status: number, headers: Headers) {
  if (status === 503 && !headers.has("Retry-After")) headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
}

export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  appendCookies(response.headers, context);
  retryAfter(response.status, response.headers);
  return response;
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  appendCookies(responseHeaders, loadContext);
  retryAfter(responseStatusCode, responseHeaders);
  const app = (context: EntryContext) => (
    <NonceContext.Provider value={loadContext.nonce}>
      <RemixServer context={context} url={request.url} abortDelay={ABORT_DELAY} nonce={loadContext.nonce} />
    </NonceContext.Provider>
  );
  if (request.method === "GET" && isPlainPage(remixContext)) {
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    const html = renderPlainPage(
      request,
      responseStatusCode,
      remixContext,
      () => app(plainPageContext(remixContext)),
      loadContext.nonce,
    );
    return new Response(html, { headers: responseHeaders, status: responseStatusCode });
  }
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(app(remixContext), {
      nonce: loadContext.nonce,
      [waitForAll ? "onAllReady" : "onShellReady"]() {
        shellRendered = true;
        const body = new PassThrough();
        // The abort timer holds the whole render until it fires: drop it as soon as the response is written.
        body.on("finish", () => clearTimeout(timer));
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(
          new Response(createReadableStreamFromReadable(body), {
            headers: responseHeaders,
            status: responseStatusCode,
          }),
        );
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) logger.error({ err: error }, "render error");
      },
    });
    timer = setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logger.error({ err: error, path: new URL(request.url).pathname }, "unhandled error");
}
