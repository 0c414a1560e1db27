// One step of the case workflow (submit, withdraw, take up, return, publish, …): checked against
// the rules in workflow.ts, then recorded, audited and notified in one transaction.
import { and, eq } from "drizzle-orm";
import type { Db } from "~db/connect";
import { caseEvents, cases, memberships, roleGrants, users } from "~db/schema";
import { statusTokenSwap } from "~/cases/columns.server";
import { type CaseActor, type CaseStatus, type CaseStep, transition } from "~/cases/workflow";
import { i18nFor } from "~/i18n/i18n";
import { isLocale } from "~/i18n/locales";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { enqueueEmail } from "~/platform/outbox.server";

export type StepResult =
  | { ok: true; status: CaseStatus }
  | { ok: false; reason: "not_found" | "not_allowed" | "comment_required" | "consent_required" | "stale" };

export interface StepInput {
  caseId: string;
  step: CaseStep;
  actor: CaseActor;
  userId: string;
  /** For a firm: the firm the caller acts for; the case must belong to it. */
  firmId?: string;
  comment?: string;
  /** Submission only: the explicit consent to publish. */
  consent?: boolean;
  /** Submission only: the revision the member saw, so an unseen edit is not submitted. */
  baseRevision?: number;
  /** Base URL for links in notifications. */
  origin: string;
}

/** One workflow step: checked against the rules, recorded, audited and notified in one transaction. */
export async function takeCaseStep(input: StepInput): Promise<StepResult> {
  const comment = input.comment?.trim() || null;
  return db().transaction(async (tx) => {
    const where = input.firmId
      ? and(eq(cases.id, input.caseId), eq(cases.firmId, input.firmId))
      : eq(cases.id, input.caseId);
    const [current] = await tx
      .select({
        status: cases.status,
        title: cases.title,
        firmId: cases.firmId,
        consentAt: cases.consentAt,
        revision: cases.revision,
      })
      .from(cases)
      .where(where)
      .for("update");
    if (!current) return { ok: false, reason: "not_found" } as const;
    const next = transition(input.step, input.actor, current.status);
    if (!next.ok) return { ok: false, reason: "not_allowed" } as const;
    if (next.needsComment && !comment) return { ok: false, reason: "comment_required" } as const;
    if (input.step === "submit") {
      if (!input.consent) return { ok: false, reason: "consent_required" } as const;
      if (input.baseRevision !== undefined && input.baseRevision !== current.revision)
        return { ok: false, reason: "stale" } as const;
    }
    if (input.step === "publish" && !current.consentAt) return { ok: false, reason: "consent_required" } as const;
    const now = new Date();
    await tx
      .update(cases)
      .set({
        status: next.to,
        searchGrams: statusTokenSwap(current.status, next.to),
        updatedAt: now,
        ...(input.step === "submit" ? { consentAt: now, submittedAt: now } : {}),
        ...(input.step === "publish" ? { publishedAt: now } : {}),
      })
      .where(eq(cases.id, input.caseId));
    await tx
      .insert(caseEvents)
      .values({ caseId: input.caseId, fromStatus: current.status, toStatus: next.to, actorId: input.userId, comment });
    await recordAudit(
      {
        actorId: input.userId,
        action: `case.${input.step}`,
        subjectType: "case",
        subjectId: input.caseId,
        details: { from: current.status, to: next.to },
      },
      tx,
    );
    await notify(tx, { ...input, comment, title: current.title, firmId: current.firmId, status: next.to });
    return { ok: true, status: next.to } as const;
  });
}

/** The firm's members hear of every step an analyst takes and of a withdrawal; analysts hear of submissions. */
async function notify(
  tx: Db,
  n: Omit<StepInput, "comment"> & { comment: string | null; title: string; firmId: string; status: CaseStatus },
) {
  const firmUrl = `${n.origin}/firms/${n.firmId}/cases/${n.caseId}`;
  if (n.actor === "analyst" || n.step === "withdraw") {
    const members = await tx
      .select({ email: users.email, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.firmId, n.firmId));
    for (const m of members) {
      const t = i18nFor(isLocale(m.locale) ? m.locale : "zh").t;
      const status = t(`cases.statuses.${n.status}`);
      await enqueueEmail(
        {
          to: m.email,
          kind: "notification",
          subject: t("caseMail.subject", { title: n.title, status, interpolation: { escapeValue: false } }),
          body: t("caseMail.body", {
            title: n.title,
            status,
            url: firmUrl,
            comment: n.comment
              ? t("caseMail.commentLine", { comment: n.comment, interpolation: { escapeValue: false } })
              : "",
            interpolation: { escapeValue: false },
          }),
        },
        tx,
      );
    }
  }
  if (n.step === "submit") {
    const analysts = await tx
      .select({ email: users.email, locale: users.locale })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(eq(roleGrants.role, "analyst"));
    for (const a of analysts) {
      const t = i18nFor(isLocale(a.locale) ? a.locale : "zh").t;
      await enqueueEmail(
        {
          to: a.email,
          kind: "notification",
          subject: t("caseMail.reviewSubject", { title: n.title, interpolation: { escapeValue: false } }),
          body: t("caseMail.reviewBody", {
            title: n.title,
            url: `${n.origin}/review/cases/${n.caseId}`,
            interpolation: { escapeValue: false },
          }),
        },
        tx,
      );
    }
  }
}
