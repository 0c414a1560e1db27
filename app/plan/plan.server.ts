// The firm's improvement plan: read it (with each action's progress at the next assessment), add and
// change actions under the rule in permissions.ts, one transaction each with its audit entry, and remind
// the owners of overdue actions through the outbox.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "~db/connect";
import { type Assessment, assessments, memberships, type PlanAction, planActions, users } from "~db/schema";
import { getQuestionnaireVersion } from "~/assessment/questionnaire.server";
import { bandOf, scoreAssessment } from "~/assessment/scoring";
import type { Localized } from "~/content/schemas";
import type { Locale } from "~/i18n/locales";
import { textFor } from "~/i18n/server-t.server";
import { mayAdd, mayEdit, type PlanActor, type PlanDecision, type PlanField } from "~/plan/permissions";
import { type ActionProgress, actionProgress, nextAssessment, type ResultSnapshot } from "~/plan/progress";
import { isOverdue, type PlanSource, type PlanStatus, REMINDER_INTERVAL_DAYS } from "~/plan/status";
import { recordAudit } from "~/platform/audit.server";
import { db, rowsOf } from "~/platform/db.server";
import { enqueueEmail } from "~/platform/outbox.server";
import { allScenes } from "~/scenes/scene.server";

/** One action as the plan page, the report and a PDF show it: plain data. */
export interface PlanItem {
  id: string;
  source: PlanSource;
  title: Localized;
  dimension: { id: string; name: Localized | null };
  articles: number[];
  scene: { slug: string; title: Localized } | null;
  owner: { id: string; name: string } | null;
  dueDate: string | null;
  status: PlanStatus;
  overdue: boolean;
  notes: string;
  fromPeriod: string | null;
  progress: (ActionProgress & { indicatorTitles: Record<string, Localized> }) | null;
}

/** The plan as the report shows it (and a PDF renderer can draw it). */
export interface PlanReportData {
  firmId: string;
  items: PlanItem[];
}

export const titleOf = (a: Pick<PlanAction, "title" | "sourceTitle">): Localized =>
  a.sourceTitle ?? { zh: a.title ?? "", en: a.title ?? "" };

export function listMemberIds(firmId: string, executor: Db = db()) {
  return executor
    .select({ userId: memberships.userId, role: memberships.role, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.firmId, firmId))
    .orderBy(asc(memberships.createdAt));
}

/** The stored result with each indicator's level worked out again from the answers (they are not stored). */
async function snapshotOf(a: Assessment): Promise<ResultSnapshot | null> {
  const version = await getQuestionnaireVersion(a.questionnaireVersionId);
  if (!version || !a.result) return null;
  const scored = scoreAssessment(version.compiled, a.answers);
  return {
    assessmentId: a.id,
    period: a.period,
    overall: a.result.overall,
    stage: a.result.stage,
    dimensions: a.result.dimensions,
    edition: a.questionnaireVersionId,
    declares: version.model,
    indicators: scored.indicators.map((i) => ({
      question: i.question,
      dimension: i.dimension,
      level: i.score === null ? null : bandOf(version.model, i.score),
    })),
  };
}

/**
 * Every action of the firm's plan, oldest first. `after` fixes the "after" assessment (the report's own);
 * without it each action is compared with the firm's next submitted assessment after the one it came from.
 */
