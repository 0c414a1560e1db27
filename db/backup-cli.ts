// `npm run db:backup -- [file]`: back up the configured database (DATABASE_URL, else PGLITE_DIR).
// Default file: backups/qmd-<driver>-<time>.<dump|tar.gz>. See db/backup.ts.
import { BackupError, backupPgliteDir, backupPostgres } from "~db/backup";
import { config } from "~/platform/config.server";

const cfg = config();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const file =
  process.argv[2] ?? (cfg.DATABASE_URL ? `backups/qmd-postgres-${stamp}.dump` : `backups/qmd-pglite-${stamp}.tar.gz`);
try {
  if (cfg.DATABASE_URL) await backupPostgres(cfg.DATABASE_URL, file);
  else await backupPgliteDir(cfg.PGLITE_DIR, file);
  console.log(`backup written (${cfg.databaseDriver}): ${file}`);
} catch (err) {
  console.error(err instanceof BackupError ? `db:backup: ${err.message}` : err);
  process.exitCode = 1;
}
