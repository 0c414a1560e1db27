// Backup and restore of both drivers (`npm run db:backup`, `npm run db:restore`): pg_dump / pg_restore
// in custom format for PostgreSQL, PGlite's data-directory dump (a gzipped tar) for the embedded
// default. Every refusal is a BackupError whose message says what to do; the CLIs print it and exit 1.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export class BackupError extends Error {}

/** Run a PostgreSQL client tool; a missing binary or a failure becomes a BackupError with its stderr. */
function runTool(tool: "pg_dump" | "pg_restore", args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(tool, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (err: NodeJS.ErrnoException) =>
      fail(
        err.code === "ENOENT"
          ? new BackupError(
              `${tool} was not found on PATH: install the PostgreSQL client tools of the server's major version (Debian: apt-get install postgresql-client)`,
            )
          : err,
      ),
    );
    child.on("close", (code) =>
      code === 0 ? done() : fail(new BackupError(`${tool} failed (exit ${code}): ${stderr.trim() || "no message"}`)),
    );
  });
}

function ensureReadable(file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`backup file not found: ${resolve(file)}`);
}

function prepareOutput(file: string): void {
  mkdirSync(dirname(resolve(file)), { recursive: true });
}

/** pg_dump in custom format (compressed, restorable table by table with pg_restore). */
export async function backupPostgres(url: string, file: string): Promise<void> {
  prepareOutput(file);
  await runTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${resolve(file)}`, url]);
}

/** Tables in the schemas the portal uses: a database with any is not empty. */
async function postgresTableCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    "select count(*) as n from pg_tables where schemaname in ('public', 'drizzle')",
  );
  return Number(rows[0]!.n);
}

/**
 * pg_restore into the database at `url`. A database with tables is refused unless `force`, which
 * first drops the portal's schemas (public, drizzle) so that nothing from before survives.
 */
export async function restorePostgres(url: string, file: string, { force = false } = {}): Promise<void> {
  ensureReadable(file);
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch((err: Error) => {
    throw new BackupError(`cannot connect to the database to restore into: ${err.message}`);
  });
  try {
    const tables = await postgresTableCount(client);
    if (tables > 0 && !force)
      throw new BackupError(
        `refusing to restore over a non-empty database (${tables} tables): pass --force to replace everything in it`,
      );
    if (tables > 0)
      await client.query("drop schema if exists drizzle cascade; drop schema public cascade; create schema public");
  } finally {
    await client.end();
  }
  await runTool("pg_restore", [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    "--single-transaction",
    `--dbname=${url}`,
    resolve(file),
  ]);
}

/** A PGlite database's data directory as a gzipped tar, from an open instance. */
export async function backupPgliteInstance(instance: PGlite, file: string): Promise<void> {
  const dump = await instance.dumpDataDir("gzip");
  prepareOutput(file);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

/** Open a PGlite instance from a dump, in memory or in `dataDir` (which must not exist yet). */
export async function restorePgliteInstance(file: string, dataDir?: string): Promise<PGlite> {
  ensureReadable(file);
  const loadDataDir = new Blob([readFileSync(file)]);
  const instance = new PGlite(dataDir ? { dataDir: resolve(dataDir), loadDataDir } : { loadDataDir });
  await instance.waitReady;
  return instance;
}

function isNonEmptyDir(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).length > 0;
}

/** Dump the PGlite folder `dataDir` (the portal must not be running on it: PGlite serves one process). */
export async function backupPgliteDir(dataDir: string, file: string): Promise<void> {
  if (!isNonEmptyDir(dataDir)) throw new BackupError(`no PGlite database at ${resolve(dataDir)} (PGLITE_DIR)`);
  const instance = new PGlite(resolve(dataDir));
  try {
    await instance.waitReady;
    await backupPgliteInstance(instance, file);
  } finally {
    await instance.close();
  }
}

/**
 * Restore a dump into the PGlite folder `dataDir`. A non-empty folder is refused unless `force`,
 * which moves it aside to `<dataDir>.before-restore-<time>` (returned) rather than deleting it.
 */
export async function restorePgliteDir(
  dataDir: string,
  file: string,
  { force = false, now = new Date() } = {},
): Promise<{ movedAside: string | null }> {
  ensureReadable(file);
  const dir = resolve(dataDir);
  let movedAside: string | null = null;
  if (isNonEmptyDir(dir)) {
    if (!force)
      throw new BackupError(
        `refusing to restore over the non-empty PGlite folder ${dir}: pass --force (the folder is moved aside, not deleted)`,
      );
    movedAside = `${dir}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    renameSync(dir, movedAside);
  }
  mkdirSync(dirname(dir), { recursive: true });
  const instance = await restorePgliteInstance(file, dir);
  await instance.close();
  return { movedAside };
}
