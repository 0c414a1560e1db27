// The one door to the Remix build (build/index.js, written by `remix build`): no other server
// file imports it. Its type is Remix's ServerBuild with the portal's own entry exports, taken
// from app/entry.server.tsx itself, so a change there is checked here.
import type { ServerBuild } from "@remix-run/node";
import type * as Entry from "~/entry.server";

/** app/entry.server.tsx as built: Remix's entry functions plus serverSettings, startup, shutdown, health… */
export type PortalEntry = typeof Entry;
export type PortalBuild = ServerBuild & { entry: { module: PortalEntry } };
export type ServerSettings = ReturnType<PortalEntry["serverSettings"]>;
export type DirectActionRouteId = PortalEntry["directActionRoutes"][number];

// Relative to this module's own file: server/remix-build.ts in the source, build/server.js once
// bundled (see `build:server` in package.json). Both sit one folder below the project root.
const BUILD_URL = new URL("../build/index.js", import.meta.url);

/** The exports the HTTP layer calls: checked at load, since the import itself is untyped. */
const REQUIRED = [
  "serverSettings",
  "startup",
  "shutdown",
  "health",
  "isAllowedOrigin",
  "handleError",
  "startClusterPrimary",
  "answerDatabaseFaults",
] as const satisfies ReadonlyArray<keyof PortalEntry>;

/** Import the Remix build. Call it after NODE_ENV is settled: the build reads it when loaded. */
export async function loadRemixBuild(): Promise<PortalBuild> {
  const build = (await import(BUILD_URL.href)) as PortalBuild;
  const entry: Partial<Record<keyof PortalEntry, unknown>> = build.entry?.module ?? {};
  const missing = REQUIRED.filter((name) => typeof entry[name] !== "function");
  if (!Array.isArray(entry.directActionRoutes)) missing.push("directActionRoutes" as never);
  if (missing.length)
    throw new Error(
      `${BUILD_URL.pathname}: app/entry.server.tsx does not export ${missing.join(", ")} (run \`npm run build\`)`,
    );
  return build;
}
