// A firm's case drafts: created, and edited only from the revision the editor read, each in one
// transaction with its case event and audit entry.
import { and, eq } from "drizzle-orm";
import type { Db } from "~db/connect";
import { caseEvents, cases } from "~db/schema";
import { derivedColumns } from "~/cases/columns.server";
import type { CaseContent } from "~/cases/schema";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";

export interface CaseInput {
  content: CaseContent;
  anonymised: boolean;
}

export async function createCase(
  input: CaseInput & { firmId: string; userId: string; isFictional?: boolean; isSynthetic?: boolean },
  executor: Db = db(),
): Promise<string> {
  return executor.transaction(async (tx) => {
    const [row] = await tx
      .insert(cases)
      .values({
        firmId: input.firmId,
        anonymised: input.anonymised,
        createdBy: input.userId,
        isFictional: input.isFictional ?? false,
        isSynthetic: input.isSynthetic ?? false,
        ...(await derivedColumns(input.content, tx, "draft")),
      })
      .returning({ id: cases.id });
    await tx.insert(caseEvents).values({ caseId: row!.id, fromStatus: null, toStatus: "draft", actorId: input.userId });
    await recordAudit({ actorId: input.userId, action: "case.created", subjectType: "case", subjectId: row!.id }, tx);
    return row!.id;
  });
}

export type UpdateCaseResult =
  { ok: true; revision: number } | { ok: false; reason: "not_found" | "not_editable" | "stale" };

/** A firm's edit of its draft or returned case, only from the revision the editor read. */
export async function updateCase(
  input: CaseInput & { firmId: string; caseId: string; userId: string; baseRevision: number },
): Promise<UpdateCaseResult> {
  return db().transaction(async (tx) => {
    const [current] = await tx
      .select({ status: cases.status, revision: cases.revision })
      .from(cases)
      .where(and(eq(cases.id, input.caseId), eq(cases.firmId, input.firmId)))
      .for("update");
    if (!current) return { ok: false, reason: "not_found" } as const;
    if (current.status !== "draft" && current.status !== "returned")
      return { ok: false, reason: "not_editable" } as const;
    if (current.revision !== input.baseRevision) return { ok: false, reason: "stale" } as const;
    await tx
      .update(cases)
      .set({
        ...(await derivedColumns(input.content, tx, current.status)),
        anonymised: input.anonymised,
        revision: current.revision + 1,
        updatedAt: new Date(),
      })
      .where(eq(cases.id, input.caseId));
    await recordAudit(
      {
        actorId: input.userId,
        action: "case.updated",
        subjectType: "case",
        subjectId: input.caseId,
        details: { revision: current.revision + 1 },
      },
      tx,
    );
    return { ok: true, revision: current.revision + 1 } as const;
  });
}
