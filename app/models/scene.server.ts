// Scenes in the database: seeded from content/scenes (new slugs only, so analysts' edits stay),
// browsed with filters and a substring search that works for Chinese.
import { and, arrayContains, asc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { sceneRevisions, scenes } from "~db/schema";
import { scenesOnDisk } from "../content/scenes.server";
import type { Scene } from "../content/schemas";
import { db } from "../db.server";

export const SCENES_PER_PAGE = 12;

/** The text a search looks in: every zh and en field, lower-cased. */
export function sceneSearchText(scene: Scene): string {
  const parts = [scene.title, scene.summary, scene.problem, scene.practice, scene.data, ...scene.measures];
  return parts.flatMap((p) => [p.zh, p.en]).join("\n").toLowerCase();
}

export async function syncScenesFromContent(onDisk = scenesOnDisk()): Promise<number> {
  const stored = new Set((await db().select({ slug: scenes.slug }).from(scenes)).map((r) => r.slug));
  let added = 0;
  for (const scene of onDisk.values()) {
    if (stored.has(scene.slug)) continue;
    const inserted = await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(scenes)
        .values({
          slug: scene.slug,
          industryGroup: scene.industryGroup,
          tier: scene.tier,
          businessLinks: scene.businessLinks,
          technologies: scene.technologies,
          articles: scene.articles,
          content: scene,
          searchText: sceneSearchText(scene),
        })
        .onConflictDoNothing({ target: scenes.slug })
        .returning({ id: scenes.id });
      if (row) await tx.insert(sceneRevisions).values({ sceneId: row.id, revision: 1, content: scene });
      return Boolean(row);
    });
    if (inserted) added++;
  }
  return added;
}

export interface SceneFilters {
  group?: string;
  link?: string;
  tier?: string;
  article?: number;
  technology?: string;
  q?: string;
}

/** `%` and `_` are wildcards in LIKE: a search for them looks for the characters themselves. */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchScenes(filters: SceneFilters, page: number) {
  const where: SQL[] = [];
  if (filters.group) where.push(eq(scenes.industryGroup, filters.group));
  if (filters.tier) where.push(eq(scenes.tier, filters.tier));
  if (filters.link) where.push(arrayContains(scenes.businessLinks, [filters.link]));
  if (filters.technology) where.push(arrayContains(scenes.technologies, [filters.technology]));
  if (filters.article) where.push(arrayContains(scenes.articles, [filters.article]));
  if (filters.q) where.push(ilike(scenes.searchText, likePattern(filters.q)));
  const condition = where.length ? and(...where) : undefined;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db()
      .select({ slug: scenes.slug, content: scenes.content })
      .from(scenes)
      .where(condition)
      .orderBy(asc(scenes.industryGroup), asc(scenes.slug))
      .limit(SCENES_PER_PAGE)
      .offset((page - 1) * SCENES_PER_PAGE),
    db().select({ total: sql<number>`count(*)::int` }).from(scenes).where(condition),
  ]);
  return { items: rows.map((r) => r.content as Scene), total };
}

export async function getScene(slug: string): Promise<Scene | null> {
  const [row] = await db().select({ content: scenes.content }).from(scenes).where(eq(scenes.slug, slug));
  return row ? (row.content as Scene) : null;
}
