// The Express app in front of the Remix build, in the order every request meets it: unread bodies
// dropped after the response, request id and
// duration metric, nonce and access log, security headers, origin check, body limit, /healthz,
// /metrics, direct JSON actions, static files, then Remix (its loaders and actions wrapped to answer a
// lost database connection with 503).
import { readdirSync } from "node:fs";
import type { Server } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import express, { type Express, type Request, type RequestHandler } from "express";
import { apiErrorBody } from "~/platform/api-error";
import { requestIdFrom, runWithRequestId } from "~/platform/request-id";
import { routePatternMatcher } from "~/platform/route-pattern";
import { compressedStatic } from "./compressed-static";
import { loadContext, mountDirectActions } from "./direct-actions";
import { bodyLimit, discardUnreadBody, originCheck, queryCheck } from "./guards";
import { nonceAndAccessLog, securityHeaders } from "./headers";
import { type Log, messageOf } from "./log";
import type { PortalBuild, ServerSettings } from "./remix-build";

export function createApp(remixBuild: PortalBuild, settings: ServerSettings, log: Log): Express {
  const portal = remixBuild.entry.module;
  // Every loader and action answers a lost database connection with 503 and Retry-After, not 500.
  const build: PortalBuild = { ...remixBuild, routes: portal.answerDatabaseFaults(remixBuild.routes) };
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", settings.trustProxy);

  app.use(discardUnreadBody());
  app.use(requestIdAndMetrics(build));
  app.use(nonceAndAccessLog(log));
  app.use(securityHeaders(settings));
  app.use(originCheck(settings, portal.isAllowedOrigin));
  app.use(bodyLimit(settings));
  app.use(queryCheck());

  app.get("/healthz", async (_req, res) => {
    try {
      // A database that does not answer at all (a dropped network) must not hang the check.
      await withTimeout(portal.health(), HEALTH_TIMEOUT_MS);
      res.json({ status: "ok", database: "ok" });
    } catch (err) {
      log.error({ err: messageOf(err) }, "health check failed");
      res.status(503).json({ status: "error", database: "unreachable" });
    }
  });

  app.get("/metrics", async (req, res) => {
    const access = portal.metricsAccessFor({
      remoteAddress: req.socket.remoteAddress,
      authorization: req.get("authorization"),
      forwarded: Boolean(req.get("x-forwarded-for") || req.get("forwarded")),
    });
    if (access === "unauthorized") {
      res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
      res
        .status(401)
        .json(apiErrorBody("unauthorized", "需要 METRICS_TOKEN 令牌。 A METRICS_TOKEN bearer token is required."));
      return;
    }
    if (access === "forbidden") {
      res
        .status(403)
        .json(
          apiErrorBody("forbidden", "仅限本机访问。 Metrics are served to this machine only (or set METRICS_TOKEN)."),
        );
      return;
    }
    const { contentType, body } = await portal.metricsResponse();
    res.setHeader("Cache-Control", "no-store");
    res.type(contentType).send(body);
  });

  mountDirectActions(app, build);

  app.use("/build", compressedStatic("public/build", "public, max-age=31536000, immutable"));
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // public/'s own files (favicon, robots.txt, print.js) by name only: mounted on every path, express.static
  // asked the disk for each page request first (5.6% of a statistics page's CPU in the issue 16 profile).
  app.get(publicFiles("public"), express.static("public", { maxAge: "1h" }));

  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: loadContext }));
  return app;
}

/** The URL paths of the files at the top of `dir` (its folders, such as build/, have mounts of their own). */
function publicFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${entry.name}`);
}

const HEALTH_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Gives each request its id (a valid `X-Request-Id` from the caller, else a new UUID), echoed in
 * the response and carried by every log line written while serving it; and records its duration
 * under its route pattern once finished.
 */
function requestIdAndMetrics(build: PortalBuild): RequestHandler {
  const portal = build.entry.module;
  const patternOf = routePatternMatcher(build.routes);
  const routeLabel = (req: Request, status: number): string => {
    const path = (req.route as { path?: string } | undefined)?.path;
    if (path === "*") return patternOf(new URL(req.originalUrl, "http://x").pathname) ?? "unmatched";
    if (path) return path;
    // No route reached: a static file, or a refusal by a guard in front of the routes.
    return status < 400 ? "static" : "unmatched";
  };
  return (req, res, next) => {
    const id = requestIdFrom(req.get("x-request-id"));
    res.setHeader("X-Request-Id", id);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      portal.observeHttpRequest(req.method, routeLabel(req, res.statusCode), res.statusCode, seconds);
    });
    runWithRequestId(id, next);
  };
}

/**
 * Keep idle connections open for 65 s (Node's default is 5 s). A client that reuses a socket just as the
 * server closes it gets ECONNRESET: with 5 s, any pause of a few seconds between two requests of one
 * client (a test waiting on an axe scan, a soak user thinking, a proxy's pool) could meet the close.
 * 65 s outlasts the usual idle timeouts of proxies and load balancers in front (60 s), so they close
 * first. headersTimeout must be longer than keepAliveTimeout.
 */
export const KEEP_ALIVE_MS = 65_000;

export function keepConnectionsAlive(server: Server): Server {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}
