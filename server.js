// HTTP entry: Express in front of the Remix build. It owns what must wrap every response
// (security headers, CSP nonce, origin check, body limit, access log) and the process lifecycle.
// With WEB_CONCURRENCY > 1 (PostgreSQL only) a primary process migrates and seeds, then forks
// that many workers which share the port.
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import { createReadableStreamFromReadable } from "@remix-run/node";
import express from "express";
import helmet from "helmet";
import { pino } from "pino";

process.env.NODE_ENV ??= "production";
const build = await import("./build/index.js");
const portal = build.entry.module;

let settings;
try {
  settings = portal.serverSettings();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
const log = pino({ level: settings.logLevel, base: { service: "qmd-portal", part: cluster.isWorker ? `http-${cluster.worker.id}` : "http" } });

try {
  await portal.startup();
} catch (err) {
  log.fatal({ err: err.message }, "start-up failed");
  process.exit(1);
}

if (cluster.isPrimary && settings.workers > 1) {
  await portal.shutdown();
  runPrimary();
} else {
  serve();
}

function runPrimary() {
  portal.startClusterPrimary();
  // V8 lets the old generation grow lazily to ~300 MB under load; a cap keeps each worker's RSS well
  // under the 300 MB bar at no measured cost in throughput (WORKER_HEAP_MB, default 192).
  cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-old-space-size=${Number(process.env.WORKER_HEAP_MB ?? 192)}`] });
  let stopping = false;
  for (let i = 0; i < settings.workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.error({ worker: worker.id, code }, "worker exited; starting another");
    cluster.fork();
  });
  const stopAll = (signal) => {
    stopping = true;
    log.info({ signal }, "shutting down workers");
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(1), 12_000).unref();
  };
  process.once("SIGTERM", () => stopAll("SIGTERM"));
  process.once("SIGINT", () => stopAll("SIGINT"));
}

function loadContext(req, res) {
  return { nonce: res.locals.nonce, setCookies: [], clientIp: req.ip ?? "unknown" };
}

/**
 * Express handler calling a resource route's action as Remix would for a POST without a query
 * string: the same Request (URL, headers, streamed body, abort signal as @remix-run/express builds
 * them), params, load context, and Remix's answers to a thrown Response or an error.
 */
function directAction(routeId, action) {
  return async (req, res, next) => {
    if (req.originalUrl.includes("?")) return next(); // ?_data, ?index…: Remix's own handling
    try {
      const request = remixRequest(req, res);
      const params = { ...req.params };
      const context = loadContext(req, res);
      let response;
      try {
        response = await action({ request, params, context });
        if (!(response instanceof Response)) throw new Error(`${routeId}: expected a Response from the action`);
      } catch (error) {
        if (error instanceof Response) {
          response = withHeader(error, "X-Remix-Catch", "yes");
        } else {
          portal.handleError(error, { request, params, context });
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

// As @remix-run/express's createRemixRequest.
function remixRequest(req, res) {
  const [, forwardedPort] = req.get("X-Forwarded-Host")?.split(":") ?? [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const a = Number.parseInt(forwardedPort, 10);
  const b = Number.parseInt(hostPort, 10);
  const port = Number.isSafeInteger(a) ? a : Number.isSafeInteger(b) ? b : "";
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  let controller = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, { method: req.method, headers, signal: controller.signal, body: createReadableStreamFromReadable(req), duplex: "half" });
}

function withHeader(response, name, value) {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

function serve() {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", settings.trustProxy);

  app.use((req, res, next) => {
    res.locals.nonce = randomBytes(16).toString("base64");
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    next();
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${res.locals.nonce}'`],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          "connect-src": ["'self'"],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          ...(settings.secure ? { "upgrade-insecure-requests": [] } : {}),
        },
      },
      // "no-referrer" would make browsers send `Origin: null` on same-site form posts (refused below).
      referrerPolicy: { policy: "same-origin" },
      strictTransportSecurity: settings.secure ? { maxAge: 31536000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    next();
  });

  // CSRF: state-changing requests must come from this site's own pages (Lucia guide).
  app.use((req, res, next) => {
    const own = settings.publicOrigin ?? `${req.protocol}://${req.get("host")}`;
    if (portal.isAllowedOrigin(req.method, req.get("origin"), [own])) return next();
    res.status(403).type("application/json").send(JSON.stringify({ error: "forbidden", message: "Cross-origin request refused / 拒绝跨站请求" }));
  });

  // Refuse oversized bodies before anything reads them.
  app.use((req, res, next) => {
    const length = Number(req.get("content-length") ?? 0);
    if (length > settings.maxBodyBytes) {
      res.status(413).type("application/json").send(JSON.stringify({ error: "payload_too_large", message: `Request body over ${settings.maxBodyBytes} bytes / 请求内容过大` }));
      req.resume();
      return;
    }
    next();
  });

  app.get("/healthz", async (_req, res) => {
    try {
      await portal.health();
      res.json({ status: "ok", database: "ok" });
    } catch (err) {
      log.error({ err: err.message }, "health check failed");
      res.status(503).json({ status: "error", database: "unreachable" });
    }
  });

  // The assessment JSON endpoints (autosave, submit): their route modules' own actions, called
  // without Remix's per-request routing and conversions (about a fifth of a submit's CPU). Same
  // middleware in front, same code behind; see directActionRoutes in app/entry.server.tsx.
  for (const id of portal.directActionRoutes) {
    const route = build.routes[id];
    const parent = build.routes[route?.parentId ?? ""];
    if (!route?.path || !/^[\w/:.-]+$/.test(route.path) || route.index || typeof route.module.action !== "function" || route.module.default || !parent || parent.path || parent.parentId) {
      throw new Error(`${id} is not a top-level resource route with an action and a plain path`);
    }
    app.post(`/${route.path}`, directAction(id, route.module.action));
  }

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: loadContext,
    }),
  );

  const server = app.listen(settings.port, settings.host, () => {
    log.info({ url: `http://${settings.host === "0.0.0.0" ? "localhost" : settings.host}:${settings.port}` }, "QMD Portal listening");
  });

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close();
    server.closeIdleConnections?.();
    try {
      await portal.shutdown();
    } catch (err) {
      log.error({ err: err.message }, "error while closing the database");
    }
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
