// The Express app in front of the Remix build, in the order every request meets it: nonce and
// access log, security headers, origin check, body limit, /healthz, direct JSON actions, static
// files, then Remix.
import { createRequestHandler } from "@remix-run/express";
import express, { type Express } from "express";
import { loadContext, mountDirectActions } from "./direct-actions";
import { bodyLimit, originCheck } from "./guards";
import { nonceAndAccessLog, securityHeaders } from "./headers";
import { type Log, messageOf } from "./log";
import type { PortalBuild, ServerSettings } from "./remix-build";

export function createApp(build: PortalBuild, settings: ServerSettings, log: Log): Express {
  const portal = build.entry.module;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", settings.trustProxy);

  app.use(nonceAndAccessLog(log));
  app.use(securityHeaders(settings));
  app.use(originCheck(settings, portal.isAllowedOrigin));
  app.use(bodyLimit(settings));

  app.get("/healthz", async (_req, res) => {
    try {
      await portal.health();
      res.json({ status: "ok", database: "ok" });
    } catch (err) {
      log.error({ err: messageOf(err) }, "health check failed");
      res.status(503).json({ status: "error", database: "unreachable" });
    }
  });

  mountDirectActions(app, build);

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: loadContext }));
  return app;
}
