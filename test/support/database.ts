// Give the current test file a database of its own, installed as the app's database.
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "~db/connect";
import { stopChangeNotices } from "~/platform/change-notices.server";
import { closeDatabase, useDatabase } from "~/platform/db.server";

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createIsolatedDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const template = inject("postgresTemplate");
  const url = process.env.DATABASE_URL;
  if (template && url) {
    const name = `qmd_t_${template.split("_").pop()}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const handle = await openDatabase({ driver: "postgres", url: withDatabase(url, name), poolSize: 5 });
    return {
      handle,
      drop: async () => {
        await handle.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const image = readFileSync(inject("pgliteImage"));
  const instance = new PGlite({ loadDataDir: new Blob([image]) });
  const handle = await openDatabase({ driver: "pglite", instance });
  return { handle, drop: () => handle.close() };
}

/** Call at the top of a test file: a fresh migrated database for that file's tests. */
export function useIsolatedDatabase(): { handle: () => DatabaseHandle } {
  let current: { handle: DatabaseHandle; drop: () => Promise<void> } | undefined;
  beforeAll(async () => {
    current = await createIsolatedDatabase();
    useDatabase(current.handle);
  });
  afterAll(async () => {
    await stopChangeNotices();
    await closeDatabase().catch(() => undefined);
    await current?.drop();
  });
  return { handle: () => current!.handle };
}
