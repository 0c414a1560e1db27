// pendingMigrations (decision 045): an embedded server starts without its start-up child only when this
// says 0, so it must count what migrate() would apply: all of them on a new database, none once migrated,
// and a migration newer than the last one recorded (an upgrade).
import { PGlite } from "@electric-sql/pglite";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { describe, expect, it } from "vitest";
import { openDatabase, pendingMigrations } from "~db/connect";
import { useIsolatedDatabase } from "~test/support/database";

const FOLDER = "./db/migrations";
const all = readMigrationFiles({ migrationsFolder: FOLDER }).length;
const database = useIsolatedDatabase();

describe("pendingMigrations", () => {
  it("counts every migration on a new database and none on a migrated one", async () => {
    expect(all).toBeGreaterThan(1);
    const fresh = await openDatabase({ driver: "pglite", instance: new PGlite() });
    try {
      expect(await pendingMigrations(fresh, FOLDER)).toBe(all);
      await fresh.migrate(FOLDER);
      expect(await pendingMigrations(fresh, FOLDER)).toBe(0);
    } finally {
      await fresh.close();
    }
    expect(await pendingMigrations(database.handle(), FOLDER)).toBe(0);
  }, 120_000);

  it("counts a migration newer than the last one recorded", async () => {
    const handle = database.handle();
    const [last] = await handle.namedQuery<{ id: number; created_at: string }>(
      "t-last",
      "select id, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1",
      [],
    );
    await handle.namedQuery("t-older", "update drizzle.__drizzle_migrations set created_at = $1 where id = $2", [
      Number(last!.created_at) - 1,
      last!.id,
    ]);
    try {
      expect(await pendingMigrations(handle, FOLDER)).toBe(1);
    } finally {
      await handle.namedQuery("t-back", "update drizzle.__drizzle_migrations set created_at = $1 where id = $2", [
        last!.created_at,
        last!.id,
      ]);
    }
    expect(await pendingMigrations(handle, FOLDER)).toBe(0);
  });
});
