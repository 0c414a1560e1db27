// HTTP entry: Express in front of the Remix build. It owns what must wrap every response
// (security headers, CSP nonce, origin check, body limit, access log) and the process lifecycle.
// With WEB_CONCURRENCY > 1 (PostgreSQL only) a primary process migrates and seeds, then forks
// that many workers which share the port.
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
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

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({ nonce: res.locals.nonce, setCookies: [], clientIp: req.ip ?? "unknown" }),
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
