// Rendered HTML of plain (non-hydrated) pages, keyed by everything the render reads: the URL, the status and
// every route's loader data (locale, signed-in user, firm data and release included). Such pages carry no
// script needing the CSP nonce; the same inputs give the same markup, so a render is done once per distinct
// input. A firm's report is kept too: only a request that passed the same checks and loaded the very same
// data can be answered from it. Markup is kept as UTF-8 bytes outside the JS heap, within a byte budget.
import { createHash } from "node:crypto";
import type { EntryContext } from "@remix-run/node";
import { renderToString } from "react-dom/server";
import type { ReactElement } from "react";
import { Lru } from "./lib/lru";

const BUDGET_BYTES = 24 * 1024 * 1024;
const cache = new Lru<string, Buffer<ArrayBuffer>>(BUDGET_BYTES, (html) => html.byteLength);

/** Whether every matched route can be served without hydration (one says `handle.hydrate === false`). */
export function isPlainPage(context: EntryContext): boolean {
  const { matches, errors } = context.staticHandlerContext;
  if (errors) return false;
  return matches.some((m) => (context.routeModules[m.route.id]?.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
}

export function renderPlainPage(request: Request, status: number, context: EntryContext, element: ReactElement, nonce: string): Buffer<ArrayBuffer> {
  const key = createHash("sha256").update(`${status} ${request.url} `).update(JSON.stringify(context.staticHandlerContext.loaderData)).digest("base64");
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = Buffer.from(`<!DOCTYPE html>${renderToString(element)}`);
  // Never keep markup that carries this response's nonce: another response has another one.
  if (!html.includes(nonce)) cache.set(key, html);
  return html;
}
