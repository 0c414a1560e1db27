// Start-up and shutdown of the server process: configuration, content, database, demo seed, background jobs.
import { startThrottleStore } from "~/accounts/login-throttle.server";
import { questionnaireVersionsOnDisk } from "~/assessment/versions.server";
import { loadAllTaxonomies } from "~/content/taxonomies.server";
import { guide } from "~/guide/guide.server";
import { remindOverdueActions } from "~/plan/plan.server";
import { stopChangeNotices } from "~/platform/change-notices.server";
import { config } from "~/platform/config.server";
import { closeDatabase, databaseHandle, initDatabase } from "~/platform/db.server";
import { startJobs, stopJobs } from "~/platform/jobs/jobs.server";
import type { JobDefinitions } from "~/platform/jobs/types";
import { logger } from "~/platform/logger.server";
import { deliverPendingEmail, OUTBOX_TASK } from "~/platform/outbox.server";
import { refreshDemoMode } from "~/platform/seed-state.server";
import { runStartupSyncs } from "~/platform/startup-syncs.server";
import { scenesOnDisk } from "~/scenes/content.server";
import { buildReleaseJob, RELEASE_BUILD } from "~/statistics/release/build-job.server";

const PLAN_REMINDERS_TASK = "plan-reminders";

/**
 * What runs in the background (decision 030): release builds, which staff follow on their page; email
 * delivery; and overdue-plan reminders, queued for every reminder due whether or not SMTP is set up, so
 * the admin outbox page shows them.
 */
function jobDefinitions(): JobDefinitions {
  const cfg = config();
  return {
    tracked: { [RELEASE_BUILD]: buildReleaseJob },
    tasks: {
      [OUTBOX_TASK]: { everyMs: 10_000, run: () => deliverPendingEmail() },
      [PLAN_REMINDERS_TASK]: {
        everyMs: 60_000,
        run: () => remindOverdueActions(new Date(), cfg.linkOrigin ?? ""),
      },
    },
  };
}

/**
 * Start the process: "web" serves HTTP (and runs jobs unless JOB_WORKERS=off), "worker" (`npm run worker`)
 * only runs jobs, beside web nodes on the same PostgreSQL.
 */
export async function startup(role: "web" | "worker" = "web"): Promise<void> {
  const cfg = config();
  if (role === "worker" && !cfg.DATABASE_URL)
    throw new Error(
      "npm run worker needs DATABASE_URL: on embedded PGlite the web process owns the data folder and runs the jobs itself",
    );
  loadAllTaxonomies();
  guide();
  questionnaireVersionsOnDisk();
  scenesOnDisk();
  const started = Date.now();
  const handle = await initDatabase(cfg, (err) => logger.error({ err: err.message }, "database pool error"));
  logger.info({ driver: handle.driver, ms: Date.now() - started }, "database ready");
  // Under one advisory lock: with several nodes starting at once, one syncs and the others find it done.
  await runStartupSyncs({ seedDemo: cfg.SEED_DEMO, adminEmails: cfg.ADMIN_EMAILS });
  await refreshDemoMode();
  await startJobs(jobDefinitions(), { work: role === "worker" || cfg.JOB_WORKERS === "web" });
}

/** What the HTTP layer (server/) needs to know; validates the configuration on first call. */
export function serverSettings() {
  const cfg = config();
  return {
    host: cfg.HOST,
    port: cfg.PORT,
    secure: cfg.COOKIE_SECURE,
    publicOrigin: cfg.PUBLIC_ORIGIN ? new URL(cfg.PUBLIC_ORIGIN).origin : null,
    trustProxy: cfg.TRUST_PROXY,
    maxBodyBytes: cfg.MAX_BODY_BYTES,
    logLevel: cfg.LOG_LEVEL,
    workers: cfg.WEB_CONCURRENCY,
  };
}

export async function health(): Promise<void> {
  await databaseHandle().ping();
}

export async function shutdown(): Promise<void> {
  await stopJobs();
  await stopChangeNotices();
  await closeDatabase();
}

/** In the primary of a multi-process server: the shared login-throttle store for the workers. */
export function startClusterPrimary(): void {
  startThrottleStore();
}
