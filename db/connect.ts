// One schema, two drivers: embedded PGlite when no DATABASE_URL is given, PostgreSQL through `pg` otherwise.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "~db/schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Db;
  /** The PGlite instance itself (PGlite only), e.g. to dump its data directory. */
  raw?: PGlite;
  /** The connection string (PostgreSQL only), e.g. for pg_dump. */
  url?: string;
  driver: "pglite" | "postgres";
  migrate(migrationsFolder: string): Promise<void>;
  /**
   * Run one parameterised SQL statement by name, for the few hot paths where a statement
   * prepared once per connection matters (PostgreSQL caches its plan; PGlite just runs it).
   */
  namedQuery<R>(name: string, text: string, values: unknown[]): Promise<R[]>;
  ping(): Promise<void>;
  /**
   * Run `fn` holding the session-level advisory lock `key`, taken on a connection of its own beside the
   * pool (so `fn` may use the pool freely): another process asking for the same key waits until `fn` is done.
   * PGlite has one process per data folder, so there it just runs `fn`.
   */
  exclusively<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** The pool's connections (PostgreSQL only), for the metrics. */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export type OpenOptions =
  | { driver: "postgres"; url: string; poolSize?: number; onPoolError?: (err: Error) => void }
  | {
      driver: "pglite";
      dataDir?: string;
      instance?: PGlite;
      /**
       * PostgreSQL's shared_buffers for this open, e.g. "16MB", instead of the data folder's 128MB, which
       * PGlite touches whole at open (decision 045).
       */
      sharedBuffers?: string;
    };

// Any constant works; it keeps two starting instances from migrating at once. Other keys in use:
// 4_751_204 (demo seed, transaction-level) and 4_751_205 (start-up syncs, app/platform/startup-syncs.server.ts).
const MIGRATION_LOCK_KEY = 4_751_203;

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.driver === "postgres" ? openPostgres(options) : openPglite(options);
}

async function openPostgres(options: Extract<OpenOptions, { driver: "postgres" }>): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  // Without a listener an idle client's disconnect crashes the process.
  pool.on("error", (err) => options.onPoolError?.(err));
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    db,
    url: options.url,
    driver: "postgres",
    async migrate(migrationsFolder) {
      const client = new pg.Client({ connectionString: options.url });
      await client.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder: resolve(migrationsFolder) });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
        await client.end();
      }
    },
    async namedQuery<R>(name: string, text: string, values: unknown[]) {
      return (await pool.query({ name, text, values })).rows as R[];
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async exclusively(key, fn) {
      const client = new pg.Client({ connectionString: options.url });
      // A dropped lock connection ends the lock; its error must not crash the process.
      client.on("error", (err) => options.onPoolError?.(err));
      await client.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [key]);
        return await fn();
      } finally {
        await client.query("select pg_advisory_unlock($1)", [key]).catch(() => undefined);
        await client.end().catch(() => undefined);
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: once(() => pool.end()),
  };
}

async function openPglite(options: Extract<OpenOptions, { driver: "pglite" }>): Promise<DatabaseHandle> {
  let client = options.instance;
  if (!client) {
    if (options.dataDir) ensureWritableFolder(resolve(options.dataDir));
    const startParams = options.sharedBuffers
      ? [...PGlite.defaultStartParams, "-c", `shared_buffers=${options.sharedBuffers}`]
      : undefined;
    client = new PGlite(options.dataDir ? resolve(options.dataDir) : undefined, startParams ? { startParams } : {});
  }
  await client.waitReady;
  const pglite = client;
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    db,
    raw: pglite,
    driver: "pglite",
    async migrate(migrationsFolder) {
      await migratePglite(drizzlePglite(pglite, { schema }), { migrationsFolder: resolve(migrationsFolder) });
    },
    async namedQuery<R>(_name: string, text: string, values: unknown[]) {
      return (await pglite.query<R>(text, values)).rows;
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    exclusively: (_key, fn) => fn(),
    close: once(() => pglite.close()),
  };
}

/**
 * How many migrations in `migrationsFolder` `migrate` would apply: drizzle's own rule, every migration newer
 * than the last one recorded (none recorded: all of them). An embedded server asks before it decides to
 * have its start-up work done in a child process (decision 045).
 */
export async function pendingMigrations(handle: DatabaseHandle, migrationsFolder: string): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: resolve(migrationsFolder) });
  const [table] = await handle.namedQuery<{ found: string | null }>(
    "migrations-table",
    "select to_regclass('drizzle.__drizzle_migrations')::text as found",
    [],
  );
  if (!table?.found) return migrations.length;
  const [last] = await handle.namedQuery<{ created_at: string | null }>(
    "last-migration",
    "select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1",
    [],
  );
  if (!last || last.created_at === null) return migrations.length;
  return migrations.filter((m) => Number(last.created_at) < m.folderMillis).length;
}

/** Whether a PGlite data folder has been made (initdb) already; opening one that has not creates it. */
export function pgliteFolderExists(dataDir: string): boolean {
  return existsSync(`${resolve(dataDir)}/PG_VERSION`);
}

/**
 * PGlite on a folder it cannot write fails deep inside its WebAssembly file system, or hangs: check
 * first, with a write (mode bits alone say nothing to root or to a read-only mount), and name the folder.
 */
function ensureWritableFolder(dataDir: string): void {
  const probeIn = existsSync(dataDir) ? dataDir : dirname(dataDir);
  const probe = `${probeIn}/.qmd-write-check-${process.pid}`;
  try {
    mkdirSync(probeIn, { recursive: true });
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (err) {
    throw new Error(
      `the PGlite folder ${dataDir} (PGLITE_DIR) cannot be written: ${(err as Error).message}. Make it writable, or set PGLITE_DIR to a writable folder.`,
      { cause: err },
    );
  }
}

/** Closing twice (shutdown after an error, say) is harmless. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
