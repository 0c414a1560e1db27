// The administrator's steps on questionnaire editions (decision 042): import (as a draft, replacing a
// draft of the same id), publish (immutable from then on, its content hash recorded) and retire. Each
// step is one transaction with its audit entry; the database trigger of migration 0016 refuses any
// change to a published edition's content whatever the caller.
import { readdirSync, readFileSync } from "node:fs";
import { count, eq, sql } from "drizzle-orm";
import { assessments, questionnaireVersions } from "~db/schema";
import { EDITION_ID, editionContentHash, type EditionFiles, readEditionFiles } from "~/assessment/edition-files";
import {
  canTake,
  type EditionRow,
  type EditionStatus,
  openEdition,
  previousEdition,
} from "~/assessment/edition-lifecycle";
import { forgetQuestionnaireVersion } from "~/assessment/questionnaire.server";
import type { BenchmarkModel, SurveyDefinition } from "~/assessment/schemas";
import { contentPath } from "~/content/load.server";
import type { Localized } from "~/content/schemas";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";

export interface EditionListRow extends EditionRow {
  title: Localized;
  retiredAt: Date | null;
  contentHash: string | null;
  createdAt: Date;
  open: boolean;
  drafts: number;
  submitted: number;
}

async function rows(): Promise<Array<Omit<EditionListRow, "open" | "drafts" | "submitted">>> {
  return db()
    .select({
      id: questionnaireVersions.id,
      title: questionnaireVersions.title,
      status: questionnaireVersions.status,
      publishedAt: questionnaireVersions.publishedAt,
      retiredAt: questionnaireVersions.retiredAt,
      contentHash: questionnaireVersions.contentHash,
      createdAt: questionnaireVersions.createdAt,
    })
    .from(questionnaireVersions);
}

/** Every edition, newest first, with which one is open and how many assessments each holds. */
export async function listEditions(): Promise<EditionListRow[]> {
  const [all, counts] = await Promise.all([
    rows(),
    db()
      .select({ id: assessments.questionnaireVersionId, status: assessments.status, n: count() })
      .from(assessments)
      .groupBy(assessments.questionnaireVersionId, assessments.status),
  ]);
  const open = openEdition(all);
  const n = (id: string, status: string) => counts.find((c) => c.id === id && c.status === status)?.n ?? 0;
  return all
    .map((r) => ({ ...r, open: r.id === open, drafts: n(r.id, "draft"), submitted: n(r.id, "submitted") }))
    .sort(
      (a, b) =>
        (b.publishedAt ?? b.createdAt).getTime() - (a.publishedAt ?? a.createdAt).getTime() || b.id.localeCompare(a.id),
    );
}

export interface EditionDetail {
  row: EditionListRow;
  definition: SurveyDefinition;
  model: BenchmarkModel;
  previous: { id: string; definition: SurveyDefinition; model: BenchmarkModel } | null;
}

/** One edition with its content and the edition it is compared with; null when unknown. */
export async function editionDetail(id: string): Promise<EditionDetail | null> {
  if (!EDITION_ID.test(id)) return null;
  const list = await listEditions();
  const row = list.find((r) => r.id === id);
  if (!row) return null;
  const content = async (edition: string) => {
    const [r] = await db()
      .select({ definition: questionnaireVersions.definition, model: questionnaireVersions.model })
      .from(questionnaireVersions)
      .where(eq(questionnaireVersions.id, edition));
    return r!;
  };
  const previousId = previousEdition(list, id);
  const own = await content(id);
  return {
    row,
    ...own,
    previous: previousId ? { id: previousId, ...(await content(previousId)) } : null,
  };
}

/** The questionnaire-and-model pairs under content/: ids with both files. */
export function contentPairs(): string[] {
  const models = new Set(readdirSync(contentPath("models")));
  return readdirSync(contentPath("questionnaires"))
    .filter((f) => f.endsWith(".json") && models.has(f))
    .map((f) => f.slice(0, -5))
    .filter((id) => EDITION_ID.test(id))
    .sort();
}

/** Read a pair from content/ as it is on disk now (not the start-up cache). */
export function readContentPair(id: string): EditionFiles {
  if (!contentPairs().includes(id))
    return { ok: false, problems: [{ file: "questionnaire", field: "", message: `no pair "${id}" in content/` }] };
  return readEditionFiles(
    readFileSync(contentPath("questionnaires", `${id}.json`), "utf8"),
    readFileSync(contentPath("models", `${id}.json`), "utf8"),
    id,
  );
}

export type ImportResult =
  { ok: true; id: string; replaced: boolean } | { ok: false; reason: "not_draft"; id: string; status: EditionStatus };

