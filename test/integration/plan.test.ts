// The improvement plan through its route action and the reminder job, on the real driver.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailOutbox, memberships, planActions } from "~db/schema";
import { startAssessment, submitAssessment } from "~/assessment/assessment.server";
import { currentQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { loadPlan, remindOverdueActions } from "~/plan/plan.server";
import { db } from "~/platform/db.server";
import { action, loader } from "~/routes/firms.$firmId.plan";
import { answersAtLevel } from "~test/support/assessment-fixtures";
import { useIsolatedDatabase } from "~test/support/database";
import { makeFirmWithOwner, makeUser } from "~test/support/factories";
import { loaderArgs, loaderStatus, ORIGIN, runAction, sessionCookieFor } from "~test/support/requests";

useIsolatedDatabase();

beforeAll(async () => {
  await syncQuestionnaireVersions();
});

function formRequest(path: string, cookie: string, fields: Record<string, string>): Request {
  return new Request(ORIGIN + path, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN },
    body: new URLSearchParams(fields).toString(),
  });
}

async function submitted(firmId: string, userId: string, period: string, level: 1 | 2 | 3 | 4 | 5) {
  const version = (await currentQuestionnaireVersion())!;
  const draft = await startAssessment(firmId, userId, version, period);
  const done = await submitAssessment({
    assessment: draft,
    version,
    userId,
    baseVersion: draft.version,
    answers: answersAtLevel(version.compiled, level),
  });
  expect(done.ok).toBe(true);
  return draft;
}

async function setting() {
  const { owner, firm } = await makeFirmWithOwner();
  const member = await makeUser({ displayName: "Colleague" });
  await db().insert(memberships).values({ firmId: firm.id, userId: member.id, role: "member" });
  const assessment = await submitted(firm.id, owner.id, "2025", 2);
  const path = `/firms/${firm.id}/plan`;
  const params = { firmId: firm.id };
  const post = async (userId: string, fields: Record<string, string>) =>
    runAction(action, formRequest(path, await sessionCookieFor(userId), fields), params);
  return { owner, member, firm, assessment, path, params, post };
}

const idFrom = (res: Response) => /#action-([0-9a-f-]{36})$/.exec(res.headers.get("Location") ?? "")![1]!;

