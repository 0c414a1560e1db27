// Rendered HTML of plain (non-hydrated) pages, keyed by everything the render reads: the URL, the status and
// every route's loader data (locale, signed-in user and release included). Such pages carry no script and
// so no CSP nonce; the same inputs give the same markup, so a render is done once per distinct input.
import type { EntryContext } from "@remix-run/node";
import { renderToString } from "react-dom/server";
import type { ReactElement } from "react";
import { Lru } from "./lib/lru";

const cache = new Lru<string, string>(300);

/** Whether every matched route can be served without hydration (one says `handle.hydrate === false`). */
export function isPlainPage(context: EntryContext): boolean {
  const { matches, errors } = context.staticHandlerContext;
  if (errors) return false;
  return matches.some((m) => (context.routeModules[m.route.id]?.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
}

/** Whether a matched route asks never to keep its rendered page (firm-specific pages). */
function uncacheable(context: EntryContext): boolean {
  return context.staticHandlerContext.matches.some((m) => (context.routeModules[m.route.id]?.handle as { cacheRender?: boolean } | undefined)?.cacheRender === false);
}

export function renderPlainPage(request: Request, status: number, context: EntryContext, element: ReactElement, nonce: string): string {
  if (uncacheable(context)) return `<!DOCTYPE html>${renderToString(element)}`;
  const key = `${status} ${request.url} ${JSON.stringify(context.staticHandlerContext.loaderData)}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = `<!DOCTYPE html>${renderToString(element)}`;
  // Never keep markup that carries this response's nonce: another response has another one.
  if (!html.includes(nonce)) cache.set(key, html);
  return html;
}