export async function loadPlan(firmId: string, after?: Assessment): Promise<PlanItem[]> {
  const [rows, firmAssessments, catalogue, members] = await Promise.all([
    db().select().from(planActions).where(eq(planActions.firmId, firmId)).orderBy(asc(planActions.createdAt)),
    db().select().from(assessments).where(eq(assessments.firmId, firmId)),
    allScenes(),
    listMemberIds(firmId),
  ]);
  const byId = new Map(firmAssessments.map((a) => [a.id, a]));
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const snapshots = new Map<string, ResultSnapshot | null>();
  const snap = async (a: Assessment) => {
    if (!snapshots.has(a.id)) snapshots.set(a.id, await snapshotOf(a));
    return snapshots.get(a.id)!;
  };
  const now = new Date();
  const items: PlanItem[] = [];
  for (const r of rows) {
    const from = r.assessmentId ? byId.get(r.assessmentId) : undefined;
    const version = from ? await getQuestionnaireVersion(from.questionnaireVersionId) : null;
    const dim = version?.model.dimensions.find((d) => d.id === r.dimension);
    let progress: PlanItem["progress"] = null;
    const later = from
      ? after
        ? after.period > from.period
          ? after
          : null
        : nextAssessment(from, firmAssessments)
      : null;
    if (from && later) {
      const [b, a] = [await snap(from), await snap(later)];
      if (b && a) {
        const p = actionProgress(r.dimension, b, a);
        const titles = new Map(
          (await getQuestionnaireVersion(later.questionnaireVersionId))?.compiled.indicators.map((i) => [
            i.question,
            i.info.title,
          ]) ?? [],
        );
        progress = {
          ...p,
          indicatorTitles: Object.fromEntries(
            p.indicators.map((i) => [i.question, titles.get(i.question) ?? { zh: i.question, en: i.question }]),
          ),
        };
      }
    }
    const scene = r.sceneSlug ? catalogue.find((s) => s.slug === r.sceneSlug) : undefined;
    items.push({
      id: r.id,
      source: r.source,
      title: titleOf(r),
      dimension: { id: r.dimension, name: dim?.name ?? null },
      articles: r.articles,
      scene: r.sceneSlug ? { slug: r.sceneSlug, title: scene?.title ?? { zh: r.sceneSlug, en: r.sceneSlug } } : null,
      owner: r.ownerId ? { id: r.ownerId, name: names.get(r.ownerId) ?? "—" } : null,
      dueDate: r.dueDate,
      status: r.status,
      overdue: isOverdue(r, now),
      notes: r.notes,
      fromPeriod: from?.period ?? null,
      progress,
    });
  }
  return items;
}

/** The plan shown after a report: every action, with progress measured at this report's assessment. */
export async function planForReport(firmId: string, assessment: Assessment): Promise<PlanReportData> {
  return { firmId, items: await loadPlan(firmId, assessment) };
}

export type PlanChangeResult =
  | { ok: true; id: string; duplicate?: boolean }
  | { ok: false; reason: "refused"; decision: Exclude<PlanDecision, "allowed"> }
  | { ok: false; reason: "invalid"; errors: Record<string, string> }
  | { ok: false; reason: "not_found" };

export interface NewAction {
  assessmentId: string | null;
  source: PlanSource;
  sourceKey: string | null;
  dimension: string;
  recommendationLevel?: number | null;
  actionIndex?: number | null;
  sceneSlug?: string | null;
  sourceTitle?: Localized | null;
  title?: string | null;
  articles: number[];
  ownerId: string;
  dueDate: string | null;
  notes: string;
}

async function isMember(firmId: string, userId: string, executor: Db): Promise<boolean> {
  const [row] = await executor
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.firmId, firmId), eq(memberships.userId, userId)));
  return Boolean(row);
}

export async function addAction(firmId: string, actor: PlanActor, input: NewAction): Promise<PlanChangeResult> {
  const decision = mayAdd(actor, input.ownerId);
  if (decision !== "allowed") return { ok: false, reason: "refused", decision };
  return db().transaction(async (tx) => {
    if (!(await isMember(firmId, input.ownerId, tx)))
      return { ok: false, reason: "invalid", errors: { ownerId: "plan.errors.ownerNotMember" } } as const;
    const [row] = await tx
      .insert(planActions)
      .values({ ...input, firmId, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: planActions.id });
    if (!row) {
      const [existing] = await tx
        .select({ id: planActions.id })
        .from(planActions)
        .where(and(eq(planActions.firmId, firmId), eq(planActions.sourceKey, input.sourceKey!)));
      return { ok: true, id: existing!.id, duplicate: true } as const;
    }
    await recordAudit(
      {
        actorId: actor.userId,
        action: "plan.action_added",
        subjectType: "plan_action",
        subjectId: row.id,
        details: { firmId, source: input.source, dimension: input.dimension },
      },
      tx,
    );
    return { ok: true, id: row.id } as const;
  });
}

