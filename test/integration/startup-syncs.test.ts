// Start-up syncs on several nodes at once (issue 15 item 2): two pools on one PostgreSQL database start
// their syncs in the same instant; under the advisory lock one node publishes the questionnaire versions,
// adds the scenes and grants the bootstrap administrator, and the other, let in after, finds it all done.
// Without the lock both nodes read "missing" and both add. That test is skipped on PGlite (one process per
// data folder, no second node); a second start on one node finding everything done runs on both drivers.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "~db/connect";
import { auditLog, roleGrants } from "~db/schema";
import { questionnaireVersionsOnDisk } from "~/assessment/versions.server";
import { rowsOf, withDatabase } from "~/platform/db.server";
import { runStartupSyncs } from "~/platform/startup-syncs.server";
import { scenesOnDisk } from "~/scenes/content.server";
import { useIsolatedDatabase } from "~test/support/database";
import { makeUser, uniqueEmail } from "~test/support/factories";

const onPostgres = Boolean(process.env.DATABASE_URL);
const database = useIsolatedDatabase();
let nodeA: DatabaseHandle;
let nodeB: DatabaseHandle | undefined;

beforeAll(async () => {
  nodeA = database.handle();
  if (!onPostgres) return;
  const pool = (nodeA.db as unknown as { $client: { options: { connectionString: string } } }).$client;
  nodeB = await openDatabase({ driver: "postgres", url: pool.options.connectionString, poolSize: 3 });
});

afterAll(async () => {
  await nodeB?.close();
});

const count = async (handle: DatabaseHandle, table: string) =>
  rowsOf<{ n: number }>(await handle.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

describe.skipIf(!onPostgres)("start-up syncs on two nodes at once (skipped on PGlite: one process per folder)", () => {
  it("run once: one node does them, the other finds them done, with no duplicate and no error", async () => {
    const adminEmail = uniqueEmail("bootstrap-admin");
    const admin = await makeUser({ email: adminEmail });
    const options = { seedDemo: false, adminEmails: [adminEmail] };
    expect(await count(nodeA, "questionnaire_versions")).toBe(0);

    const reports = await Promise.all([
      withDatabase(nodeA, () => runStartupSyncs(options)),
      withDatabase(nodeB!, () => runStartupSyncs(options)),
    ]);

    const versions = questionnaireVersionsOnDisk().size;
    const sceneCount = scenesOnDisk().size;
    expect(versions).toBeGreaterThan(0);
    expect(sceneCount).toBeGreaterThan(0);
    // Exactly one node did the work, whichever won the lock.
    const [first, second] = reports[0]!.versionsAdded.length ? reports : [reports[1]!, reports[0]!];
    expect(first.versionsAdded).toHaveLength(versions);
    expect(first.scenesAdded).toBe(sceneCount);
    expect(first.admins).toBe(1);
    expect(second).toEqual({ versionsAdded: [], scenesAdded: 0, seeded: false, admins: 0 });

    expect(await count(nodeA, "questionnaire_versions")).toBe(versions);
    expect(await count(nodeA, "scenes")).toBe(sceneCount);
    expect(await count(nodeA, "scene_revisions")).toBe(sceneCount);
    const grants = await nodeA.db.select().from(roleGrants).where(eq(roleGrants.userId, admin.id));
    expect(grants.map((g) => g.role)).toEqual(["admin"]);
    const audits = await nodeA.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "role.granted"), eq(auditLog.subjectId, admin.id)));
    expect(audits).toHaveLength(1);
  });
});

describe("start-up syncs on one node (every driver)", () => {
  it("a second start finds them done", async () => {
    const adminEmail = uniqueEmail("bootstrap-again");
    await makeUser({ email: adminEmail });
    const options = { seedDemo: false, adminEmails: [adminEmail] };
    const first = await withDatabase(nodeA, () => runStartupSyncs(options));
    expect(first.admins).toBe(1);
    expect(await withDatabase(nodeA, () => runStartupSyncs(options))).toEqual({
      versionsAdded: [],
      scenesAdded: 0,
      seeded: false,
      admins: 0,
    });
    expect(await count(nodeA, "questionnaire_versions")).toBe(questionnaireVersionsOnDisk().size);
    expect(await count(nodeA, "scenes")).toBe(scenesOnDisk().size);
  });
});
