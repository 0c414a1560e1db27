import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, caseEvents, cases, emailOutbox, memberships, users } from "~db/schema";
import { grantRole } from "~/accounts/role-grant.server";
import { createCase, updateCase } from "~/cases/drafts.server";
import { casesForFirm } from "~/cases/matching.server";
import { getPublishedCase, publishedCasesFor } from "~/cases/public.server";
import { searchCases } from "~/cases/search.server";
import { type StepInput, takeCaseStep } from "~/cases/steps.server";
import { getFirmCase } from "~/cases/workspace.server";
import { db } from "~/platform/db.server";
import { syncScenesFromContent } from "~/scenes/scene.server";
import { caseContent } from "~test/support/cases";
import { useIsolatedDatabase } from "~test/support/database";
import { makeFirmWithOwner, makeUser } from "~test/support/factories";

useIsolatedDatabase();
beforeAll(async () => {
  await syncScenesFromContent();
});

const origin = "http://portal.test";

async function setting() {
  const { owner, firm } = await makeFirmWithOwner();
  const analyst = await makeUser({ displayName: "Analyst" });
  await grantRole(null, analyst.id, "analyst", null);
  return { owner, firm, analyst };
}

function step(input: Omit<StepInput, "origin">) {
  return takeCaseStep({ ...input, origin });
}

describe("case workflow in the database", () => {
  it("runs draft → submitted → returned → submitted → published with events, audit and emails", async () => {
    const { owner, firm, analyst } = await setting();
    const caseId = await createCase({ firmId: firm.id, userId: owner.id, content: caseContent(), anonymised: true });
    expect(
      await step({ caseId, step: "submit", actor: "firm", userId: owner.id, firmId: firm.id, consent: false }),
    ).toEqual({ ok: false, reason: "consent_required" });
    expect(
      await step({ caseId, step: "submit", actor: "firm", userId: owner.id, firmId: firm.id, consent: true }),
    ).toEqual({ ok: true, status: "submitted" });
    const toAnalyst = await db().select().from(emailOutbox).where(eq(emailOutbox.to, analyst.email));
    expect(toAnalyst.length).toBe(1);
    expect(toAnalyst[0]!.body).toContain(`/review/cases/${caseId}`);

    expect(await step({ caseId, step: "return", actor: "analyst", userId: analyst.id })).toEqual({
      ok: false,
      reason: "comment_required",
    });
    expect(
      await step({ caseId, step: "return", actor: "analyst", userId: analyst.id, comment: "请补充成效的统计期间" }),
    ).toEqual({ ok: true, status: "returned" });
    const toFirm = await db().select().from(emailOutbox).where(eq(emailOutbox.to, owner.email));
    expect(toFirm.map((m) => m.body).join()).toContain("请补充成效的统计期间");

    const saved = await updateCase({
      firmId: firm.id,
      caseId,
      userId: owner.id,
      content: caseContent({ title: "改过的标题" }),
      anonymised: false,
      baseRevision: 1,
    });
    expect(saved).toEqual({ ok: true, revision: 2 });
    expect(
      await updateCase({
        firmId: firm.id,
        caseId,
        userId: owner.id,
        content: caseContent(),
        anonymised: false,
        baseRevision: 1,
      }),
    ).toEqual({ ok: false, reason: "stale" });
    expect(
      await step({
        caseId,
        step: "submit",
        actor: "firm",
        userId: owner.id,
        firmId: firm.id,
        consent: true,
        baseRevision: 2,
      }),
    ).toMatchObject({ ok: true });
    expect(await getPublishedCase(caseId)).toBeNull();
    expect(await step({ caseId, step: "publish", actor: "analyst", userId: analyst.id })).toEqual({
      ok: true,
      status: "published",
    });

    const published = await getPublishedCase(caseId);
    expect(published?.content.title).toBe("改过的标题");
    expect(published?.publisher).toBe(firm.name);
    const events = await db().select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.map((e) => e.toStatus)).toEqual(["draft", "submitted", "returned", "submitted", "published"]);
    expect(events.find((e) => e.toStatus === "returned")?.actorId).toBe(analyst.id);
    const audit = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, caseId));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["case.created", "case.submit", "case.return", "case.updated", "case.publish"]),
    );
    expect(
      await updateCase({
        firmId: firm.id,
        caseId,
        userId: owner.id,
        content: caseContent(),
        anonymised: true,
        baseRevision: 2,
      }),
    ).toEqual({ ok: false, reason: "not_editable" });

    expect(await step({ caseId, step: "withdraw", actor: "analyst", userId: analyst.id })).toEqual({
      ok: false,
      reason: "comment_required",
    });
    expect(await step({ caseId, step: "withdraw", actor: "firm", userId: owner.id, firmId: firm.id })).toEqual({
      ok: true,
      status: "withdrawn",
    });
    expect(await getPublishedCase(caseId)).toBeNull();
  });

  it("a firm cannot act on or read another firm's case, and a refused step changes nothing", async () => {
    const a = await setting();
    const b = await makeFirmWithOwner();
    const caseId = await createCase({
      firmId: a.firm.id,
      userId: a.owner.id,
      content: caseContent(),
      anonymised: true,
    });
    expect(await getFirmCase(b.firm.id, caseId)).toBeNull();
    expect(
      await step({ caseId, step: "submit", actor: "firm", userId: b.owner.id, firmId: b.firm.id, consent: true }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(
      await updateCase({
        firmId: b.firm.id,
        caseId,
        userId: b.owner.id,
        content: caseContent({ title: "hijack" }),
        anonymised: false,
        baseRevision: 1,
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(await step({ caseId, step: "publish", actor: "analyst", userId: a.analyst.id })).toEqual({
      ok: false,
      reason: "not_allowed",
    });
    const [row] = await db().select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ status: "draft", title: caseContent().title, revision: 1 });
    expect((await db().select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).length).toBe(1);
  });

  it("every member of the firm hears of a review step, in their own language", async () => {
    const { owner, firm, analyst } = await setting();
    const colleague = await makeUser();
    await db().insert(memberships).values({ firmId: firm.id, userId: colleague.id, role: "member" });
    await db().update(users).set({ locale: "en" }).where(eq(users.id, colleague.id));
    const caseId = await createCase({ firmId: firm.id, userId: owner.id, content: caseContent(), anonymised: true });
    await step({ caseId, step: "submit", actor: "firm", userId: owner.id, firmId: firm.id, consent: true });
    await step({ caseId, step: "reject", actor: "analyst", userId: analyst.id, comment: "Out of scope" });
    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, colleague.email));
    expect(mail?.subject).toContain("Not accepted");
  });
});

