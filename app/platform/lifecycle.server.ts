// Start-up and shutdown of the server process: configuration, content, database, demo seed, background jobs.
import { pendingMigrations, pgliteFolderExists } from "~db/connect";
import { demoSeedPending } from "~db/seed";
import { startThrottleStore } from "~/accounts/login-throttle.server";
import { questionnaireVersionsOnDisk } from "~/assessment/versions.server";
import { loadAllTaxonomies } from "~/content/taxonomies.server";
import { guide } from "~/guide/guide.server";
import { remindOverdueActions } from "~/plan/plan.server";
import { stopChangeNotices } from "~/platform/change-notices.server";
import { config } from "~/platform/config.server";
import type { Config } from "~/platform/config-schema";
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
 * What an embedded (PGlite) web server opens its data folder with: the folder's own 128MB of shared
 * buffers are all touched at open, and 16MB serve the demo's pages (decision 045).
 */
const SERVING_SHARED_BUFFERS = "16MB";

/**
 * "web" serves HTTP (and runs jobs unless JOB_WORKERS=off); "worker" (`npm run worker`) only runs jobs,
 * beside web nodes on the same PostgreSQL; "prepare" (`--prepare`) only does an embedded web server's
 * start-up work, in a short-lived child of that server, and is then shut down (decision 045).
 */
export type Role = "web" | "worker" | "prepare";

/**
 * What startup did: "started", or "prepare-first" when an embedded web server found start-up work to do
 * (a new data folder, migrations to apply, demo data to seed or release): it has closed the database, and
 * its caller runs that work in a `--prepare` child, then calls startup again with `prepared: true`.
 */
export type StartupOutcome = "started" | "prepare-first";

/**
 * Start the process. On PGlite, the web server opens its folder with small shared buffers, and leaves
 * any heavy start-up work to a child process, because the WebAssembly memory that migrations, seeding
 * and a release build grow is never given back (decision 045). `prepared`: that child has just done it.
 */
export async function startup(role: Role = "web", options: { prepared?: boolean } = {}): Promise<StartupOutcome> {
  const cfg = config();
  if (role === "worker" && !cfg.DATABASE_URL)
    throw new Error(
      "npm run worker needs DATABASE_URL: on embedded PGlite the web process owns the data folder and runs the jobs itself",
    );
  const embeddedWeb = role === "web" && !cfg.DATABASE_URL;
  const prepared = embeddedWeb && options.prepared === true;
  // Opening a new folder would run initdb in this process: the child makes it.
  if (embeddedWeb && !prepared && !pgliteFolderExists(cfg.PGLITE_DIR)) return "prepare-first";
  loadAllTaxonomies();
  guide();
  questionnaireVersionsOnDisk();
  scenesOnDisk();
  const started = Date.now();
  const handle = await initDatabase(cfg, (err) => logger.error({ err: err.message }, "database pool error"), {
    migrate: !embeddedWeb,
    pgliteSharedBuffers: embeddedWeb ? SERVING_SHARED_BUFFERS : undefined,
  });
  if (embeddedWeb && !prepared && (await startupWorkPending(cfg))) {
    await closeDatabase();
    return "prepare-first";
  }
  logger.info({ driver: handle.driver, ms: Date.now() - started }, "database ready");
  // Under one advisory lock: with several nodes starting at once, one syncs and the others find it done.
  // After a child's start-up work they are done; otherwise, on a prepared folder, they only compare.
  if (!prepared) await runStartupSyncs({ seedDemo: cfg.SEED_DEMO, adminEmails: cfg.ADMIN_EMAILS });
  if (role === "prepare") return "started";
  await refreshDemoMode();
  await startJobs(jobDefinitions(), { work: role === "worker" || cfg.JOB_WORKERS === "web" });
  return "started";
}

/** Migrations to apply, or demo data to seed or release: the work an embedded server leaves to a child. */
async function startupWorkPending(cfg: Config): Promise<boolean> {
  const migrations = await pendingMigrations(databaseHandle(), cfg.MIGRATIONS_DIR);
  const seed = migrations === 0 && cfg.SEED_DEMO && (await demoSeedPending());
  if (migrations > 0 || seed) logger.info({ migrations, seed }, "start-up work to do: running it in a child process");
  return migrations > 0 || seed;
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
