// The portal's Express app (server/app.ts) in this process, over the route modules as vite loads
// them: the same middleware, the same Remix request handler and the same route tree as the built
// server, without `npm run build`. Only the browser assets manifest is made up (no scripts are
// served); pages render as the built server renders them.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { AppConfig } from "@remix-run/dev";
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";
import type { ServerBuild } from "@remix-run/node";
import type { Express } from "express";
import type { Logger } from "pino";
import type * as Entry from "~/entry.server";

// The HTTP layer and the Remix configuration sit outside the aliased folders: loaded by their URL,
// typed here as server/remix-build.ts types them.
type PortalBuild = ServerBuild & { entry: { module: typeof Entry } };
type ServerSettings = ReturnType<typeof Entry.serverSettings>;
const here = (path: string) => new URL(path, import.meta.url).href;
const { createApp, keepConnectionsAlive } = (await import(here("../../server/app.ts"))) as {
  createApp: (build: PortalBuild, settings: ServerSettings, log: Logger) => Express;
  keepConnectionsAlive: (server: Server) => Server;
};
const { createLog } = (await import(here("../../server/log.ts"))) as { createLog: (s: ServerSettings) => Logger };
const remixConfig = ((await import(here("../../remix.config.js"))) as { default: AppConfig }).default;

const APP_DIR = fileURLToPath(new URL("../../app", import.meta.url));

interface RouteEntry {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  file: string;
}

/** Every route of app/routes (Remix's own flat-routes convention) under root, with its module. */
export async function inProcessBuild(): Promise<PortalBuild> {
  const manifest: Record<string, RouteEntry> = {
    root: { id: "root", path: "", file: "root.tsx" },
    ...(flatRoutes(APP_DIR, remixConfig.ignoredRouteFiles as string[]) as Record<string, RouteEntry>),
  };
  const entry = await import("~/entry.server");
  const routes: ServerBuild["routes"] = {};
  const assetRoutes: ServerBuild["assets"]["routes"] = {};
  for (const route of Object.values(manifest)) {
    const module = (await import(/* @vite-ignore */ `${APP_DIR}/${route.file}`)) as Record<string, unknown>;
    routes[route.id] = {
      id: route.id,
      parentId: route.parentId,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      module: module as never,
    };
    assetRoutes[route.id] = {
      id: route.id,
      parentId: route.parentId,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      module: `/build/${route.id}.js`,
      imports: [],
      hasAction: typeof module.action === "function",
      hasLoader: typeof module.loader === "function",
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: typeof module.ErrorBoundary === "function",
    } as ServerBuild["assets"]["routes"][string];
  }
  return {
    mode: "production",
    entry: { module: entry },
    routes,
    assets: {
      version: "in-process",
      url: "/build/manifest-in-process.js",
      entry: { module: "/build/entry.client.js", imports: [] },
      routes: assetRoutes,
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: remixConfig.future as ServerBuild["future"],
    isSpaMode: false,
  } as unknown as PortalBuild;
}

export interface InProcessServer {
  baseURL: string;
  build: PortalBuild;
  close(): Promise<void>;
}

/** Listen on 127.0.0.1 (`port`, or any free port with 0). */
export async function startInProcessServer(port = 0): Promise<InProcessServer> {
  const build = await inProcessBuild();
  const settings = build.entry.module.serverSettings();
  const app = createApp(build, settings, createLog(settings));
  const server = keepConnectionsAlive(app.listen(port, "127.0.0.1"));
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const { port: bound } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${bound}`,
    build,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