describe("case library search", () => {
  it("finds published cases only, by a two-character Chinese word, by longer phrases and by filters", async () => {
    const { owner, firm, analyst } = await setting();
    const publish = async (overrides: Parameters<typeof caseContent>[0], anonymised = true) => {
      const caseId = await createCase({
        firmId: firm.id,
        userId: owner.id,
        content: caseContent(overrides),
        anonymised,
      });
      await step({ caseId, step: "submit", actor: "firm", userId: owner.id, firmId: firm.id, consent: true });
      await step({ caseId, step: "publish", actor: "analyst", userId: analyst.id });
      return caseId;
    };
    const marker = `独${Date.now() % 1000}`;
    const vision = await publish({
      title: `视觉检测${marker}`,
      technologies: ["machine-vision"],
      sceneSlugs: ["steel-strip-online-surface-defect-detection"],
      industryDivision: "C31",
      regionCode: "130000",
      sizeClass: "large",
    });
    const trace = await publish({ title: `追溯系统${marker}`, articles: [12] });
    await createCase({
      firmId: firm.id,
      userId: owner.id,
      content: caseContent({ title: `视觉草稿${marker}` }),
      anonymised: true,
    });

    const byMarker = await searchCases({ q: marker }, 1);
    expect(byMarker.items.map((c) => c.id).sort()).toEqual([vision, trace].sort());
    expect((await searchCases({ q: `视觉检测${marker}` }, 1)).items.map((c) => c.id)).toEqual([vision]);
    expect((await searchCases({ q: "视觉" }, 1)).items.map((c) => c.id)).toContain(vision);
    expect((await searchCases({ q: "视觉" }, 1)).items.some((c) => c.content.title.startsWith("视觉草稿"))).toBe(false);
    expect((await searchCases({ q: "觉检测系" }, 1)).items.map((c) => c.id)).not.toContain(vision);
    expect((await searchCases({ q: marker, division: "C31" }, 1)).items.map((c) => c.id)).toEqual([vision]);
    expect(
      (await searchCases({ q: marker, region: "130000", size: "large", technology: "machine-vision" }, 1)).items.map(
        (c) => c.id,
      ),
    ).toEqual([vision]);
    expect((await searchCases({ q: marker, group: "raw-materials" }, 1)).total).toBe(1);
    expect((await searchCases({ q: marker, link: "inspection", tier: "link" }, 1)).total).toBeGreaterThanOrEqual(1);
    expect((await searchCases({ q: marker, article: 12 }, 1)).items.map((c) => c.id)).toEqual([trace]);
    expect(
      (await publishedCasesFor({ scene: "steel-strip-online-surface-defect-detection" })).map((c) => c.id),
    ).toContain(vision);
    const published = await getPublishedCase(vision);
    expect(published?.publisher).toBeNull();
  });

  it("ranks cases for a firm's report by similarity of the publishing firm", async () => {
    const { owner, firm, analyst } = await setting();
    const publish = async (overrides: Parameters<typeof caseContent>[0]) => {
      const caseId = await createCase({
        firmId: firm.id,
        userId: owner.id,
        content: caseContent(overrides),
        anonymised: true,
      });
      await step({ caseId, step: "submit", actor: "firm", userId: owner.id, firmId: firm.id, consent: true });
      await step({ caseId, step: "publish", actor: "analyst", userId: analyst.id });
      return caseId;
    };
    const scene = "bolt-tightening-monitoring-traceability";
    const far = await publish({
      sceneSlugs: [scene],
      industryDivision: "C14",
      regionCode: "510000",
      sizeClass: "small",
    });
    const near = await publish({
      sceneSlugs: [scene],
      industryDivision: "C36",
      regionCode: "330000",
      sizeClass: "medium",
    });
    const ranked = await casesForFirm(
      { industryDivision: "C36", sizeClass: "medium", regionCode: "330000" },
      { scenes: [scene], articles: [] },
    );
    const ids = ranked.map((c) => c.id);
    expect(ids.indexOf(near)).toBeLessThan(ids.indexOf(far));
    // By article alone; never the reading firm's own cases; never an unpublished one.
    const byArticle = await publish({
      sceneSlugs: [],
      articles: [19],
      industryDivision: "C36",
      regionCode: "330000",
      sizeClass: "medium",
    });
    const draft = await createCase({
      firmId: firm.id,
      userId: owner.id,
      content: caseContent({ sceneSlugs: [], articles: [19] }),
      anonymised: true,
    });
    const found = (
      await casesForFirm(
        { industryDivision: "C36", sizeClass: "medium", regionCode: "330000" },
        { scenes: [], articles: [19] },
      )
    ).map((c) => c.id);
    expect(found).toContain(byArticle);
    expect(found).not.toContain(draft);
    expect(found).not.toContain(near);
    const others = (
      await casesForFirm(
        { industryDivision: "C36", sizeClass: "medium", regionCode: "330000" },
        { scenes: [scene], articles: [19] },
        { excludeFirmId: firm.id },
      )
    ).map((c) => c.id);
    expect(others).not.toContain(near);
    expect(others).not.toContain(byArticle);
    expect(
      await casesForFirm(
        { industryDivision: "C36", sizeClass: "medium", regionCode: "330000" },
        { scenes: [], articles: [] },
      ),
    ).toEqual([]);
  });
});

