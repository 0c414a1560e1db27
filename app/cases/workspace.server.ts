// What firms and analysts read of cases in any status: a firm's own cases, the review queue and
// the recently published, and one case with its history of events.
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { caseEvents, cases, firms, users } from "~db/schema";
import { db } from "~/platform/db.server";

const caseRow = {
  id: cases.id,
  status: cases.status,
  title: cases.title,
  content: cases.content,
  anonymised: cases.anonymised,
  consentAt: cases.consentAt,
  revision: cases.revision,
  isFictional: cases.isFictional,
  publishedAt: cases.publishedAt,
  submittedAt: cases.submittedAt,
  updatedAt: cases.updatedAt,
  firmId: cases.firmId,
  firmName: firms.name,
};

async function caseWithEvents(where: SQL) {
  const [row] = await db().select(caseRow).from(cases).innerJoin(firms, eq(firms.id, cases.firmId)).where(where);
  if (!row) return null;
  const events = await db()
    .select({
      id: caseEvents.id,
      from: caseEvents.fromStatus,
      to: caseEvents.toStatus,
      comment: caseEvents.comment,
      at: caseEvents.createdAt,
      who: users.displayName,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(asc(caseEvents.id));
  return { ...row, events };
}

/** A case of this firm, in any status, with its history: for the firm's own pages. */
export function getFirmCase(firmId: string, caseId: string) {
  return caseWithEvents(and(eq(cases.id, caseId), eq(cases.firmId, firmId))!);
}

export async function firmOwnsCase(firmId: string, caseId: string): Promise<boolean> {
  const [row] = await db()
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.firmId, firmId)));
  return Boolean(row);
}

/** Any case with its history: for analysts. */
export function getCaseForReview(caseId: string) {
  return caseWithEvents(eq(cases.id, caseId));
}

export function listFirmCases(firmId: string) {
  return db()
    .select({ id: cases.id, title: cases.title, status: cases.status, updatedAt: cases.updatedAt })
    .from(cases)
    .where(eq(cases.firmId, firmId))
    .orderBy(desc(cases.updatedAt));
}

export function listReviewQueue() {
  return db()
    .select({
      id: cases.id,
      title: cases.title,
      status: cases.status,
      submittedAt: cases.submittedAt,
      firmName: firms.name,
    })
    .from(cases)
    .innerJoin(firms, eq(firms.id, cases.firmId))
    .where(inArray(cases.status, ["submitted", "in_review"]))
    .orderBy(asc(cases.submittedAt));
}

export function listRecentlyPublished(limit = 20) {
  return db()
    .select({
      id: cases.id,
      title: cases.title,
      status: cases.status,
      submittedAt: cases.publishedAt,
      firmName: firms.name,
    })
    .from(cases)
    .innerJoin(firms, eq(firms.id, cases.firmId))
    .where(eq(cases.status, "published"))
    .orderBy(desc(cases.publishedAt))
    .limit(limit);
}
