// The HTTP layer's logger: one pino instance per process, named by its part (http, http-<worker>).
import cluster from "node:cluster";
import { type Logger, pino } from "pino";
import { requestIdMixin } from "~/platform/request-id";
import type { ServerSettings } from "./remix-build";

export type Log = Logger;

export function createLog(settings: ServerSettings): Log {
  return pino({
    level: settings.logLevel,
    base: { service: "qmd-portal", part: cluster.worker ? `http-${cluster.worker.id}` : "http" },
    // Every line written while serving a request carries its id (the access log line too).
    mixin: requestIdMixin,
  });
}

/** An error's message for a log line (the value thrown may be anything). */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
