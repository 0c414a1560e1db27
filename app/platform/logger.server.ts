import { pino } from "pino";
import { config } from "~/platform/config.server";
import { requestIdMixin } from "~/platform/request-id";

// Structured JSON logs on stdout; no request bodies, IP addresses or user agents are logged.
export const logger = pino({
  level: config().LOG_LEVEL,
  base: { service: "qmd-portal" },
  // Every line written while serving a request carries its id (set by server/app.ts).
  mixin: requestIdMixin,
  redact: ["password", "*.password", "token", "*.token"],
});
