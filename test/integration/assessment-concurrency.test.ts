import { beforeAll, describe, expect, it } from "vitest";
import { currentPeriod, getAssessment, startAssessment } from "~/assessment/assessment.server";
import { currentQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { acceptInvitation, createInvitation } from "~/firms/invitation.server";
import { action as saveAction } from "~/routes/firms.$firmId.assessments.$assessmentId.answers";
import { useIsolatedDatabase } from "~test/support/database";
import { makeFirmWithOwner, makeUser } from "~test/support/factories";
import { jsonRequest, runAction, sessionCookieFor } from "~test/support/requests";

useIsolatedDatabase();
beforeAll(async () => {
  await syncQuestionnaireVersions();
});

describe("two members editing one draft", () => {
  it("keeps every answer of simultaneous saves of different pages, and refuses a stale save of the same question", async () => {
    const { owner, firm } = await makeFirmWithOwner();
    const colleague = await makeUser();
    const { link } = await createInvitation({
      firmId: firm.id,
      email: colleague.email,
      invitedBy: owner.id,
      origin: "http://portal.test",
      texts: { subject: "s", body: (l) => l },
    });
    expect((await acceptInvitation(link.split("/").pop()!, colleague)).ok).toBe(true);
    const version = (await currentQuestionnaireVersion())!;
    const draft = await startAssessment(firm.id, owner.id, version, currentPeriod());
    // The colleague opening the assessment for the same period gets the same draft.
    expect((await startAssessment(firm.id, colleague.id, version, currentPeriod())).id).toBe(draft.id);
    const params = { firmId: firm.id, assessmentId: draft.id };
    const path = `/firms/${firm.id}/assessments/${draft.id}/answers`;
    const [ownerCookie, colleagueCookie] = [await sessionCookieFor(owner.id), await sessionCookieFor(colleague.id)];

    // Both read version 1 and save different pages at the same moment.
    const strategyPage = { str_digital_direction: 3, str_quality_objectives: 4 };
    const securityPage = { sec_governance: 2, sec_backup_recovery: 5 };
    const [a, b] = await Promise.all([
      runAction(
        saveAction,
        jsonRequest(path, ownerCookie, {
          version: 1,
          page: 1,
          changes: strategyPage,
          base: { str_digital_direction: null, str_quality_objectives: null },
        }),
        params,
      ),
      runAction(
        saveAction,
        jsonRequest(path, colleagueCookie, {
          version: 1,
          page: 9,
          changes: securityPage,
          base: { sec_governance: null, sec_backup_recovery: null },
        }),
        params,
      ),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    let row = (await getAssessment(firm.id, draft.id))!;
    expect(row.answers).toEqual({ ...strategyPage, ...securityPage });
    expect(row.version).toBe(3);

    // The owner, still on version 1, changes an answer the colleague has since changed: refused.
    const colleagueChange = await runAction(
      saveAction,
      jsonRequest(path, colleagueCookie, {
        version: 3,
        page: 9,
        changes: { sec_governance: 4 },
        base: { sec_governance: 2 },
      }),
      params,
    );
    expect(colleagueChange.status).toBe(200);
    const stale = await runAction(
      saveAction,
      jsonRequest(path, ownerCookie, {
        version: 1,
        page: 9,
        changes: { sec_governance: 1 },
        base: { sec_governance: null },
      }),
      params,
    );
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: string; message: string; conflicts: string[]; version: number };
    expect(body).toMatchObject({ error: "conflict", conflicts: ["sec_governance"], version: 4 });
    expect(body.message).toBe("另一位同事修改了相同的问题，本次修改未保存。");
    row = (await getAssessment(firm.id, draft.id))!;
    expect(row.answers).toEqual({ ...strategyPage, sec_governance: 4, sec_backup_recovery: 5 });
    expect(row.version).toBe(4);
  });

  it("refuses an invalid draft answer without touching the draft", async () => {
    const { owner, firm } = await makeFirmWithOwner();
    const version = (await currentQuestionnaireVersion())!;
    const draft = await startAssessment(firm.id, owner.id, version, currentPeriod());
    const cookie = await sessionCookieFor(owner.id);
    const path = `/firms/${firm.id}/assessments/${draft.id}/answers`;
    const res = await runAction(
      saveAction,
      jsonRequest(path, cookie, { version: 1, page: 0, changes: { str_digital_direction: 3, ghost: 1 }, base: {} }),
      { firmId: firm.id, assessmentId: draft.id },
    );
    expect(res.status).toBe(422);
    expect((await getAssessment(firm.id, draft.id))!).toMatchObject({ answers: {}, version: 1 });
  });
});
