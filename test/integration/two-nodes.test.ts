// Two web nodes on one PostgreSQL database (issue 15 item 2), in one test process: each node is its own
// pool with its own caches (they are kept per database handle), as two server processes would have. A scene
// edited through node A is in node B's catalogue as soon as A's change notice arrives, well inside the
// stamp check's 5 s window, which the test never lets run (B's reads pass the time of its first read).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "~db/connect";
import { listening, stopChangeNotices } from "~/platform/change-notices.server";
import { useDatabase } from "~/platform/db.server";
import { scenesOnDisk } from "~/scenes/content.server";
import { allScenes, getSceneWithRevision, saveScene, syncScenesFromContent } from "~/scenes/scene.server";
import { useIsolatedDatabase } from "~test/support/database";
import { makeUser } from "~test/support/factories";

const onPostgres = Boolean(process.env.DATABASE_URL);
const database = useIsolatedDatabase();
let nodeA: DatabaseHandle;
let nodeB: DatabaseHandle | undefined;

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  nodeA = database.handle();
  await syncScenesFromContent();
  if (!onPostgres) return;
  const pool = (nodeA.db as unknown as { $client: { options: { connectionString: string } } }).$client;
  nodeB = await openDatabase({ driver: "postgres", url: pool.options.connectionString, poolSize: 2 });
});

afterAll(async () => {
  if (nodeB) {
    useDatabase(nodeB);
    await stopChangeNotices();
    await nodeB.close();
  }
  useDatabase(nodeA);
  await stopChangeNotices();
});

describe.skipIf(!onPostgres)("two nodes on one PostgreSQL (skipped on PGlite: one process per data folder)", () => {
  it("a scene edited on node A is in node B's cached catalogue at once", async () => {
    const editor = await makeUser({ email: `two-nodes-${Date.now()}@example.test` });
    const slug = [...scenesOnDisk().keys()][0]!;
    const t0 = Date.now();
    useDatabase(nodeB!);
    const before = (await allScenes(t0)).find((s) => s.slug === slug)!;
    await waitFor(listening, "node B to listen");

    useDatabase(nodeA);
    const { scene, revision } = (await getSceneWithRevision(slug))!;
    const title = { zh: `${scene.title.zh}（两节点测试）`, en: `${scene.title.en} (two nodes)` };
    expect(await saveScene({ scene: { ...scene, title }, baseRevision: revision, editorId: editor.id })).toEqual({
      ok: true,
      revision: revision + 1,
    });

    useDatabase(nodeB!);
    expect(before.title).toEqual(scene.title);
    await waitFor(async () => (await allScenes(t0)).find((s) => s.slug === slug)!.title.zh === title.zh, "node B");
    expect((await allScenes(t0)).find((s) => s.slug === slug)!.title).toEqual(title);
  });

  it("node B hears nothing of an edit that rolls back", async () => {
    useDatabase(nodeB!);
    const t0 = Date.now();
    const slug = [...scenesOnDisk().keys()][1]!;
    const before = (await allScenes(t0)).find((s) => s.slug === slug)!;
    useDatabase(nodeA);
    const { scene, revision } = (await getSceneWithRevision(slug))!;
    // A stale base revision: the update matches no row, nothing commits, no notice is sent.
    const stale = await saveScene({
      scene: { ...scene, title: { zh: "不应出现", en: "must not appear" } },
      baseRevision: revision - 1,
      editorId: (await makeUser({ email: `two-nodes-b-${Date.now()}@example.test` })).id,
    });
    expect(stale).toEqual({ ok: false, reason: "stale" });
    useDatabase(nodeB!);
    await new Promise((r) => setTimeout(r, 300));
    expect((await allScenes(t0)).find((s) => s.slug === slug)!.title).toEqual(before.title);
  });
});
