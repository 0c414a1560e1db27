import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { db } from "~/platform/db.server";
import { rowsOf } from "~/platform/db.server";
import { buildRelease, publishRelease, ReleaseError, withdrawRelease } from "~/statistics/release/build.server";
import type { PublishedMetrics } from "~/statistics/types";
import { useIsolatedDatabase } from "~test/support/database";
import { addAssessments, spread } from "~test/support/statistics-population";

useIsolatedDatabase();
beforeAll(async () => {
  await syncQuestionnaireVersions();
});
const version = async () => (await getQuestionnaireVersion("qmd-2025"))!;

interface CellRow {
  period: string;
  industry: string;
  region: string;
  size: string;
  suppressed: boolean;
  reason: string | null;
  metrics: PublishedMetrics;
}
const cellsOf = async (releaseId: string) =>
  rowsOf<CellRow>(await db().execute(sql`select * from release_cells where release_id = ${releaseId}`));

describe("statistics releases", () => {
  it("refuses to build without data and stores nothing", async () => {
    await expect(buildRelease({ version: await version(), actorId: null })).rejects.toBeInstanceOf(ReleaseError);
    const [{ n }] = rowsOf<{ n: number }>(
      await db().execute(sql`select count(*)::int as n from statistics_releases`),
    ) as [{ n: number }];
    expect(n).toBe(0);
  });

  it("builds a cube with margins, publishes only safe cells, and keeps the members private", async () => {
    await addAssessments(spread(400, "2024", 7));
    const built = await buildRelease({ version: await version(), actorId: null, label: "测试第1期" });
    expect(built.status).toBe("built");
    expect(built.number).toBe(1);
    const cells = await cellsOf(built.id);
    const national = cells.find(
      (c) => c.industry === "*" && c.region === "*" && c.size === "*" && c.period === "2024",
    )!;
    expect(national.suppressed).toBe(false);
    expect(national.metrics.firms).toBe(400);
    expect(national.metrics.overall.deciles).toHaveLength(9);
    for (const c of cells) {
      if (c.suppressed) expect(c.metrics).toEqual({});
      else expect(c.metrics.firms).toBeGreaterThanOrEqual(10);
    }
    expect(cells.some((c) => c.suppressed && c.reason === "threshold")).toBe(true);
    const [{ n }] = rowsOf<{ n: number }>(
      await db().execute(sql`select count(*)::int as n from release_members where release_id = ${built.id}`),
    ) as [{ n: number }];
    expect(n).toBe(400);
    const published = await publishRelease(built.id, null);
    expect(published.status).toBe("published");
    await expect(publishRelease(built.id, null)).rejects.toMatchObject({ code: "not_built" });
  });

  it("does not republish a cell that changed by one firm, and carries suppressions forward", async () => {
    const [first] = rowsOf<{ id: string }>(
      await db().execute(sql`select id from statistics_releases where status = 'published'`),
    );
    const before = await cellsOf(first!.id);
    await addAssessments([
      { division: "C36", region: "330000", size: "small", period: "2024", overall: 99.9, stage: 5 },
    ]);
    const second = await buildRelease({ version: await version(), actorId: null });
    const after = await cellsOf(second.id);
    const key = (c: CellRow) => `${c.period}|${c.industry}|${c.region}|${c.size}`;
    const old = new Map(before.map((c) => [key(c), c]));
    let carriedStages = 0;
    for (const c of after) {
      const o = old.get(key(c));
      if (!o) continue;
      if (o.suppressed) expect(c.suppressed).toBe(true);
      if (o.suppressed || c.suppressed) continue;
      // Every figure, withheld stage shares included, is the same; a stage distribution withheld before
      // stays withheld, for the same reason or as carried forward from that release (decision 023).
      expect({ ...c.metrics, stageReason: null }).toEqual({ ...o.metrics, stageReason: null });
      expect(c.metrics.stageReason === o.metrics.stageReason || c.metrics.stageReason === "carried").toBe(true);
      if (o.metrics.stageShares === null) carriedStages++;
    }
    expect(carriedStages).toBeGreaterThan(0);
    const national = after.find(
      (c) => c.period === "2024" && c.industry === "*" && c.region === "*" && c.size === "*",
    )!;
    expect(national.suppressed).toBe(true);
    expect(national.reason).toBe("across-time");
  });

  it("still compares a new build with a withdrawn release, whose figures were once public", async () => {
    const [first] = rowsOf<{ id: string }>(
      await db().execute(sql`select id from statistics_releases where status = 'published'`),
    );
    await withdrawRelease(first!.id, "数据来源有误 (test)", null);
    await addAssessments([
      { division: "C36", region: "330000", size: "small", period: "2024", overall: 12.5, stage: 1 },
    ]);
    // Release 2 was built but never published, so only the withdrawn release 1 is there to compare with.
    const third = await buildRelease({ version: await version(), actorId: null });
    const national = (await cellsOf(third.id)).find(
      (c) => c.period === "2024" && c.industry === "*" && c.region === "*" && c.size === "*",
    )!;
    expect(national.reason).toBe("across-time");
  });
});
