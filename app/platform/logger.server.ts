import { pino } from "pino";
import { config } from "~/platform/config.server";

// Structured JSON logs on stdout; no request bodies, IP addresses or user agents are logged.
export const logger = pino({
  level: config().LOG_LEVEL,
  base: { service: "qmd-portal" },
  redact: ["password", "*.password", "token", "*.token"],
});
