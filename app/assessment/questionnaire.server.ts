// Questionnaire versions in the database. Files under content/ seed new ones, as published unless the
// model declares "status": "draft". After that the database row is what counts (decision 042): the
// sync never changes a stored edition, so an administrator's publish or retire stays; a changed file
// for a published or retired edition is reported and refused, and one for a draft is reported (the
// administrator imports it again from content/ to take it).
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { questionnaireVersions } from "~db/schema";
import { editionContentHash } from "~/assessment/edition-files";
import { benchmarkModel, surveyDefinition } from "~/assessment/schemas";
import { compileModel } from "~/assessment/scoring";
import { type QuestionnaireVersion, questionnaireVersionsOnDisk } from "~/assessment/versions.server";
import { canonicalJson } from "~/platform/canonical-json";
import { db } from "~/platform/db.server";

export interface SyncReport {
  added: string[];
  /** published or retired editions whose files differ from what is stored: refused */
  changedOnDisk: string[];
  /** drafts whose files differ from what is stored: kept until an administrator imports them again */
  draftsChanged: string[];
}

export async function syncQuestionnaireVersions(onDisk = questionnaireVersionsOnDisk()): Promise<SyncReport> {
  const report: SyncReport = { added: [], changedOnDisk: [], draftsChanged: [] };
  for (const v of onDisk.values()) {
    const [stored] = await db().select().from(questionnaireVersions).where(eq(questionnaireVersions.id, v.id));
    if (!stored) {
      // A file may declare its edition a draft (decision 040): stored so, it is not what new
      // assessments start in. Without a status the file's edition is published, as before.
      const status = v.model.status ?? "published";
      const inserted = await db()
        .insert(questionnaireVersions)
        .values({
          id: v.id,
          title: v.model.title,
          definition: v.definition,
          model: v.model,
          status,
          comparableWith: v.model.comparableWith,
          publishedAt: status === "published" ? new Date() : null,
          contentHash: status === "published" ? editionContentHash(v.definition, v.model) : null,
        })
        .onConflictDoNothing()
        .returning({ id: questionnaireVersions.id });
      // Another node may have inserted it between the select and the insert: then nothing was added.
      if (inserted.length > 0) report.added.push(v.id);
    } else if (
      canonicalJson(stored.definition) !== canonicalJson(v.definition) ||
      canonicalJson(stored.model) !== canonicalJson(v.model)
    ) {
      (stored.status === "draft" ? report.draftsChanged : report.changedOnDisk).push(v.id);
    }
  }
  await recordMissingHashes();
  return report;
}

/** Editions published before hashes were recorded get theirs, from their stored content (which never changes). */
async function recordMissingHashes(): Promise<void> {
  const missing = await db()
    .select({
      id: questionnaireVersions.id,
      definition: questionnaireVersions.definition,
      model: questionnaireVersions.model,
    })
    .from(questionnaireVersions)
    .where(
      and(inArray(questionnaireVersions.status, ["published", "retired"]), isNull(questionnaireVersions.contentHash)),
    );
  for (const r of missing)
    await db()
      .update(questionnaireVersions)
      .set({ contentHash: editionContentHash(r.definition, r.model) })
      .where(and(eq(questionnaireVersions.id, r.id), isNull(questionnaireVersions.contentHash)));
}

const compiledCache = new Map<string, QuestionnaireVersion>();

/** Drop a version from this process's cache (a draft replaced by an import). */
export function forgetQuestionnaireVersion(id: string): void {
  compiledCache.delete(id);
}

/** A stored version, parsed and compiled once when published or retired (then it never changes); a draft each time. */
export async function getQuestionnaireVersion(id: string): Promise<QuestionnaireVersion | null> {
  const hit = compiledCache.get(id);
  if (hit) return hit;
  const [row] = await db().select().from(questionnaireVersions).where(eq(questionnaireVersions.id, id));
  if (!row) return null;
  const definition = surveyDefinition.parse(row.definition);
  const model = benchmarkModel.parse(row.model);
  const version = { id: row.id, definition, model, compiled: compileModel(model, definition) };
  // A draft can be replaced by an import on any node, so it is not kept.
  if (row.status !== "draft") compiledCache.set(id, version);
  return version;
}

/** The open edition, the newest published one (as `openEdition` in edition-lifecycle.ts): new assessments use it. */
export async function currentQuestionnaireVersion(): Promise<QuestionnaireVersion | null> {
  const [row] = await db()
    .select({ id: questionnaireVersions.id })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.status, "published"))
    .orderBy(desc(questionnaireVersions.publishedAt), desc(questionnaireVersions.id))
    .limit(1);
  return row ? getQuestionnaireVersion(row.id) : null;
}
