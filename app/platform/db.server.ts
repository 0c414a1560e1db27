import { AsyncLocalStorage } from "node:async_hooks";
import { type DatabaseHandle, type Db, openDatabase } from "~db/connect";
import type { Config } from "~/platform/config-schema";

let current: DatabaseHandle | undefined;
// A database for one call chain only (withDatabase): two "nodes" in one test process, each on its own pool.
const scoped = new AsyncLocalStorage<DatabaseHandle>();

/**
 * Open the configured database and apply migrations; called once at server start. `migrate: false` and
 * `pgliteSharedBuffers` are for an embedded web server, which leaves migrations to a child process and
 * serves with small shared buffers (decision 045).
 */
export async function initDatabase(
  cfg: Config,
  onPoolError?: (err: Error) => void,
  options: { migrate?: boolean; pgliteSharedBuffers?: string } = {},
): Promise<DatabaseHandle> {
  const handle = cfg.DATABASE_URL
    ? await openDatabase({ driver: "postgres", url: cfg.DATABASE_URL, poolSize: cfg.DATABASE_POOL_SIZE, onPoolError })
    : await openDatabase({ driver: "pglite", dataDir: cfg.PGLITE_DIR, sharedBuffers: options.pgliteSharedBuffers });
  if (options.migrate !== false) await handle.migrate(cfg.MIGRATIONS_DIR);
  current = handle;
  return handle;
}

/** Install an already-open database (tests, scripts). */
export function useDatabase(handle: DatabaseHandle): void {
  current = handle;
}

/** Run `fn` with `handle` as the database of everything it calls, whatever useDatabase installs meanwhile. */
export function withDatabase<T>(handle: DatabaseHandle, fn: () => T): T {
  return scoped.run(handle, fn);
}

export function databaseHandle(): DatabaseHandle {
  const handle = scoped.getStore() ?? current;
  if (!handle) throw new Error("The database is not initialised: call initDatabase() at start.");
  return handle;
}

/** The open database, or null before start-up and after shutdown (metrics, health). */
export function databaseHandleOrNull(): DatabaseHandle | null {
  return current ?? null;
}

export function db(): Db {
  return databaseHandle().db;
}

/** One value per open database (a cache, say), made on first use: tests open many databases in one process. */
export function perDatabase<T extends object>(make: () => T): () => T {
  const values = new WeakMap<Db, T>();
  return () => {
    let value = values.get(db());
    if (!value) values.set(db(), (value = make()));
    return value;
  };
}

export async function closeDatabase(): Promise<void> {
  const handle = current;
  current = undefined;
  await handle?.close();
}

/** The rows of a raw `execute` result; both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
