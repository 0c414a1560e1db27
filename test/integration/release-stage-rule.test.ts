// The count rule inside published cells (decision 023) through the real builder and database: a planted
// stage of one firm withholds the cell's stage shares and nothing else, and a later release carries it.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { db, rowsOf } from "~/platform/db.server";
import { buildRelease, publishRelease } from "~/statistics/release/build.server";
import type { PublishedMetrics } from "~/statistics/types";
import { useIsolatedDatabase } from "~test/support/database";
import { stageCountLeaks } from "~test/support/stage-leaks";
import { addAssessments, type PopulationFirm, spread } from "~test/support/statistics-population";

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

/**
 * The planted cell: Beijing, C34, medium firms, alone in period 2023, so every margin of that period holds
 * the same firms and no secondary suppression picks it; the rest of the population is in 2024.
 */
const PLANTED = { period: "2023", industry: "C34", region: "110000", size: "medium" };
const planted = (stage: number, count: number, overall: number): PopulationFirm[] =>
  Array.from({ length: count }, () => ({
    division: "C34",
    region: "110000",
    size: "medium" as const,
    period: "2023",
    overall,
    stage,
  }));
const find = (cells: CellRow[], key: typeof PLANTED) =>
  cells.find(
    (c) => c.period === key.period && c.industry === key.industry && c.region === key.region && c.size === key.size,
  )!;

describe("the count rule for stage distributions", () => {
  it("withholds the stage shares of a cell with a 1-firm stage, and only those", async () => {
    // 12 firms: one at stage 5, six at stage 2, five at stage 3 (no dominant stage, so the cell is published).
    await addAssessments([...spread(300, "2024", 5), ...planted(5, 1, 95), ...planted(2, 6, 30), ...planted(3, 5, 50)]);
    const built = await buildRelease({ version: await version(), actorId: null });
    const cells = await cellsOf(built.id);
    const cell = find(cells, PLANTED);
    expect(cell.suppressed).toBe(false);
    expect(cell.metrics.firms).toBe(12);
    expect(cell.metrics.overall.mean).toBeCloseTo((95 + 6 * 30 + 5 * 50) / 12, 1);
    expect(cell.metrics.histogram.counts.reduce((a, b) => a + b, 0)).toBe(12);
    expect(cell.metrics.stageShares).toBeNull();
    expect(cell.metrics.stageReason).toBe("threshold");
    // Every margin holding only these 12 firms is withheld the same way; nothing published shows 1 or 2 firms.
    for (const c of cells.filter((x) => x.period === "2023")) expect(c.metrics.stageShares).toBeNull();
    expect(stageCountLeaks(cells)).toEqual([]);
    const national = find(cells, { period: "2024", industry: "*", region: "*", size: "*" });
    expect(national.metrics.stageShares).toHaveLength(5);
    expect(national.metrics.stageReason).toBeNull();
    await publishRelease(built.id, null);
  });

  it("carries a withheld stage distribution forward once its stages would pass", async () => {
    // Ten more firms at stage 5: the stage now holds 11 firms, and 10 changed units allow republishing the cell.
    await addAssessments(planted(5, 10, 92));
    const second = await buildRelease({ version: await version(), actorId: null });
    const cells = await cellsOf(second.id);
    const cell = find(cells, PLANTED);
    expect(cell.suppressed).toBe(false);
    expect(cell.metrics.firms).toBe(22);
    expect(cell.metrics.stageShares).toBeNull();
    expect(cell.metrics.stageReason).toBe("carried");
    expect(stageCountLeaks(cells)).toEqual([]);
  });
});
