import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assessments, auditLog } from "~db/schema";
import { currentPeriod, getAssessment, startAssessment } from "~/assessment/assessment.server";
import { currentQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { scoreAssessment } from "~/assessment/scoring";
import { db } from "~/platform/db.server";
import { action as saveAction } from "~/routes/firms.$firmId.assessments.$assessmentId.answers";
import { action as submitAction } from "~/routes/firms.$firmId.assessments.$assessmentId.submit";
import { answersAtLevel } from "~test/support/assessment-fixtures";
import { useIsolatedDatabase } from "~test/support/database";
import { makeFirmWithOwner, makeUser } from "~test/support/factories";
import { jsonRequest, runAction, sessionCookieFor } from "~test/support/requests";

useIsolatedDatabase();

beforeAll(async () => {
  await syncQuestionnaireVersions();
});

async function draftFor() {
  const { owner, firm } = await makeFirmWithOwner();
  const version = (await currentQuestionnaireVersion())!;
  const assessment = await startAssessment(firm.id, owner.id, version, currentPeriod());
  const cookie = await sessionCookieFor(owner.id);
  const path = `/firms/${firm.id}/assessments/${assessment.id}`;
  const params = { firmId: firm.id, assessmentId: assessment.id };
  return { owner, firm, version, assessment, cookie, path, params };
}

async function snapshot(id: string) {
  const row = await getAssessment((await db().select().from(assessments).where(eq(assessments.id, id)))[0]!.firmId, id);
  const audits = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(eq(auditLog.action, "assessment.submitted"));
  return {
    status: row!.status,
    version: row!.version,
    answers: row!.answers,
    score: row!.overallScore,
    updatedAt: row!.updatedAt.getTime(),
    submitted: audits[0]!.n,
  };
}

describe("submitting an assessment", () => {
  it("refuses malformed answer sets with a clear error naming the question, and writes nothing", async () => {
    const d = await draftFor();
    const good = answersAtLevel(d.version.compiled, 3);
    const before = await snapshot(d.assessment.id);
    const cases: Array<[string, string | undefined, unknown, number, string, RegExp]> = [
      ["unknown question", undefined, { ...good, made_up_question: 3 }, 422, "unknown_question", /made_up_question/],
      [
        "wrong type",
        undefined,
        { ...good, str_digital_direction: [3] },
        422,
        "wrong_type",
        /质量管理数字化在企业发展战略中处于什么位置/,
      ],
      ["out of range", undefined, { ...good, str_digital_direction: 7 }, 422, "out_of_range", /不是可选项之一/],
      [
        "coverage out of range",
        undefined,
        { ...good, scn_links_data: ["moon"] },
        422,
        "out_of_range",
        /不是可选项之一/,
      ],
      [
        "a missing answer",
        undefined,
        (({ str_digital_direction: _x, ...rest }) => rest)(good),
        422,
        "missing",
        /尚未回答/,
      ],
      ["answers that are not an object", undefined, "all good", 422, "not_an_object", /答案格式不正确/],
    ];
    for (const [name, raw, answers, status, code, message] of cases) {
      const res = await runAction(
        submitAction,
        jsonRequest(`${d.path}/submit`, d.cookie, { version: d.assessment.version, answers }, raw),
        d.params,
      );
      expect(res.status, name).toBe(status);
      const body = (await res.json()) as { error: string; problems: Array<{ code: string; message: string }> };
      expect(body.error, name).toBe("invalid");
      expect(
        body.problems.map((p) => p.code),
        name,
      ).toContain(code);
      expect(body.problems.map((p) => p.message).join(" "), name).toMatch(message);
    }
    expect(await snapshot(d.assessment.id)).toEqual(before);
  });

  it("refuses a 5 MB body, a body that is not JSON and an envelope without a version, and writes nothing", async () => {
    const d = await draftFor();
    const before = await snapshot(d.assessment.id);
    const huge = JSON.stringify({ version: 1, answers: { padding: "x".repeat(5 * 1024 * 1024) } });
    const big = await runAction(submitAction, jsonRequest(`${d.path}/submit`, d.cookie, null, huge), d.params);
    expect(big.status).toBe(413);
    expect(((await big.json()) as { message: string }).message).toBe("请求内容过大。");
    const broken = await runAction(
      submitAction,
      jsonRequest(`${d.path}/submit`, d.cookie, null, "{ not json"),
      d.params,
    );
    expect(broken.status).toBe(400);
    const noVersion = await runAction(
      submitAction,
      jsonRequest(`${d.path}/submit`, d.cookie, { answers: {} }),
      d.params,
    );
    expect(noVersion.status).toBe(400);
    const form = new Request(`http://portal.test${d.path}/submit`, {
      method: "POST",
      headers: { Cookie: d.cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: "version=1",
    });
    expect((await runAction(submitAction, form, d.params)).status).toBe(415);
    expect(await snapshot(d.assessment.id)).toEqual(before);
  });

  it("scores and stores a valid answer set once; the submitted assessment is read-only", async () => {
    const d = await draftFor();
    const answers = answersAtLevel(d.version.compiled, 4);
    const res = await runAction(
      submitAction,
      jsonRequest(`${d.path}/submit`, d.cookie, { version: d.assessment.version, answers }),
      d.params,
    );
    expect(res.status).toBe(200);
    const expected = scoreAssessment(d.version.compiled, answers);
    expect(await res.json()).toMatchObject({ overall: expected.overall, stage: expected.stage });
    const row = (await getAssessment(d.firm.id, d.assessment.id))!;
    expect(row).toMatchObject({
      status: "submitted",
      overallScore: expected.overall,
      stage: expected.stage,
      submittedBy: d.owner.id,
      questionnaireVersionId: d.version.id,
    });
    expect(row.result).toMatchObject({ modelId: d.version.model.id, modelVersion: d.version.model.version });

    const again = await runAction(
      submitAction,
      jsonRequest(`${d.path}/submit`, d.cookie, { version: row.version, answers }),
      d.params,
    );
    expect(again.status).toBe(409);
    const edit = await runAction(
      saveAction,
      jsonRequest(`${d.path}/answers`, d.cookie, {
        version: row.version,
        page: 1,
        changes: { str_digital_direction: 1 },
        base: {},
      }),
      d.params,
    );
    expect(edit.status).toBe(409);
    expect(((await edit.json()) as { message: string }).message).toBe("该评估已提交，不能再修改。");
  });

  it("refuses a submit based on a stale version", async () => {
    const d = await draftFor();
    await runAction(
      saveAction,
      jsonRequest(`${d.path}/answers`, d.cookie, {
        version: 1,
        page: 1,
        changes: { str_digital_direction: 2 },
        base: {},
      }),
      d.params,
    );
    const res = await runAction(
      submitAction,
      jsonRequest(`${d.path}/submit`, d.cookie, { version: 1, answers: answersAtLevel(d.version.compiled, 2) }),
      d.params,
    );
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: "stale", version: 2 });
  });

  it("shows another firm's member nothing: a JSON 404 on save and submit, and 401 when signed out", async () => {
    const d = await draftFor();
    const stranger = await makeUser();
    const cookie = await sessionCookieFor(stranger.id);
    for (const [act, suffix] of [
      [saveAction, "answers"],
      [submitAction, "submit"],
    ] as const) {
      const res = await runAction(
        act,
        jsonRequest(`${d.path}/${suffix}`, cookie, { version: 1, page: 0, changes: {}, answers: {} }),
        d.params,
      );
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: "not_found", message: "找不到该资源，或你没有权限查看。" });
    }
    const anonymous = await runAction(submitAction, jsonRequest(`${d.path}/submit`, "", { version: 1 }), d.params);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: "unauthenticated" });
  });
});
