// Start-up and shutdown of the server process: configuration, content, database, demo seed, mail.
import { startThrottleStore } from "~/accounts/login-throttle.server";
import { questionnaireVersionsOnDisk } from "~/assessment/versions.server";
import { loadAllTaxonomies } from "~/content/taxonomies.server";
import { guide } from "~/guide/guide.server";
import { remindOverdueActions } from "~/plan/plan.server";
import { stopChangeNotices } from "~/platform/change-notices.server";
import { config } from "~/platform/config.server";
import { closeDatabase, databaseHandle, initDatabase } from "~/platform/db.server";
import { logger } from "~/platform/logger.server";
import { deliverPendingEmail } from "~/platform/outbox.server";
import { refreshDemoMode } from "~/platform/seed-state.server";
import { runStartupSyncs } from "~/platform/startup-syncs.server";
import { scenesOnDisk } from "~/scenes/content.server";

let mailTimer: NodeJS.Timeout | undefined;

export async function startup(): Promise<void> {
  const cfg = config();
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
  // One timer for the outbox: overdue plan reminders are queued (with or without SMTP, so the admin outbox
  // page shows them), then whatever is pending is sent when SMTP is configured.
  const origin = cfg.PUBLIC_ORIGIN ? new URL(cfg.PUBLIC_ORIGIN).origin : "";
  mailTimer = setInterval(() => {
    remindOverdueActions(new Date(), origin)
      .catch((err: Error) => logger.error({ err: err.message }, "plan reminders failed"))
      .then(() => (cfg.SMTP_URL ? deliverPendingEmail() : 0))
      .catch((err: Error) => logger.error({ err: err.message }, "outbox delivery failed"));
  }, 10_000);
  mailTimer.unref();
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
  if (mailTimer) clearInterval(mailTimer);
  await stopChangeNotices();
  await closeDatabase();
}

/** In the primary of a multi-process server: the shared login-throttle store for the workers. */
export function startClusterPrimary(): void {
  startThrottleStore();
}
