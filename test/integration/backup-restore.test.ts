// Back up, wipe, restore: every table's row count and an order-independent checksum come back
// identical, and so does every release's set of cells. Runs on the driver of the run (PGlite, or
// PostgreSQL with DATABASE_URL).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import {
  BackupError,
  backupPgliteInstance,
  backupPostgres,
  restorePgliteDir,
  restorePgliteInstance,
  restorePostgres,
} from "~db/backup";
import type { Db } from "~db/connect";
import { openDatabase } from "~db/connect";
import { rowsOf } from "~/platform/db.server";
import { useIsolatedDatabase } from "~test/support/database";
import { makeFirmWithOwner } from "~test/support/factories";
import { insertRelease } from "~test/support/releases";

const { handle } = useIsolatedDatabase();
const dir = mkdtempSync(join(tmpdir(), "qmd-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Snapshot = Record<string, { rows: number; checksum: string | null }>;

/** Row count and an order-independent checksum (md5 of the sorted row md5s) of every portal table. */
async function snapshot(db: Db): Promise<Snapshot> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select schemaname || '.' || tablename as name from pg_tables
      where schemaname in ('public', 'drizzle') order by 1`),
  );
  const out: Snapshot = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ rows: string; checksum: string | null }>(
      await db.execute(
        sql.raw(`select count(*) as rows, md5(string_agg(h, '' order by h)) as checksum
          from (select md5(t::text) as h from ${name} t) x`),
      ),
    );
    out[name] = { rows: Number(row!.rows), checksum: row!.checksum };
  }
  return out;
}

/** Every release's cells, keyed and sorted, as stored. */
async function releaseCellsByRelease(db: Db): Promise<Record<string, unknown[]>> {
  const rows = rowsOf<{ number: number; cells: unknown[] | null }>(
    await db.execute(
      sql.raw(`select r.number, (select json_agg(json_build_array(c.period, c.industry, c.region, c.size,
        c.suppressed, c.reason, c.metrics) order by c.period, c.industry, c.region, c.size)
      from release_cells c where c.release_id = r.id) as cells from statistics_releases r order by r.number`),
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.number, r.cells ?? []]));
}

async function seedSome(db: Db): Promise<void> {
  await makeFirmWithOwner();
  await makeFirmWithOwner();
  await insertRelease(db, { number: 1, status: "superseded", periods: ["2024"] });
  await insertRelease(db, { number: 2, shift: 1.5 });
}

describe("db:backup and db:restore", () => {
  it("restores every row of every table and every release's cells", async () => {
    const source = handle();
    await seedSome(source.db);
    const before = await snapshot(source.db);
    const cellsBefore = await releaseCellsByRelease(source.db);
    expect(before["public.release_cells"]!.rows).toBeGreaterThan(100);
    expect(before["public.firms"]!.rows).toBe(2);
    expect(Object.keys(cellsBefore)).toEqual(["1", "2"]);
    const file = join(dir, `backup-${source.driver}`);

    if (source.driver === "postgres") {
      await backupPostgres(source.url!, file);
      // Wipe: nothing of the portal is left in the database.
      await source.db.execute(sql`drop schema drizzle cascade`);
      await source.db.execute(sql`drop schema public cascade`);
      await source.db.execute(sql`create schema public`);
      expect(await snapshot(source.db)).toEqual({});
      await restorePostgres(source.url!, file);
      expect(await snapshot(source.db)).toEqual(before);
      expect(await releaseCellsByRelease(source.db)).toEqual(cellsBefore);
      // A second restore over the now non-empty database is refused, and --force replaces it whole.
      await source.db.execute(
        sql`delete from release_cells where release_id in (select id from statistics_releases where number = 2)`,
      );
      await expect(restorePostgres(source.url!, file)).rejects.toThrow(/non-empty database.*--force/);
      await restorePostgres(source.url!, file, { force: true });
      expect(await snapshot(source.db)).toEqual(before);
    } else {
      await backupPgliteInstance(source.raw!, file);
      // Wipe: the restored copy is a new instance, the source is emptied of the portal's rows.
      await source.db.execute(sql`truncate release_cells, statistics_releases, firms, users cascade`);
      const restored = await restorePgliteInstance(file);
      try {
        const copy = await openDatabase({ driver: "pglite", instance: restored });
        expect(await snapshot(copy.db)).toEqual(before);
        expect(await releaseCellsByRelease(copy.db)).toEqual(cellsBefore);
      } finally {
        await restored.close();
      }
      // Into a folder: once, then refused without --force, then moved aside with it.
      const target = join(dir, "pglite");
      await restorePgliteDir(target, file);
      await expect(restorePgliteDir(target, file)).rejects.toThrow(/non-empty PGlite folder .*pglite.*--force/);
      const { movedAside } = await restorePgliteDir(target, file, { force: true });
      expect(movedAside).toMatch(/pglite\.before-restore-/);
      const reopened = new PGlite(target);
      try {
        const copy = await openDatabase({ driver: "pglite", instance: reopened });
        expect(await snapshot(copy.db)).toEqual(before);
      } finally {
        await reopened.close();
      }
    }
  });

  it("names a missing file, and a missing tool says what to install", async () => {
    const missing = join(dir, "no-such-backup");
    await expect(restorePgliteDir(join(dir, "x"), missing)).rejects.toThrow(BackupError);
    await expect(restorePgliteDir(join(dir, "x"), missing)).rejects.toThrow(`backup file not found: ${missing}`);
    await expect(restorePostgres("postgres://127.0.0.1:1/none", missing)).rejects.toThrow(/backup file not found/);
    const path = process.env.PATH;
    process.env.PATH = dir;
    try {
      await expect(backupPostgres("postgres://127.0.0.1:1/none", join(dir, "f"))).rejects.toThrow(
        /pg_dump was not found on PATH: install/,
      );
    } finally {
      process.env.PATH = path;
    }
    writeFileSync(join(dir, "junk"), "not a dump");
    if (handle().driver === "postgres") {
      const url = new URL(handle().url!);
      url.pathname = `/${url.pathname.slice(1)}_absent`;
      await expect(restorePostgres(url.toString(), join(dir, "junk"))).rejects.toThrow(/cannot connect/);
    }
  });
});