describe("the improvement plan", () => {
  it("adds a recommended action once, a custom one, and edits them; each change audited", async () => {
    const s = await setting();
    const rec = {
      intent: "add-recommendation",
      assessmentId: s.assessment.id,
      dimension: "strategy",
      level: "2",
      actionIndex: "0",
    };
    const first = await s.post(s.owner.id, rec);
    expect(first.status).toBe(302);
    const again = await s.post(s.owner.id, rec);
    expect(again.headers.get("Location")).toContain("duplicate=1");
    const custom = await s.post(s.owner.id, {
      intent: "add-custom",
      title: "每周质量例会",
      dimension: "people",
      ownerId: s.member.id,
      dueDate: "2027-01-31",
      notes: "",
    });
    expect(custom.status).toBe(302);
    const id = idFrom(custom);
    expect(
      (await s.post(s.member.id, { intent: "update", actionId: id, status: "done", notes: "已完成" })).status,
    ).toBe(302);
    const plan = await loadPlan(s.firm.id);
    expect(plan).toHaveLength(2);
    const mine = plan.find((p) => p.id === id)!;
    expect(mine).toMatchObject({ status: "done", notes: "已完成", owner: { id: s.member.id }, dueDate: "2027-01-31" });
    expect(plan.find((p) => p.id !== id)!.articles.length).toBeGreaterThan(0);
    const audits = await db().select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(audits.map((a) => a.action).sort()).toEqual(["plan.action_added", "plan.action_updated"]);
  });

  it("refuses what the rule refuses with 403 and a message, and changes nothing", async () => {
    const s = await setting();
    const own = idFrom(
      await s.post(s.owner.id, { intent: "add-custom", title: "负责人的行动", dimension: "strategy" }),
    );
    const res = await s.post(s.member.id, { intent: "update", actionId: own, status: "done" });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ errors: { form: "plan.errors.not_yours" } });
    const assign = await s.post(s.member.id, {
      intent: "add-custom",
      title: "派给别人",
      dimension: "strategy",
      ownerId: s.owner.id,
    });
    expect(assign.status).toBe(403);
    const mineId = idFrom(await s.post(s.member.id, { intent: "add-custom", title: "自己的", dimension: "strategy" }));
    const due = await s.post(s.member.id, { intent: "update", actionId: mineId, dueDate: "2027-05-01" });
    expect(due.status).toBe(403);
    const rows = await db().select().from(planActions).where(eq(planActions.firmId, s.firm.id));
    expect(rows.map((r) => r.status)).toEqual(["planned", "planned"]);
    expect(rows.every((r) => r.dueDate === null)).toBe(true);
  });

  it("the owner must be a member of the firm; bad input is a 400 with nothing written", async () => {
    const s = await setting();
    const stranger = await makeUser();
    const res = await s.post(s.owner.id, {
      intent: "add-custom",
      title: "x",
      dimension: "strategy",
      ownerId: stranger.id,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: { ownerId: "plan.errors.ownerNotMember" } });
    const bad = await s.post(s.owner.id, { intent: "add-custom", title: "", dimension: "nope", dueDate: "2027-13-40" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toMatchObject({
      title: "plan.errors.titleRequired",
      dueDate: "plan.errors.dueDate",
    });
    expect(await db().select().from(planActions).where(eq(planActions.firmId, s.firm.id))).toEqual([]);
  });

  it("another firm's plan is 404, to read and to change", async () => {
    const s = await setting();
    const other = await makeFirmWithOwner();
    const cookie = await sessionCookieFor(other.owner.id);
    expect(await loaderStatus(() => loader(loaderArgs(s.path, cookie, s.params)))).toBe(404);
    expect(await loaderStatus(() => loader(loaderArgs(s.path, undefined, s.params)))).toBe(302);
    const res = await runAction(
      action,
      formRequest(s.path, cookie, { intent: "add-custom", title: "x", dimension: "strategy" }),
      s.params,
    );
    expect(res.status).toBe(404);
    const memberCookie = await sessionCookieFor(s.member.id);
    expect(await loaderStatus(() => loader(loaderArgs(s.path, memberCookie, s.params)))).toBe(200);
  });

  it("shows the dimension's movement at the next assessment", async () => {
    const s = await setting();
    const id = idFrom(
      await s.post(s.owner.id, {
        intent: "add-recommendation",
        assessmentId: s.assessment.id,
        dimension: "strategy",
        level: "2",
        actionIndex: "1",
      }),
    );
    expect((await loadPlan(s.firm.id)).find((p) => p.id === id)!.progress).toBeNull();
    await submitted(s.firm.id, s.owner.id, "2026", 4);
    const p = (await loadPlan(s.firm.id)).find((x) => x.id === id)!.progress!;
    expect(p.comparable).toBe(true);
    expect(p.before.period).toBe("2025");
    expect(p.after.period).toBe("2026");
    expect(p.levelChange).toBeGreaterThan(0);
    expect(p.stageChange).toBeGreaterThan(0);
    expect(p.indicators.length).toBeGreaterThan(0);
    expect(p.indicators.every((i) => i.change !== null && i.change > 0)).toBe(true);
  });

  it("reminds an overdue action's owner once a week, not for done ones", async () => {
    const s = await setting();
    const overdue = idFrom(
      await s.post(s.owner.id, {
        intent: "add-custom",
        title: "逾期的行动",
        dimension: "strategy",
        ownerId: s.member.id,
        dueDate: "2026-01-10",
      }),
    );
    const done = idFrom(
      await s.post(s.owner.id, { intent: "add-custom", title: "完成的", dimension: "strategy", dueDate: "2026-01-10" }),
    );
    await s.post(s.owner.id, { intent: "update", actionId: done, status: "done" });
    const mails = async () => (await db().select().from(emailOutbox).where(eq(emailOutbox.to, s.member.email))).length;
    const day = (d: string) => new Date(`${d}T08:00:00Z`);
    const [a, b] = await Promise.all([
      remindOverdueActions(day("2026-02-01")),
      remindOverdueActions(day("2026-02-01")),
    ]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await mails()).toBe(1);
    await remindOverdueActions(day("2026-02-05"));
    expect(await mails()).toBe(1);
    await remindOverdueActions(day("2026-02-08"));
    expect(await mails()).toBe(2);
    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, s.member.email));
    expect(mail!.body).toContain("逾期的行动");
    expect(mail!.body).toContain(`#action-${overdue}`);
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.to, s.owner.email))).toEqual([]);
  });
});

describe("the demo plan", () => {
  it("has an action in each status, one overdue and one owned by the colleague", async () => {
    const { owner, firm } = await makeFirmWithOwner();
    const member = await makeUser();
    await db().insert(memberships).values({ firmId: firm.id, userId: member.id, role: "member" });
    const assessment = await submitted(firm.id, owner.id, "2025", 2);
    const { seedDemoPlan } = await import("~/plan/demo-plan.server");
    await db().transaction((tx) =>
      seedDemoPlan(tx, { firmId: firm.id, ownerId: owner.id, memberId: member.id, assessmentId: assessment.id }),
    );
    const plan = await loadPlan(firm.id);
    expect(new Set(plan.map((p) => p.status))).toEqual(new Set(["planned", "in_progress", "done", "dropped"]));
    expect(plan.some((p) => p.overdue)).toBe(true);
    expect(plan.some((p) => p.owner?.id === member.id)).toBe(true);
  });
});
