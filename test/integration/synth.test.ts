// The synthetic data generator against the real database: a synthetic row is the row the real
// submit path stores for the same answers; re-runs never duplicate; the demo seed adds its firms once.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Assessment, assessments, firms, users } from "~db/schema";
import { DEMO_SYNTHETIC_FIRMS, seedDemoIfEmpty } from "~db/seed";
import { Synthesiser, type SynthOptions } from "~db/synth/generate";
import { runSynth, SyntheticDataExists, writeSynthetic } from "~db/synth/run";
import { taxonomyFromContent } from "~db/synth/taxonomy";
import { countSynthetic } from "~db/synth/writer";
import { startAssessment, submitAssessment } from "~/assessment/assessment.server";
import { currentQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import type { QuestionnaireVersion } from "~/assessment/versions.server";
import { checkCreditCode } from "~/firms/credit-code";
import { createFirm } from "~/firms/firm.server";
import { databaseHandle, db, useDatabase } from "~/platform/db.server";
import { createIsolatedDatabase, useIsolatedDatabase } from "~test/support/database";
import { firmInput, makeUser } from "~test/support/factories";

useIsolatedDatabase();

let version: QuestionnaireVersion;
beforeAll(async () => {
  await syncQuestionnaireVersions();
  version = (await currentQuestionnaireVersion())!;
});

const options: SynthOptions = {
  seed: 77,
  firms: 400,
  periods: ["2023", "2024", "2025"],
  now: new Date("2026-11-22T08:00:00Z"),
};

async function row(id: string): Promise<Assessment> {
  return (await db().select().from(assessments).where(eq(assessments.id, id)))[0]!;
}

/** The columns submitAssessment decides; id, firm, timestamps, draft counters and flags differ by nature. */
const SUBMITTED_COLUMNS = [
  "questionnaireVersionId",
  "period",
  "status",
  "answers",
  "overallScore",
  "stage",
  "dimensionScores",
  "result",
  "industryDivision",
  "regionCode",
  "sizeClass",
  "withdrawnAt",
] as const;
const pick = (a: Assessment) => Object.fromEntries(SUBMITTED_COLUMNS.map((c) => [c, a[c]]));

describe("the bulk writer", () => {
  it("works inside a caller's transaction and rolls back with it", async () => {
    const synth = new Synthesiser(version, taxonomyFromContent(), { ...options, seed: 5, firms: 30 });
    await expect(
      db().transaction(async (tx) => {
        const report = await writeSynthetic(tx, synth, { batchAssessments: 20 });
        expect(report.firms).toBe(30);
        expect((await countSynthetic(tx)).firms).toBe(30);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await countSynthetic(db())).toEqual({ firms: 0, assessments: 0 });
  });

  it("writes every firm and assessment, marked synthetic, submitted, classified as their firm", async () => {
    const report = await runSynth(db(), version, taxonomyFromContent(), { ...options, batchAssessments: 250 });
    expect(report.firms).toBe(400);
    expect(report.assessments).toBeGreaterThan(700);
    expect(await countSynthetic(db())).toEqual({ firms: report.firms, assessments: report.assessments });
    const orgs = await db().select().from(firms).where(eq(firms.isSynthetic, true));
    for (const o of orgs) {
      expect(checkCreditCode(o.creditCode).ok).toBe(true);
      expect(o.name).toMatch(/^合成示例企业 \d{6}$/);
      expect(o.isDemo).toBe(false);
    }
    const [odd] = await db()
      .execute(
        sql`
      select count(*)::int as n from assessments a join firms o on o.id = a.firm_id
      where a.is_synthetic and (a.status <> 'submitted' or a.submitted_at is null or a.submitted_by is not null
        or a.industry_division <> o.industry_division or a.region_code <> o.region_code or a.size_class <> o.size_class
        or a.unit_key <> coalesce(o.group_key, o.id::text) or a.questionnaire_version_id <> ${version.id} or not o.is_synthetic)`,
      )
      .then((r) => (r as unknown as { rows: Array<{ n: number }> }).rows);
    expect(odd!.n).toBe(0);
    expect(report.groups).toBeGreaterThan(0);
  });

  it("stores, for the same answers, exactly the row the real submit path stores (a single firm and a group firm)", async () => {
    const [single] = await db()
      .execute(
        sql`select a.id from assessments a join firms o on o.id = a.firm_id where a.is_synthetic and o.group_key is null order by a.id limit 1`,
      )
      .then((r) => (r as unknown as { rows: Array<{ id: string }> }).rows);
    const [grouped] = await db()
      .execute(
        sql`select a.id from assessments a join firms o on o.id = a.firm_id where a.is_synthetic and o.group_key is not null order by a.id limit 1`,
      )
      .then((r) => (r as unknown as { rows: Array<{ id: string }> }).rows);
    for (const { id } of [single!, grouped!]) {
      const synthetic = await row(id);
      const [org] = await db().select().from(firms).where(eq(firms.id, synthetic.firmId));
      // A real firm with the same classification, through the real profile and submit code.
      const owner = await makeUser();
      const firm = await createFirm(
        owner.id,
        firmInput({
          industryDivision: org!.industryDivision,
          regionCode: org!.regionCode,
          sizeClass: org!.sizeClass,
          employees: org!.employees!,
          revenueWanYuan: org!.revenueWanYuan!,
        }),
      );
      if (org!.groupKey) await db().update(firms).set({ groupKey: org!.groupKey }).where(eq(firms.id, firm.id));
      const draft = await startAssessment(firm.id, owner.id, version, synthetic.period);
      const submitted = await submitAssessment({
        assessment: draft,
        version,
        userId: owner.id,
        baseVersion: draft.version,
        answers: synthetic.answers,
      });
      expect(submitted.ok).toBe(true);
      const real = await row(draft.id);

      expect(pick(synthetic)).toEqual(pick(real));
      expect(synthetic.unitKey).toBe(org!.groupKey ?? org!.id);
      expect(real.unitKey).toBe(org!.groupKey ?? firm.id);
      expect(synthetic.submittedAt).toBeInstanceOf(Date);
      expect(real.submittedAt).toBeInstanceOf(Date);
      expect(synthetic.version).toBeGreaterThanOrEqual(real.version);
      expect([synthetic.isSynthetic, real.isSynthetic]).toEqual([true, false]);
      expect([synthetic.submittedBy, real.submittedBy]).toEqual([null, owner.id]);
      // And byte for byte in the database (jsonb and real compared by PostgreSQL itself).
      const [same] = await db()
        .execute(
          sql`
        select s.answers = r.answers and s.result = r.result and s.dimension_scores = r.dimension_scores
           and s.overall_score = r.overall_score and s.stage = r.stage and s.status = r.status
           and s.answers::text = r.answers::text and s.result::text = r.result::text as equal
        from assessments s, assessments r where s.id = ${synthetic.id} and r.id = ${real.id}`,
        )
        .then((r) => (r as unknown as { rows: Array<{ equal: boolean }> }).rows);
      expect(same!.equal).toBe(true);
    }
  });

  it("refuses to run again over synthetic data; --replace swaps it in one go and leaves real firms alone", async () => {
    const before = await countSynthetic(db());
    const ids = (await db().select({ id: assessments.id }).from(assessments).where(eq(assessments.isSynthetic, true)))
      .map((r) => r.id)
      .sort();
    const realBefore = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(assessments)
      .where(eq(assessments.isSynthetic, false));
    await expect(runSynth(db(), version, taxonomyFromContent(), options)).rejects.toBeInstanceOf(SyntheticDataExists);
    expect(await countSynthetic(db())).toEqual(before);
    const again = await runSynth(db(), version, taxonomyFromContent(), { ...options, replace: true });
    expect(again.replaced).toEqual(before);
    expect(await countSynthetic(db())).toEqual(before);
    expect(
      (await db().select({ id: assessments.id }).from(assessments).where(eq(assessments.isSynthetic, true)))
        .map((r) => r.id)
        .sort(),
    ).toEqual(ids);
    expect(
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(assessments)
        .where(eq(assessments.isSynthetic, false)),
    ).toEqual(realBefore);
  });
});

describe("the demo seed", () => {
  it(`adds ${DEMO_SYNTHETIC_FIRMS} synthetic firms to a new demo once, and again to a demo that has none`, async () => {
    const previous = databaseHandle();
    const fresh = await createIsolatedDatabase();
    useDatabase(fresh.handle);
    try {
      await syncQuestionnaireVersions();
      expect(await seedDemoIfEmpty()).toBe(true);
      const first = await countSynthetic(db());
      expect(first.firms).toBe(DEMO_SYNTHETIC_FIRMS);
      expect(first.assessments).toBeGreaterThan(DEMO_SYNTHETIC_FIRMS);
      expect(await seedDemoIfEmpty()).toBe(false);
      expect(await countSynthetic(db())).toEqual(first);
      // A demo database from before synthetic data gets them at the next start.
      await db().delete(firms).where(eq(firms.isSynthetic, true));
      expect(await seedDemoIfEmpty()).toBe(false);
      expect(await countSynthetic(db())).toEqual(first);
      const demoUsers = await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(eq(users.isDemo, true));
      expect(demoUsers[0]!.n).toBeGreaterThan(0);
    } finally {
      useDatabase(previous);
      await fresh.drop();
    }
  });
});
