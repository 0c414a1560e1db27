// Scenes in the database: seeded from content/scenes (new slugs only, so analysts' edits stay),
// edited by analysts with every revision kept, browsed with filters and a bigram-indexed
// substring search that works for Chinese.
import { and, arrayContains, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "~db/connect";
import { sceneRevisions, scenes, users } from "~db/schema";
import type { CatalogueFilters } from "~/catalogue/filters.server";
import { normaliseSearchText, searchGrams } from "~/catalogue/search-grams";
import { countCapped, searchConditions } from "~/catalogue/search-sql.server";
import type { Scene } from "~/content/schemas";
import { recordAudit } from "~/platform/audit.server";
import { announceChange, onChange } from "~/platform/change-notices.server";
import { db, perDatabase } from "~/platform/db.server";
import { scenesOnDisk } from "~/scenes/content.server";

export const SCENES_PER_PAGE = 12;

/** The text a search looks in: every zh and en field, normalised. */
export function sceneSearchText(scene: Scene): string {
  const parts = [scene.title, scene.summary, scene.problem, scene.practice, scene.data, ...scene.measures];
  return normaliseSearchText(parts.flatMap((p) => [p.zh, p.en]).join("\n"));
}

/** The columns derived from a scene's content, written on every insert and edit. */
function sceneColumns(scene: Scene) {
  const searchText = sceneSearchText(scene);
  return {
    industryGroup: scene.industryGroup,
    tier: scene.tier,
    businessLinks: scene.businessLinks,
    technologies: scene.technologies,
    articles: scene.articles,
    divisions: scene.divisions,
    content: scene,
    searchText,
    searchGrams: searchGrams(searchText),
  };
}

export async function syncScenesFromContent(onDisk = scenesOnDisk()): Promise<number> {
  const stored = await db()
    .select({ slug: scenes.slug, content: scenes.content, searchText: scenes.searchText })
    .from(scenes);
  const known = new Set(stored.map((r) => r.slug));
  // Search text written under an older normalisation is brought up to date.
  for (const row of stored) {
    const fresh = sceneSearchText(row.content);
    if (fresh !== row.searchText)
      await db()
        .update(scenes)
        .set({ searchText: fresh, searchGrams: searchGrams(fresh) })
        .where(eq(scenes.slug, row.slug));
  }
  let added = 0;
  for (const scene of onDisk.values()) {
    if (known.has(scene.slug)) continue;
    const inserted = await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(scenes)
        .values({ slug: scene.slug, ...sceneColumns(scene) })
        .onConflictDoNothing({ target: scenes.slug })
        .returning({ id: scenes.id });
      if (row) await tx.insert(sceneRevisions).values({ sceneId: row.id, revision: 1, content: scene });
      return Boolean(row);
    });
    if (inserted) added++;
  }
  if (added > 0) await announceChange("scenes");
  catalogueChanged();
  return added;
}

export type SceneFilters = Pick<
  CatalogueFilters,
  "group" | "division" | "link" | "tier" | "technology" | "article" | "q"
>;

export async function searchScenes(filters: SceneFilters, page: number) {
  const where: SQL[] = [];
  if (filters.group) where.push(eq(scenes.industryGroup, filters.group));
  if (filters.division) where.push(arrayContains(scenes.divisions, [filters.division]));
  if (filters.tier) where.push(eq(scenes.tier, filters.tier));
  if (filters.link) where.push(arrayContains(scenes.businessLinks, [filters.link]));
  if (filters.technology) where.push(arrayContains(scenes.technologies, [filters.technology]));
  if (filters.article) where.push(arrayContains(scenes.articles, [filters.article]));
  where.push(...searchConditions(filters.q, scenes));
  const condition = where.length ? and(...where) : undefined;
  const [rows, count] = await Promise.all([
    db()
      .select({ slug: scenes.slug, content: scenes.content })
      .from(scenes)
      .where(condition)
      .orderBy(asc(scenes.industryGroup), asc(scenes.slug))
      .limit(SCENES_PER_PAGE)
      .offset((page - 1) * SCENES_PER_PAGE),
    countCapped(db(), scenes, condition),
  ]);
  return { items: rows.map((r) => r.content), ...count };
}

export async function getScene(slug: string): Promise<Scene | null> {
  const row = await getSceneWithRevision(slug);
  return row?.scene ?? null;
}

export async function getSceneWithRevision(slug: string): Promise<{ scene: Scene; revision: number } | null> {
  const [row] = await db()
    .select({ content: scenes.content, revision: scenes.revision })
    .from(scenes)
    .where(eq(scenes.slug, slug));
  return row ? { scene: row.content, revision: row.revision } : null;
}

/** Scenes by slug, in the order asked, skipping unknown slugs. */
export async function scenesBySlugs(slugs: readonly string[], executor: Db = db()): Promise<Scene[]> {
  if (!slugs.length) return [];
  const rows = await executor
    .select({ content: scenes.content })
    .from(scenes)
    .where(sql`${scenes.slug} = any(${sql.param([...slugs])}::text[])`);
  const bySlug = new Map(rows.map((r) => [r.content.slug, r.content]));
  return slugs.flatMap((s) => bySlug.get(s) ?? []);
}

/** Every scene's slug and title, for pickers and link checks. */
export async function sceneTitles(): Promise<Array<{ slug: string; title: Scene["title"]; industryGroup: string }>> {
  const rows = await db()
    .select({ content: scenes.content })
    .from(scenes)
    .orderBy(asc(scenes.industryGroup), asc(scenes.slug));
  return rows.map((r) => {
    const s = r.content;
    return { slug: s.slug, title: s.title, industryGroup: s.industryGroup };
  });
}