export interface ActionChanges {
  ownerId?: string | undefined;
  dueDate?: string | null | undefined;
  status?: PlanStatus | undefined;
  notes?: string | undefined;
}

export async function updateAction(
  firmId: string,
  actor: PlanActor,
  actionId: string,
  changes: ActionChanges,
): Promise<PlanChangeResult> {
  return db().transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(planActions)
      .where(and(eq(planActions.id, actionId), eq(planActions.firmId, firmId)))
      .for("update");
    if (!current) return { ok: false, reason: "not_found" } as const;
    const changed: PlanField[] = [];
    if (changes.ownerId !== undefined && changes.ownerId !== current.ownerId) changed.push("owner");
    if (changes.dueDate !== undefined && changes.dueDate !== current.dueDate) changed.push("dueDate");
    if (changes.status !== undefined && changes.status !== current.status) changed.push("status");
    if (changes.notes !== undefined && changes.notes !== current.notes) changed.push("notes");
    const decision = mayEdit(actor, current, changed);
    if (decision !== "allowed") return { ok: false, reason: "refused", decision } as const;
    if (changed.length === 0) return { ok: true, id: current.id } as const;
    if (changed.includes("owner") && !(await isMember(firmId, changes.ownerId!, tx)))
      return { ok: false, reason: "invalid", errors: { ownerId: "plan.errors.ownerNotMember" } } as const;
    await tx
      .update(planActions)
      .set({
        ...(changed.includes("owner") ? { ownerId: changes.ownerId!, lastRemindedAt: null } : {}),
        ...(changed.includes("dueDate") ? { dueDate: changes.dueDate ?? null, lastRemindedAt: null } : {}),
        ...(changed.includes("status") ? { status: changes.status! } : {}),
        ...(changed.includes("notes") ? { notes: changes.notes! } : {}),
        updatedAt: new Date(),
      })
      .where(eq(planActions.id, current.id));
    await recordAudit(
      {
        actorId: actor.userId,
        action: "plan.action_updated",
        subjectType: "plan_action",
        subjectId: current.id,
        details: { firmId, changed, ...(changes.status ? { status: changes.status } : {}) },
      },
      tx,
    );
    return { ok: true, id: current.id } as const;
  });
}

/**
 * Email the owner of each open action past its due date, at most once per REMINDER_INTERVAL_DAYS per
 * action. The UPDATE … RETURNING claims the actions and the emails are queued in the same transaction,
 * so two processes running this at once cannot both send: the second finds the rows already claimed.
 */
export async function remindOverdueActions(now = new Date(), origin = ""): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const since = new Date(now.getTime() - REMINDER_INTERVAL_DAYS * 86_400_000);
  return db().transaction(async (tx) => {
    type Claimed = {
      id: string;
      firm_id: string;
      title: string | null;
      source_title: Localized | null;
      due_date: string;
      email: string;
      locale: string;
      firm_name: string;
    };
    const claimed = await tx.execute(sql`
      update plan_actions pa set last_reminded_at = ${now.toISOString()}
      from users u, memberships m, firms f
      where u.id = pa.owner_id and m.firm_id = pa.firm_id and m.user_id = pa.owner_id and f.id = pa.firm_id
        and pa.status in ('planned', 'in_progress') and pa.due_date < ${today}::date
        and (pa.last_reminded_at is null or pa.last_reminded_at <= ${since.toISOString()})
      returning pa.id, pa.firm_id, pa.title, pa.source_title, pa.due_date::text as due_date, u.email, u.locale,
        f.name as firm_name`);
    const rows = rowsOf<Claimed>(claimed);
    for (const r of rows) {
      const locale: Locale = r.locale === "en" ? "en" : "zh";
      const t = textFor(locale);
      const title = r.source_title ? r.source_title[locale] : (r.title ?? "");
      await enqueueEmail(
        {
          to: r.email,
          kind: "notification",
          subject: t("plan.reminder.subject", { firm: r.firm_name }),
          body: t("plan.reminder.body", {
            firm: r.firm_name,
            title,
            due: r.due_date,
            link: `${origin}/firms/${r.firm_id}/plan#action-${r.id}`,
          }),
        },
        tx,
      );
    }
    return rows.length;
  });
}
