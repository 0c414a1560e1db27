// The start-up syncs (content/ into the database, demo seed, bootstrap administrators), run by every
// process that starts, one process at a time: under one PostgreSQL advisory lock, so that of several
// nodes starting at once one does the work and the others, waiting their turn, find it done.
import { seedDemoIfEmpty } from "~db/seed";
import { ensureBootstrapAdmins } from "~/accounts/role-grant.server";
import { syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { databaseHandle } from "~/platform/db.server";
import { logger } from "~/platform/logger.server";
import { syncScenesFromContent } from "~/scenes/scene.server";

// Beside the migrations' 4_751_203 and the demo seed's 4_751_204 (see db/connect.ts).
const STARTUP_LOCK_KEY = 4_751_205;

export interface StartupSyncReport {
  versionsAdded: string[];
  scenesAdded: number;
  seeded: boolean;
  admins: number;
}

export async function runStartupSyncs(options: {
  seedDemo: boolean;
  adminEmails: readonly string[];
}): Promise<StartupSyncReport> {
  return databaseHandle().exclusively(STARTUP_LOCK_KEY, async () => {
    const versions = await syncQuestionnaireVersions();
    if (versions.added.length)
      logger.info({ versions: versions.added }, "questionnaire versions published from content/");
    if (versions.changedOnDisk.length) {
      logger.error(
        { versions: versions.changedOnDisk },
        "published questionnaire versions differ from their files; the stored versions stay in use (publish a change under a new id)",
      );
    }
    if (versions.draftsChanged.length) {
      logger.warn(
        { versions: versions.draftsChanged },
        "draft questionnaire versions differ from their files; the stored drafts are kept (import them again from content/ in admin › questionnaires)",
      );
    }
    const scenesAdded = await syncScenesFromContent();
    if (scenesAdded) logger.info({ scenes: scenesAdded }, "scenes added from content/");
    const seeded = options.seedDemo ? await seedDemoIfEmpty() : false;
    if (seeded) logger.info("demo data seeded (see README for demo accounts)");
    const admins = await ensureBootstrapAdmins(options.adminEmails);
    if (admins > 0) logger.info({ admins }, "administrators granted from ADMIN_EMAILS");
    return { versionsAdded: versions.added, scenesAdded, seeded, admins };
  });
}
