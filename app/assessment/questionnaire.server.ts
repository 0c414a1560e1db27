// Questionnaire versions in the database. Files under content/ seed them, as published unless the
// model declares "status": "draft"; a published version is immutable, so a changed file for an
// existing id is reported and the stored version kept.
import { and, desc, eq } from "drizzle-orm";
import { questionnaireVersions } from "~db/schema";
import { benchmarkModel, surveyDefinition } from "~/assessment/schemas";
import { compileModel } from "~/assessment/scoring";
import { type QuestionnaireVersion, questionnaireVersionsOnDisk } from "~/assessment/versions.server";
import { canonicalJson } from "~/platform/canonical-json";
import { db } from "~/platform/db.server";

export interface SyncReport {
  added: string[];
  changedOnDisk: string[];
}

export async function syncQuestionnaireVersions(onDisk = questionnaireVersionsOnDisk()): Promise<SyncReport> {
  const report: SyncReport = { added: [], changedOnDisk: [] };
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
        })
        .onConflictDoNothing()
        .returning({ id: questionnaireVersions.id });
      // Another node may have inserted it between the select and the insert: then nothing was added.
      if (inserted.length > 0) report.added.push(v.id);
    } else if (
      canonicalJson(stored.definition) !== canonicalJson(v.definition) ||
      canonicalJson(stored.model) !== canonicalJson(v.model)
    ) {
      report.changedOnDisk.push(v.id);
    }
  }
  return report;
}

const compiledCache = new Map<string, QuestionnaireVersion>();

/** A stored version, parsed and compiled once (versions never change once published). */
export async function getQuestionnaireVersion(id: string): Promise<QuestionnaireVersion | null> {
  const hit = compiledCache.get(id);
  if (hit) return hit;
  const [row] = await db().select().from(questionnaireVersions).where(eq(questionnaireVersions.id, id));
  if (!row) return null;
  const definition = surveyDefinition.parse(row.definition);
  const model = benchmarkModel.parse(row.model);
  const version = { id: row.id, definition, model, compiled: compileModel(model, definition) };
  compiledCache.set(id, version);
  return version;
}

/** The newest published version: new assessments use it. */
export async function currentQuestionnaireVersion(): Promise<QuestionnaireVersion | null> {
  const [row] = await db()
    .select({ id: questionnaireVersions.id })
    .from(questionnaireVersions)
    .where(and(eq(questionnaireVersions.status, "published")))
    .orderBy(desc(questionnaireVersions.publishedAt))
    .limit(1);
  return row ? getQuestionnaireVersion(row.id) : null;
}
