// The route pattern a URL path matches in the Remix route table (`/firms/:firmId/plan`), for labels
// of the request-duration metric: one label per route, not per URL, so its cardinality is bounded.
import { matchRoutes } from "@remix-run/react";

export interface RouteEntry {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
}

type Node = { id: string; path?: string; index: true } | { id: string; path?: string; index?: false; children: Node[] };

/** Build a matcher once from the build's routes; it answers a pattern, or null when only the root matches. */
export function routePatternMatcher(
  routes: Record<string, RouteEntry | undefined>,
): (pathname: string) => string | null {
  const byParent = new Map<string | undefined, RouteEntry[]>();
  for (const route of Object.values(routes)) {
    if (!route) continue;
    const list = byParent.get(route.parentId) ?? [];
    list.push(route);
    byParent.set(route.parentId, list);
  }
  const tree = (parentId: string | undefined): Node[] =>
    (byParent.get(parentId) ?? []).map((r) =>
      r.index ? { id: r.id, path: r.path, index: true } : { id: r.id, path: r.path, children: tree(r.id) },
    );
  const top = tree(undefined);
  return (pathname) => {
    // Single-fetch data requests: `/x.data` asks for `/x`'s data, `/_root.data` for `/`'s.
    const path = pathname === "/_root.data" ? "/" : pathname.replace(/\.data$/, "");
    const matches = matchRoutes(top, path);
    if (!matches || matches.length < 2) return null;
    const segments = matches.map((m) => m.route.path).filter((p): p is string => Boolean(p));
    return `/${segments.join("/")}`.replace(/\/+/g, "/");
  };
}
