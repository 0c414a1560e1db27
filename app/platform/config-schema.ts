import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), "must be a postgres:// or postgresql:// URL");

export const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    HOST: z.string().min(1).default("0.0.0.0"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    PGLITE_DIR: z.string().min(1).default("./data/pglite"),
    CONTENT_DIR: z.string().min(1).default("./content"),
    MIGRATIONS_DIR: z.string().min(1).default("./db/migrations"),
    PUBLIC_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
    SMTP_URL: z
      .string()
      .refine((v) => /^smtps?:\/\//.test(v), "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().min(3).default("QMD Portal <no-reply@qmd-portal.invalid>"),
    SEED_DEMO: booleanFlag.default(true),
    COOKIE_SECURE: booleanFlag.optional(),
    // Accounts with these emails are made administrators (first install without the demo seed).
    ADMIN_EMAILS: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.email()))
      .default([]),
    // The assessment period new self-assessments belong to: a year or a wave label ("2026", "2026-H2").
    ASSESSMENT_PERIOD: z
      .string()
      .regex(/^\d{4}(-[A-Za-z0-9]{1,8})?$/, "must be a year or a year-wave label like 2026-H2")
      .optional(),
    TRUST_PROXY: booleanFlag.default(false),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(1024 * 1024),
    // Worker processes serving HTTP (PostgreSQL only: PGlite lives inside one process).
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(1),
    // Where background jobs run (decision 030): "web", in every web process (the default: `npm start` alone
    // is a whole portal); "off", web nodes only queue jobs and `npm run worker` processes run them.
    JOB_WORKERS: z.enum(["web", "off"]).default("web"),
    // Bearer token for /metrics; unset: /metrics answers only direct loopback connections (decision 031).
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_BLOCK_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
  })
  .refine((c) => c.JOB_WORKERS === "web" || c.DATABASE_URL, {
    path: ["JOB_WORKERS"],
    message: '"off" needs DATABASE_URL (on embedded PGlite the web process is the only one that can run jobs)',
  })
  .refine((c) => c.WEB_CONCURRENCY === 1 || c.DATABASE_URL, {
    path: ["WEB_CONCURRENCY"],
    message: "more than one worker needs DATABASE_URL (embedded PGlite serves one process)",
  })
  .refine((c) => c.PUBLIC_ORIGIN || c.NODE_ENV !== "production" || isLocalTrial(c), {
    path: ["PUBLIC_ORIGIN"],
    message:
      "required in production (the https:// origin users reach, e.g. https://qmd.example.org): email links are " +
      "built from it, never from the request's Host header",
  })
  .transform((c) => ({
    ...c,
    // Secure cookies by default in production; overridable for a local http trial.
    COOKIE_SECURE: c.COOKIE_SECURE ?? c.NODE_ENV === "production",
    databaseDriver: c.DATABASE_URL ? ("postgres" as const) : ("pglite" as const),
    linkOrigin: linkOrigin(c),
  }));

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/**
 * Without PUBLIC_ORIGIN production still starts for a local trial: the demo (`npm start`, every page says
 * so) or a server that listens on loopback only. Its links then name the address it listens on.
 */
function isLocalTrial(c: { SEED_DEMO: boolean; HOST: string }): boolean {
  return c.SEED_DEMO || LOOPBACK.has(c.HOST);
}

/**
 * The origin of every absolute link the server writes (reset, invitation and case emails): PUBLIC_ORIGIN,
 * else the address the server listens on. Null only behind a trusted proxy without PUBLIC_ORIGIN: then the
 * request's (proxy-set) host is used. Never the request's Host otherwise: a forged one would poison links.
 */
function linkOrigin(c: { PUBLIC_ORIGIN?: string; TRUST_PROXY: boolean; HOST: string; PORT: number }): string | null {
  if (c.PUBLIC_ORIGIN) return new URL(c.PUBLIC_ORIGIN).origin;
  if (c.TRUST_PROXY) return null;
  const host =
    c.HOST === "0.0.0.0" || c.HOST === "::"
      ? "localhost"
      : c.HOST.includes(":") && !c.HOST.startsWith("[")
        ? `[${c.HOST}]`
        : c.HOST;
  return new URL(`http://${host}:${c.PORT}`).origin;
}

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {}

/** Parse an environment; empty strings count as unset. Throws ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