describe("case search edge cases", () => {
  it("a one-character query still honours status and filters, and tokens follow status changes", async () => {
    const { owner, firm, analyst } = await setting();
    const marker = String.fromCodePoint(0x4e00 + (Date.now() % 20000));
    const caseId = await createCase({
      firmId: firm.id,
      userId: owner.id,
      content: caseContent({ title: `${marker}单字`, industryDivision: "C14", regionCode: "510000" }),
      anonymised: true,
    });
    expect((await searchCases({ q: marker }, 1)).items.map((c) => c.id)).not.toContain(caseId);
    await step({ caseId, step: "submit", actor: "firm", userId: owner.id, firmId: firm.id, consent: true });
    await step({ caseId, step: "publish", actor: "analyst", userId: analyst.id });
    expect((await searchCases({ q: marker }, 1)).items.map((c) => c.id)).toContain(caseId);
    expect((await searchCases({ q: `${marker}单字` }, 1)).items.map((c) => c.id)).toEqual([caseId]);
    expect(
      (await searchCases({ q: `${marker}单字`, region: "510000", division: "C14" }, 1)).items.map((c) => c.id),
    ).toEqual([caseId]);
    expect((await searchCases({ q: `${marker}单字`, region: "330000" }, 1)).total).toBe(0);
    expect((await searchCases({ q: marker, region: "330000" }, 1)).items.map((c) => c.id)).not.toContain(caseId);
    await step({ caseId, step: "withdraw", actor: "firm", userId: owner.id, firmId: firm.id });
    expect((await searchCases({ q: `${marker}单字` }, 1)).total).toBe(0);
  });
});

describe("review pages", () => {
  it("an analyst sees submitted cases but not a firm's draft", async () => {
    const { loader } = await import("~/routes/review.cases.$caseId");
    const { runAction, sessionCookieFor, ORIGIN } = await import("~test/support/requests");
    const { owner, firm, analyst } = await setting();
    const caseId = await createCase({ firmId: firm.id, userId: owner.id, content: caseContent(), anonymised: true });
    const cookie = await sessionCookieFor(analyst.id);
    const draft = await runAction(
      async (args) => {
        await loader(args as never);
        return new Response("ok");
      },
      new Request(`${ORIGIN}/review/cases/${caseId}`, { headers: { Cookie: cookie } }),
      { caseId },
    );
    expect(draft.status).toBe(404);
    await step({ caseId, step: "submit", actor: "firm", userId: owner.id, firmId: firm.id, consent: true });
    const submitted = await runAction(
      async (args) => {
        await loader(args as never);
        return new Response("ok");
      },
      new Request(`${ORIGIN}/review/cases/${caseId}`, { headers: { Cookie: cookie } }),
      { caseId },
    );
    expect(submitted.status).toBe(200);
  });
});
