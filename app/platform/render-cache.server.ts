// Rendered HTML of plain (non-hydrated) pages, keyed by everything the render reads: the URL, the status and
// every route's loader data (locale, signed-in user, firm data and release included). Such pages carry no
// script needing the CSP nonce; the same inputs give the same markup, so a render is done once per distinct
// input. A firm's report is kept too: only a request that passed the same checks and loaded the very same
// data can be answered from it. Markup is kept as UTF-8 bytes outside the JS heap, within a byte budget.
import { createHash } from "node:crypto";
import type { EntryContext } from "@remix-run/node";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Lru } from "~/platform/lru";

const BUDGET_BYTES = 24 * 1024 * 1024;
const cache = new Lru<string, Buffer<ArrayBuffer>>(BUDGET_BYTES, (html) => html.byteLength);

/** Whether every matched route can be served without hydration (one says `handle.hydrate === false`). */
export function isPlainPage(context: EntryContext): boolean {
  const { matches, errors } = context.staticHandlerContext;
  if (errors) return false;
  return matches.some(
    (m) => (context.routeModules[m.route.id]?.handle as { hydrate?: boolean } | undefined)?.hydrate === false,
  );
}

/**
 * What a plain page's render needs of Remix's context: its matched routes only. RemixServer turns every
 * route of the manifest into a server route and matches the whole table again on each render (~0.5 ms of
 * CPU for this app's ~56 routes); a page that never hydrates links, resolves paths and reads data through
 * its matches alone. The data stream meant for hydration is dropped too: nothing on the page reads it.
 */
export function plainPageContext(context: EntryContext): EntryContext {
  const matched = new Set(context.staticHandlerContext.matches.map((m) => m.route.id));
  const routes = Object.fromEntries(Object.entries(context.manifest.routes).filter(([id]) => matched.has(id)));
  void context.serverHandoffStream?.cancel().catch(() => undefined);
  return { ...context, manifest: { ...context.manifest, routes }, serverHandoffStream: undefined };
}

/** The page's markup: kept, or rendered by `element()` (static markup: no hydration markers, nothing will hydrate it). */
export function renderPlainPage(
  request: Request,
  status: number,
  context: EntryContext,
  element: () => ReactElement,
  nonce: string,
): Buffer<ArrayBuffer> {
  const key = createHash("sha256")
    .update(`${status} ${request.url} `)
    .update(JSON.stringify(context.staticHandlerContext.loaderData))
    .digest("base64");
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = Buffer.from(`<!DOCTYPE html>${renderToStaticMarkup(element())}`);
  // Never keep markup that carries this response's nonce: another response has another one.
  if (!html.includes(nonce)) cache.set(key, html);
  return html;
}
