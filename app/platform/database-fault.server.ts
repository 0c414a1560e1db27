// One answer to a database that is not reachable just now, for every route: 503 with Retry-After and a
// message in the caller's language, instead of each route's 500. The HTTP layer (server/app.ts) wraps
// the build's loaders and actions with it once; routes know nothing of it. A thrown 503 is what Remix
// shows as the error page (the message in `data`) and what a resource route, such as the assessment
// JSON endpoints, sends as is, in the API's error shape.
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { resolveLocale } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";
import { textFor } from "~/i18n/server-t.server";
import { apiError } from "~/platform/api-error";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "~/platform/database-fault";
import { logger } from "~/platform/logger.server";

type Routes = ServerBuild["routes"];
type RouteFunction = (args: { request: Request; context: AppLoadContext; params: unknown }) => unknown;

/** The caller's language without asking the database: the one already worked out, else the cookie. */
async function localeOf(request: Request, context: AppLoadContext): Promise<Locale> {
  const known = await context.i18n?.then((i) => i.locale).catch(() => null);
  return known ?? resolveLocale(request);
}

/** The 503 for a database fault, or null when `error` is something else. */
export async function databaseUnavailableResponse(
  error: unknown,
  request: Request,
  context: AppLoadContext,
): Promise<Response | null> {
  if (error instanceof Response || !isDatabaseUnavailable(error)) return null;
  logger.warn({ err: (error as Error).message, path: new URL(request.url).pathname }, "database unavailable: 503");
  const locale = await localeOf(request, context);
  return apiError(
    503,
    "database_unavailable",
    textFor(locale)("errors.unavailable"),
    { retryAfter: RETRY_AFTER_SECONDS, locale },
    { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  );
}

function guarded<F extends RouteFunction>(fn: F): F {
  const wrapped = async (args: Parameters<F>[0]) => {
    try {
      return await fn(args);
    } catch (error) {
      throw (await databaseUnavailableResponse(error, args.request, args.context)) ?? error;
    }
  };
  return wrapped as F;
}

/** The build's routes, each loader and action answering a database fault with the 503 above. */
export function answerDatabaseFaults(routes: Routes): Routes {
  return Object.fromEntries(
    Object.entries(routes).map(([id, route]) => {
      if (!route) return [id, route];
      const { loader, action } = route.module as { loader?: RouteFunction; action?: RouteFunction };
      if (!loader && !action) return [id, route];
      const module = {
        ...route.module,
        ...(loader ? { loader: guarded(loader) } : {}),
        ...(action ? { action: guarded(action) } : {}),
      };
      return [id, { ...route, module: module as typeof route.module }];
    }),
  );
}
