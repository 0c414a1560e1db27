// What the public reads of the case library: one published case, and the published cases that
// illustrate a scene or an article. A firm is named only when it chose to be.
import { and, arrayContains, desc, eq, type SQL } from "drizzle-orm";
import { cases, firms } from "~db/schema";
import type { CaseContent } from "~/cases/schema";
import { db } from "~/platform/db.server";

/** What the public sees of a published case: the firm's name only when it chose to be named. */
export interface PublicCase {
  id: string;
  content: CaseContent;
  publisher: string | null;
  isFictional: boolean;
  publishedAt: Date | null;
}

/** A row as the public sees it; `C` is the whole content or, for a list, the card's part of it. */
export function toPublic<C extends Partial<CaseContent>>(row: {
  id: string;
  content: C;
  anonymised: boolean;
  firmName: string;
  isFictional: boolean;
  publishedAt: Date | null;
}): Omit<PublicCase, "content"> & { content: C } {
  return {
    id: row.id,
    content: row.content,
    publisher: row.anonymised ? null : row.firmName,
    isFictional: row.isFictional,
    publishedAt: row.publishedAt,
  };
}

export const publicColumns = {
  id: cases.id,
  content: cases.content,
  anonymised: cases.anonymised,
  firmName: firms.name,
  isFictional: cases.isFictional,
  publishedAt: cases.publishedAt,
};

export async function getPublishedCase(caseId: string): Promise<PublicCase | null> {
  const [row] = await db()
    .select(publicColumns)
    .from(cases)
    .innerJoin(firms, eq(firms.id, cases.firmId))
    .where(and(eq(cases.id, caseId), eq(cases.status, "published")));
  return row ? toPublic(row) : null;
}

export async function publishedCasesFor(
  where: { scene?: string; article?: number },
  limit = 20,
): Promise<PublicCase[]> {
  const conditions: SQL[] = [eq(cases.status, "published")];
  if (where.scene) conditions.push(arrayContains(cases.sceneSlugs, [where.scene]));
  if (where.article) conditions.push(arrayContains(cases.articles, [where.article]));
  const rows = await db()
    .select(publicColumns)
    .from(cases)
    .innerJoin(firms, eq(firms.id, cases.firmId))
    .where(and(...conditions))
    .orderBy(desc(cases.publishedAt))
    .limit(limit);
  return rows.map(toPublic);
}
