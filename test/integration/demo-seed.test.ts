// A newcomer's first look: the demo owner's named firm has a history, a peer band and a plan.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEMO_FIRMS } from "~db/demo-firms";
import { DEMO_HISTORY_FIRM } from "~db/demo-history";
import { assessments, firms } from "~db/schema";
import { demoSeedPending, seedDemoIfEmpty } from "~db/seed";
import { currentQuestionnaireVersion, getQuestionnaireVersion } from "~/assessment/questionnaire.server";
import { planForReport } from "~/plan/plan.server";
import { db } from "~/platform/db.server";
import { buildReport } from "~/report/report.server";
import { useIsolatedDatabase } from "~test/support/database";

useIsolatedDatabase();

describe("demo seed", () => {
  it("gives the named demo firm submitted assessments for three periods, a peer band, progress and a plan", async () => {
    // An embedded server has the seed done in a child process while it is pending, then never again.
    expect(await demoSeedPending()).toBe(true);
    expect(await seedDemoIfEmpty()).toBe(true);
    expect(await demoSeedPending()).toBe(false);
    const [firm] = await db()
      .select()
      .from(firms)
      .where(and(eq(firms.name, DEMO_FIRMS[DEMO_HISTORY_FIRM].name), eq(firms.isDemo, true)));
    const rows = await db().select().from(assessments).where(eq(assessments.firmId, firm!.id));
    expect(rows.map((a) => a.period).sort()).toHaveLength(3);
    expect(rows.every((a) => a.status === "submitted")).toBe(true);
    // The history is of 2025; the demo opens 2026 for new assessments (issue 13 item 7).
    expect(new Set(rows.map((a) => a.questionnaireVersionId))).toEqual(new Set(["qmd-2025"]));
    expect((await currentQuestionnaireVersion())!.id).toBe("qmd-2026");
    const latest = rows.sort((a, b) => b.period.localeCompare(a.period))[0]!;
    const report = await buildReport(firm!, latest, (await getQuestionnaireVersion(latest.questionnaireVersionId))!);
    expect(report.peers.status).toBe("ok");
    if (report.peers.status !== "ok") return;
    expect(report.peers.peers.band).not.toBeNull();
    expect(report.peers.peers.period).toBe(latest.period);
    expect(report.history).toHaveLength(3);
    expect(report.history.at(-1)!.stage).toBeGreaterThan(report.history[0]!.stage);
    expect(report.progress?.comparisons.map((c) => c.against)).toEqual(["previous", "first"]);
    expect(report.progress?.comparisons[0]!.dimensions.length).toBeGreaterThan(0);
    // A plan with an action in every status, started a wave earlier, so the report shows what moved.
    const plan = await planForReport(firm!.id, latest);
    expect(new Set(plan.items.map((i) => i.status))).toEqual(new Set(["planned", "in_progress", "done", "dropped"]));
    expect(plan.items.some((i) => i.overdue)).toBe(true);
    expect(plan.items.every((i) => i.progress?.after.period === latest.period)).toBe(true);
  }, 180_000);
});