/** The whole catalogue (tens of rows): for matching scenes to a report's priorities. */
// Every report reads the whole catalogue: keep it per database while the scenes table is unchanged
// (an edit bumps updated_at; the check is one index-free aggregate over ~60 rows). The check runs at most
// once per STAMP_CHECK_MS: an edit made through this process shows at once, one made through another
// node as soon as its change notice arrives (LISTEN/NOTIFY, ~/platform/change-notices), or within that time
// when this node's listener is down.
const STAMP_CHECK_MS = 5_000;
interface CatalogueCache {
  stamp?: string;
  checkedAt: number;
  scenes: Scene[];
  /** Bumped by each change notice: a read that overlapped one does not mark the catalogue as checked. */
  generation: number;
  /** Bound to this database's cache: a notice may arrive while another database is the current one (tests). */
  changed: () => void;
}
const catalogueCache = perDatabase<CatalogueCache>(() => {
  const cache: CatalogueCache = {
    checkedAt: 0,
    scenes: [],
    generation: 0,
    changed: () => {
      cache.checkedAt = 0;
      cache.generation++;
    },
  };
  return cache;
});

/** After a write to the scenes table, here or on another node: the next read checks the stamp again. */
function catalogueChanged(): void {
  catalogueCache().changed();
}

export async function allScenes(now = Date.now()): Promise<Scene[]> {
  const cached = catalogueCache();
  onChange("scenes", cached.changed);
  if (cached.stamp !== undefined && now - cached.checkedAt < STAMP_CHECK_MS) return cached.scenes;
  const generation = cached.generation;
  const [{ stamp }] = (await db()
    .select({
      stamp: sql<string>`count(*)::text || '|' || coalesce(sum(${scenes.revision}), 0)::text || '|' || coalesce(max(${scenes.updatedAt})::text, '')`,
    })
    .from(scenes)) as [{ stamp: string }];
  if (cached.stamp !== stamp) {
    const rows = await db().select({ content: scenes.content }).from(scenes).orderBy(asc(scenes.slug));
    Object.assign(cached, { stamp, scenes: rows.map((r) => r.content) });
  }
  if (cached.generation === generation) cached.checkedAt = now;
  return cached.scenes;
}

export async function scenesForArticle(article: number): Promise<Scene[]> {
  const rows = await db()
    .select({ content: scenes.content })
    .from(scenes)
    .where(arrayContains(scenes.articles, [article]))
    .orderBy(asc(scenes.industryGroup), asc(scenes.slug));
  return rows.map((r) => r.content);
}

export type SaveSceneResult =
  { ok: true; revision: number } | { ok: false; reason: "stale" | "slug_taken" | "not_found" };

/** An analyst's new scene (revision 1) or edit (next revision, only from the revision read). */
export async function saveScene(input: {
  scene: Scene;
  baseRevision: number | null;
  editorId: string;
}): Promise<SaveSceneResult> {
  const { scene, baseRevision, editorId } = input;
  const saved = await db().transaction(async (tx) => {
    if (baseRevision === null) {
      const [row] = await tx
        .insert(scenes)
        .values({ slug: scene.slug, ...sceneColumns(scene), updatedBy: editorId })
        .onConflictDoNothing({ target: scenes.slug })
        .returning({ id: scenes.id });
      if (!row) return { ok: false, reason: "slug_taken" } as const;
      await tx.insert(sceneRevisions).values({ sceneId: row.id, revision: 1, content: scene, editedBy: editorId });
      await recordAudit(
        {
          actorId: editorId,
          action: "scene.created",
          subjectType: "scene",
          subjectId: row.id,
          details: { slug: scene.slug },
        },
        tx,
      );
      await announceChange("scenes", tx);
      return { ok: true, revision: 1 } as const;
    }
    const [row] = await tx
      .update(scenes)
      .set({
        ...sceneColumns(scene),
        revision: sql`${scenes.revision} + 1`,
        updatedBy: editorId,
        updatedAt: new Date(),
      })
      .where(and(eq(scenes.slug, scene.slug), eq(scenes.revision, baseRevision)))
      .returning({ id: scenes.id, revision: scenes.revision });
    if (!row) {
      const [exists] = await tx.select({ id: scenes.id }).from(scenes).where(eq(scenes.slug, scene.slug));
      return { ok: false, reason: exists ? "stale" : "not_found" } as const;
    }
    await tx
      .insert(sceneRevisions)
      .values({ sceneId: row.id, revision: row.revision, content: scene, editedBy: editorId });
    await recordAudit(
      {
        actorId: editorId,
        action: "scene.updated",
        subjectType: "scene",
        subjectId: row.id,
        details: { slug: scene.slug, revision: row.revision },
      },
      tx,
    );
    await announceChange("scenes", tx);
    return { ok: true, revision: row.revision } as const;
  });
  if (saved.ok) catalogueChanged();
  return saved;
}

export async function sceneHistory(slug: string) {
  return db()
    .select({
      revision: sceneRevisions.revision,
      content: sceneRevisions.content,
      editedAt: sceneRevisions.createdAt,
      editor: users.displayName,
    })
    .from(sceneRevisions)
    .innerJoin(scenes, eq(scenes.id, sceneRevisions.sceneId))
    .leftJoin(users, eq(users.id, sceneRevisions.editedBy))
    .where(eq(scenes.slug, slug))
    .orderBy(desc(sceneRevisions.revision));
}
