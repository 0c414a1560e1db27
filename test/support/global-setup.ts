// Prepare one migrated template database per run; every test file then gets its own copy
// (PGlite: a data-dir image; PostgreSQL: CREATE DATABASE … TEMPLATE), so tests never share rows.
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "~db/connect";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteImage: string;
    postgresTemplate: string;
  }
}

const MIGRATIONS = "db/migrations";

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `qmd_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const handle = await openDatabase({ driver: "postgres", url: withDatabase(url, template) });
    await handle.migrate(MIGRATIONS);
    await handle.close();
    project.provide("postgresTemplate", template);
    project.provide("pgliteImage", "");
    return async () => {
      const left = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'qmd_t_${process.pid}_%' OR datname = $1`,
        [template],
      );
      for (const { datname } of left.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const handle = await openDatabase({ driver: "pglite" });
  await handle.migrate(MIGRATIONS);
  const image = join(tmpdir(), `qmd-pglite-template-${process.pid}.tar`);
  const dump = await handle.raw!.dumpDataDir("none");
  writeFileSync(image, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("pgliteImage", image);
  project.provide("postgresTemplate", "");
  return () => rmSync(image, { force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
