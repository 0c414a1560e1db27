// The edition lifecycle (decision 042) on the real drivers: a failed import stores nothing, a published
// edition is immutable (the database refuses it whatever the caller), one edition is open at a time, a
// draft in a retired edition can still be finished, and the start-up sync never undoes an admin's step.
import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, questionnaireVersions } from "~db/schema";
import { startAssessment, submitAssessment } from "~/assessment/assessment.server";
import { importEdition, publishEdition, retireEdition } from "~/assessment/edition-admin.server";
import { editionContentHash, readEditionFiles } from "~/assessment/edition-files";
import {
  currentQuestionnaireVersion,
  getQuestionnaireVersion,
  syncQuestionnaireVersions,
} from "~/assessment/questionnaire.server";
import { questionnaireVersionsOnDisk } from "~/assessment/versions.server";
import { db } from "~/platform/db.server";
import { answersAtLevel } from "~test/support/assessment-fixtures";
import { useIsolatedDatabase } from "~test/support/database";
import { makeFirmWithOwner, makeUser } from "~test/support/factories";

useIsolatedDatabase();

const text = (kind: "questionnaires" | "models", id: string) => readFileSync(`content/${kind}/${id}.json`, "utf8");
/** A copy of 2026 under another id, so each test has an edition of its own. */
function pair(id: string, edit: (model: Record<string, unknown>) => void = () => {}) {
  const model = JSON.parse(text("models", "qmd-2026"));
  Object.assign(model, { id, questionnaire: id });
  edit(model);
  const read = readEditionFiles(text("questionnaires", "qmd-2026"), JSON.stringify(model));
  return read;
}
const editions = () => db().select().from(questionnaireVersions);
const auditCount = async () =>
  (
    await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
  )[0]!.n;
let admin: string;

beforeAll(async () => {
  await syncQuestionnaireVersions();
  admin = (await makeUser()).id;
});

describe("the edition lifecycle", () => {
  it("a failed import stores nothing: no edition, no audit entry", async () => {
    const [before, audits] = [await editions(), await auditCount()];
    const broken = pair("qn-broken", (m) => {
      (m.dimensions as Array<{ weight: number }>)[0]!.weight = 0.5;
    });
    expect(broken.ok).toBe(false);
    expect(broken.ok ? [] : broken.problems.map((p) => p.message).join()).toContain("do not sum to 1");
    // A valid import that fails inside its transaction (an actor id the audit column refuses) leaves nothing either.
    const good = pair("qn-rolled-back");
    if (!good.ok) throw new Error("the copy of 2026 should be valid");
    await expect(importEdition("not-a-uuid", good, "upload")).rejects.toThrow();
    expect(await editions()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("imports a draft, replaces it, then publishes it with its hash; from then on nothing changes it", async () => {
    const first = pair("qn-a");
    if (!first.ok) throw new Error("invalid pair");
    expect(await importEdition(admin, first, "upload")).toEqual({ ok: true, id: "qn-a", replaced: false });
    expect(await importEdition(admin, first, "content")).toEqual({ ok: true, id: "qn-a", replaced: true });
    const published = await publishEdition(admin, "qn-a");
    expect(published).toMatchObject({
      ok: true,
      open: "qn-a",
      hash: editionContentHash(first.definition, first.model),
    });
    const [row] = await db().select().from(questionnaireVersions).where(eq(questionnaireVersions.id, "qn-a"));
    expect(row).toMatchObject({ status: "published", contentHash: published.ok ? published.hash : "" });

    expect(await importEdition(admin, first, "upload")).toMatchObject({ ok: false, reason: "not_draft" });
    expect(await publishEdition(admin, "qn-a")).toMatchObject({ ok: false, reason: "wrong_status" });
    const qnA = eq(questionnaireVersions.id, "qn-a");
    const refused = [
      db()
        .update(questionnaireVersions)
        .set({ model: { ...row!.model, version: 99 } })
        .where(qnA),
      db()
        .update(questionnaireVersions)
        .set({ definition: { ...row!.definition, pages: [] } })
        .where(qnA),
      db()
        .update(questionnaireVersions)
        .set({ contentHash: "0".repeat(64) })
        .where(qnA),
      db().update(questionnaireVersions).set({ status: "draft" }).where(qnA),
      db().delete(questionnaireVersions).where(qnA),
    ];
    for (const attempt of refused) await expect(attempt).rejects.toThrow();
    const [after] = await db().select().from(questionnaireVersions).where(qnA);
    expect(after).toEqual(row);
    const actions = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, "qn-a"));
    expect(actions.map((a) => a.action)).toEqual([
      "questionnaire.imported",
      "questionnaire.imported",
      "questionnaire.published",
    ]);
  });

  it("keeps one edition open; a draft in a retired edition keeps its edition and can be finished", async () => {
    const b = pair("qn-b");
    if (!b.ok) throw new Error("invalid pair");
    await importEdition(admin, b, "upload");
    const open = (await currentQuestionnaireVersion())!;
    const { owner, firm } = await makeFirmWithOwner();
    const draft = await startAssessment(firm.id, owner.id, open, "2026");

    expect(await publishEdition(admin, "qn-b")).toMatchObject({ ok: true, open: "qn-b" });
    expect((await currentQuestionnaireVersion())!.id).toBe("qn-b");
    expect(await retireEdition(admin, open.id)).toMatchObject({ ok: true, open: "qn-b" });
    expect((await currentQuestionnaireVersion())!.id).toBe("qn-b");

    const version = (await getQuestionnaireVersion(draft.questionnaireVersionId))!;
    const done = await submitAssessment({
      assessment: draft,
      version,
      userId: owner.id,
      baseVersion: draft.version,
      answers: answersAtLevel(version.compiled, 3),
    });
    expect(done.ok).toBe(true);

    // Retiring every published edition would leave none open: refused.
    const published = (await editions()).filter((e) => e.status === "published").map((e) => e.id);
    for (const id of published.slice(0, -1)) expect((await retireEdition(admin, id)).ok).toBe(true);
    expect(await retireEdition(admin, published.at(-1)!)).toMatchObject({ ok: false, reason: "last_open" });
    expect((await currentQuestionnaireVersion())!.id).toBe(published.at(-1));
    expect(await retireEdition(admin, "qn-nothing")).toMatchObject({ ok: false, reason: "not_found" });
  });

  it("the start-up sync keeps a retired edition retired and refuses a changed file for it", async () => {
    const onDisk = questionnaireVersionsOnDisk();
    const retired = (await editions()).find((e) => e.id === "qmd-2025")!;
    expect(retired.status).toBe("retired");
    const changed = new Map(onDisk);
    const v = onDisk.get("qmd-2025")!;
    changed.set("qmd-2025", { ...v, model: { ...v.model, version: v.model.version + 1 } });
    const d = onDisk.get("qmd-2026")!;
    changed.set("qmd-2026", { ...d, model: { ...d.model, version: d.model.version + 1 } });
    const report = await syncQuestionnaireVersions(changed);
    expect(report).toEqual({ added: [], changedOnDisk: ["qmd-2025"], draftsChanged: ["qmd-2026"] });
    const [after] = await db().select().from(questionnaireVersions).where(eq(questionnaireVersions.id, "qmd-2025"));
    expect(after).toEqual(retired);
  });
});