/** Store a validated pair as a draft (a draft of the same id is replaced); a published or retired id is refused. */
export async function importEdition(
  actorId: string,
  files: Extract<EditionFiles, { ok: true }>,
  source: "upload" | "content",
): Promise<ImportResult> {
  const { id, definition, model } = files;
  const result = await db().transaction(async (tx): Promise<ImportResult> => {
    const [stored] = await tx
      .select({ status: questionnaireVersions.status })
      .from(questionnaireVersions)
      .where(eq(questionnaireVersions.id, id))
      .for("update");
    if (stored && stored.status !== "draft") return { ok: false, reason: "not_draft", id, status: stored.status };
    const content = { title: model.title, definition, model, comparableWith: model.comparableWith };
    if (stored) await tx.update(questionnaireVersions).set(content).where(eq(questionnaireVersions.id, id));
    else await tx.insert(questionnaireVersions).values({ id, ...content, status: "draft" });
    await recordAudit(
      {
        actorId,
        action: "questionnaire.imported",
        subjectType: "questionnaire_version",
        subjectId: id,
        details: { source, replaced: Boolean(stored), hash: editionContentHash(definition, model) },
      },
      tx,
    );
    return { ok: true, id, replaced: Boolean(stored) };
  });
  forgetQuestionnaireVersion(id);
  return result;
}

export type StepResult =
  | { ok: true; id: string; open: string | null; hash?: string }
  | { ok: false; reason: "not_found" | "wrong_status" | "last_open" | "invalid"; id: string };

async function lockedRow(tx: Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0], id: string) {
  // Every lifecycle step locks the table's rows in one order, so two steps at once queue behind each other.
  await tx.execute(sql`select id from questionnaire_versions order by id for update`);
  const all = await tx
    .select({
      id: questionnaireVersions.id,
      status: questionnaireVersions.status,
      publishedAt: questionnaireVersions.publishedAt,
    })
    .from(questionnaireVersions);
  return { all, row: all.find((r) => r.id === id) };
}

/** Publish a draft: it opens for new assessments, and its content and hash never change again. */
export async function publishEdition(actorId: string | null, id: string): Promise<StepResult> {
  return db().transaction(async (tx): Promise<StepResult> => {
    const { all, row } = await lockedRow(tx, id);
    if (!row) return { ok: false, reason: "not_found", id };
    if (!canTake("publish", row.status)) return { ok: false, reason: "wrong_status", id };
    const [stored] = await tx
      .select({ definition: questionnaireVersions.definition, model: questionnaireVersions.model })
      .from(questionnaireVersions)
      .where(eq(questionnaireVersions.id, id));
    // Checked again: a draft stored before a check was added must not be published unchecked.
    const checked = readEditionFiles(JSON.stringify(stored!.definition), JSON.stringify(stored!.model), id);
    if (!checked.ok) return { ok: false, reason: "invalid", id };
    const hash = editionContentHash(stored!.definition, stored!.model);
    const publishedAt = new Date();
    await tx
      .update(questionnaireVersions)
      .set({ status: "published", publishedAt, contentHash: hash })
      .where(eq(questionnaireVersions.id, id));
    const before = openEdition(all);
    const open = openEdition(all.map((r) => (r.id === id ? { ...r, status: "published" as const, publishedAt } : r)));
    await recordAudit(
      {
        actorId,
        action: "questionnaire.published",
        subjectType: "questionnaire_version",
        subjectId: id,
        details: { hash, openBefore: before, open },
      },
      tx,
    );
    return { ok: true, id, open, hash };
  });
}

/** Retire a published edition: no new assessment starts in it; its assessments and reports stay. */
export async function retireEdition(actorId: string, id: string): Promise<StepResult> {
  return db().transaction(async (tx): Promise<StepResult> => {
    const { all, row } = await lockedRow(tx, id);
    if (!row) return { ok: false, reason: "not_found", id };
    if (!canTake("retire", row.status)) return { ok: false, reason: "wrong_status", id };
    const after = all.map((r) => (r.id === id ? { ...r, status: "retired" as const } : r));
    const open = openEdition(after);
    // One edition is open at a time, and there is always one once any was published.
    if (open === null) return { ok: false, reason: "last_open", id };
    await tx
      .update(questionnaireVersions)
      .set({ status: "retired", retiredAt: new Date() })
      .where(eq(questionnaireVersions.id, id));
    await recordAudit(
      {
        actorId,
        action: "questionnaire.retired",
        subjectType: "questionnaire_version",
        subjectId: id,
        details: { openBefore: openEdition(all), open },
      },
      tx,
    );
    return { ok: true, id, open };
  });
}
