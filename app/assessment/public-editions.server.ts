// The editions the public may read: published and retired ones. A draft is not public.
import { desc, eq, inArray } from "drizzle-orm";
import { questionnaireVersions } from "~db/schema";
import { getQuestionnaireVersion } from "~/assessment/questionnaire.server";
import type { QuestionnaireVersion } from "~/assessment/versions.server";
import { db } from "~/platform/db.server";

const PUBLIC = ["published", "retired"] as const;
export type PublicStatus = (typeof PUBLIC)[number];

export interface PublicEditionRow {
  id: string;
  title: { zh: string; en: string };
  status: PublicStatus;
  publishedAt: Date | null;
  retiredAt: Date | null;
}

/** Every public edition, newest first. */
export async function publicEditions(): Promise<PublicEditionRow[]> {
  const rows = await db()
    .select({
      id: questionnaireVersions.id,
      title: questionnaireVersions.title,
      status: questionnaireVersions.status,
      publishedAt: questionnaireVersions.publishedAt,
      retiredAt: questionnaireVersions.retiredAt,
    })
    .from(questionnaireVersions)
    .where(inArray(questionnaireVersions.status, [...PUBLIC]))
    .orderBy(desc(questionnaireVersions.publishedAt), desc(questionnaireVersions.id));
  return rows as PublicEditionRow[];
}

/** One public edition with its definition and model; null when unknown or a draft. */
export async function publicEdition(
  id: string,
): Promise<{ version: QuestionnaireVersion; status: PublicStatus; publishedAt: Date | null } | null> {
  if (!/^[a-z0-9-]{1,64}$/.test(id)) return null;
  const [row] = await db()
    .select({ status: questionnaireVersions.status, publishedAt: questionnaireVersions.publishedAt })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.id, id));
  if (!row || row.status === "draft") return null;
  const version = await getQuestionnaireVersion(id);
  return version ? { version, status: row.status, publishedAt: row.publishedAt } : null;
}
