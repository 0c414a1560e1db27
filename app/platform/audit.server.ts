import { desc, lt } from "drizzle-orm";
import type { Db } from "~db/connect";
import { auditLog } from "~db/schema";
import { db } from "~/platform/db.server";

export type AuditAction =
  | "auth.sign_up"
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_in_throttled"
  | "auth.sign_out"
  | "auth.sign_out_everywhere"
  | "auth.password_reset_requested"
  | "auth.password_reset"
  | "firm.created"
  | "firm.updated"
  | "firm.invitation_sent"
  | "firm.invitation_revoked"
  | "firm.invitation_accepted"
  | "firm.member_removed"
  | "assessment.started"
  | "assessment.submitted"
  | "case.created"
  | "case.updated"
  | "case.submit"
  | "case.withdraw"
  | "case.comment"
  | "case.return"
  | "case.reject"
  | "case.publish"
  | "scene.created"
  | "scene.updated"
  | "release.built"
  | "release.published"
  | "release.withdrawn"
  | "insights.exported"
  | "role.granted"
  | "role.revoked"
  | "plan.action_added"
  | "plan.action_updated"
  | "questionnaire.imported"
  | "questionnaire.published"
  | "questionnaire.retired";

export interface AuditInput {
  actorId: string | null;
  action: AuditAction;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
}

/** Append one entry; pass the transaction when the audited change is part of one. */
export async function recordAudit(entry: AuditInput, executor: Db = db()): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    details: entry.details ?? {},
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, keyset-paginated by id. */
export function listAudit(beforeId?: number) {
  return db()
    .select()
    .from(auditLog)
    .where(beforeId ? lt(auditLog.id, beforeId) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE);
}
