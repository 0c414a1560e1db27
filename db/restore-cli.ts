// `npm run db:restore -- <file> [--force]`: restore a db:backup file into the configured database
// (DATABASE_URL, else PGLITE_DIR). Stop the portal first. See db/backup.ts.
import { BackupError, restorePgliteDir, restorePostgres } from "~db/backup";
import { config } from "~/platform/config.server";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((a) => !a.startsWith("--"));
try {
  if (!file) throw new BackupError("usage: npm run db:restore -- <backup file> [--force]");
  const cfg = config();
  if (cfg.DATABASE_URL) {
    await restorePostgres(cfg.DATABASE_URL, file, { force });
  } else {
    const { movedAside } = await restorePgliteDir(cfg.PGLITE_DIR, file, { force });
    if (movedAside) console.log(`the previous PGlite folder was moved to ${movedAside}`);
  }
  console.log(`restored (${cfg.databaseDriver}) from ${file}`);
} catch (err) {
  console.error(err instanceof BackupError ? `db:restore: ${err.message}` : err);
  process.exitCode = 1;
}
