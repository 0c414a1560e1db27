import { beforeAll, describe, expect, it } from "vitest";
import { likePattern } from "~/catalogue/search-grams";
import { scenesOnDisk } from "~/scenes/content.server";
import { SCENES_PER_PAGE, sceneSearchText, searchScenes, syncScenesFromContent } from "~/scenes/scene.server";
import { useIsolatedDatabase } from "~test/support/database";

useIsolatedDatabase();
beforeAll(async () => {
  await syncScenesFromContent();
});

describe("scene catalogue in the database", () => {
  it("is seeded once from content/", async () => {
    expect(await syncScenesFromContent()).toBe(0);
    expect((await searchScenes({}, 1)).total).toBe(scenesOnDisk().size);
  });

  it("finds scenes by a two-character Chinese keyword", async () => {
    const expected = [...scenesOnDisk().values()].filter((s) =>
      [s.title, s.summary, s.problem, s.practice, s.data, ...s.measures].some((p) => p.zh.includes("追溯")),
    );
    expect(expected.length).toBeGreaterThan(0);
    const found = await searchScenes({ q: "追溯" }, 1);
    expect(found.total).toBe(expected.length);
    expect(found.items.length).toBe(Math.min(expected.length, SCENES_PER_PAGE));
  });

  it("combines filters and pages through the results", async () => {
    const all = [...scenesOnDisk().values()];
    const expected = all.filter(
      (s) => s.industryGroup === "electronics" && s.businessLinks.includes("inspection"),
    ).length;
    expect((await searchScenes({ group: "electronics", link: "inspection" }, 1)).total).toBe(expected);
    expect((await searchScenes({ article: 16 }, 1)).total).toBe(all.filter((s) => s.articles.includes(16)).length);
    const page2 = await searchScenes({}, 2);
    const page1 = await searchScenes({}, 1);
    expect(page2.items[0]?.slug).not.toBe(page1.items[0]?.slug);
  });

  it("treats LIKE wildcards in a search as plain characters", async () => {
    expect(likePattern("50%_a")).toBe("%50\\%\\_a%");
    const withPercent = [...scenesOnDisk().values()].filter((s) => sceneSearchText(s).includes("%")).length;
    expect(withPercent).toBeGreaterThan(0);
    expect(withPercent).toBeLessThan(scenesOnDisk().size);
    expect((await searchScenes({ q: "%" }, 1)).total).toBe(withPercent);
    expect((await searchScenes({ q: "___" }, 1)).total).toBe(0);
  });
});

describe("analysts editing scenes", () => {
  it("keeps every revision, refuses a stale edit and a taken slug, and re-indexes the search", async () => {
    const { saveScene, sceneHistory, getSceneWithRevision } = await import("~/scenes/scene.server");
    const { makeUser } = await import("~test/support/factories");
    const editor = await makeUser({ displayName: "Scene Editor" });
    const original = [...scenesOnDisk().values()][0]!;
    const slug = `edited-${Date.now()}`;
    expect(await saveScene({ scene: { ...original, slug }, baseRevision: null, editorId: editor.id })).toEqual({
      ok: true,
      revision: 1,
    });
    expect(await saveScene({ scene: { ...original, slug }, baseRevision: null, editorId: editor.id })).toEqual({
      ok: false,
      reason: "slug_taken",
    });
    const renamed = { ...original, slug, title: { zh: "全新的螺钉标题", en: "A brand new title" } };
    expect(await saveScene({ scene: renamed, baseRevision: 1, editorId: editor.id })).toEqual({
      ok: true,
      revision: 2,
    });
    expect(await saveScene({ scene: { ...original, slug }, baseRevision: 1, editorId: editor.id })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect((await getSceneWithRevision(slug))?.revision).toBe(2);
    const history = await sceneHistory(slug);
    expect(history.map((h) => h.revision)).toEqual([2, 1]);
    expect(history[0]!.editor).toBe("Scene Editor");
    expect((await searchScenes({ q: "螺钉标" }, 1)).items.map((s) => s.slug)).toEqual([slug]);
    expect((await searchScenes({ q: "螺钉" }, 1)).items.map((s) => s.slug)).toContain(slug);
  });
});

describe("the catalogue kept for reports", () => {
  it("shows an edit made here at once, and a write without a notice after the next stamp check", async () => {
    const { allScenes, saveScene, getSceneWithRevision } = await import("~/scenes/scene.server");
    const { makeUser } = await import("~test/support/factories");
    const { db } = await import("~/platform/db.server");
    const { sql } = await import("drizzle-orm");
    const editor = await makeUser({ displayName: "Catalogue Editor" });
    const t0 = Date.now();
    const before = await allScenes(t0);
    const scene = before[0]!;
    const { revision } = (await getSceneWithRevision(scene.slug))!;
    const title = { zh: "本进程改过的标题", en: "Edited in this process" };
    expect(await saveScene({ scene: { ...scene, title }, baseRevision: revision, editorId: editor.id })).toEqual({
      ok: true,
      revision: revision + 1,
    });
    expect((await allScenes(t0 + 1)).find((s) => s.slug === scene.slug)?.title).toEqual(title);
    // A write that sends no change notice (not through saveScene): found by the next stamp check. (Within the
    // window it may or may not show yet: this process's own notice of the edit above can arrive meanwhile.)
    const elsewhere = { zh: "另一进程改过的标题", en: "Edited by another worker" };
    await db().execute(
      sql`update scenes set content = jsonb_set(content, '{title}', ${JSON.stringify(elsewhere)}::jsonb), revision = revision + 1, updated_at = now() where slug = ${scene.slug}`,
    );
    expect((await allScenes(t0 + 10_000)).find((s) => s.slug === scene.slug)?.title).toEqual(elsewhere);
  });
});
