// Releases per edition (decision 042): with 2026 open for new assessments while the history is of 2025, a
// release build counts the edition with the latest submitted data in its periods, one edition per release,
// so no cell ever mixes editions; and a release of one edition covering a period does not disturb the
// across-time comparison between two releases of the other edition covering that period.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { publishEdition } from "~/assessment/edition-admin.server";
import { currentQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { db, rowsOf } from "~/platform/db.server";
import { releasesPage } from "~/statistics/release/admin.server";
import { buildRelease, publishRelease } from "~/statistics/release/build.server";
import { releaseVersion } from "~/statistics/release/build-job.server";
import type { PublishedMetrics } from "~/statistics/types";
import { useIsolatedDatabase } from "~test/support/database";
import { addAssessments, type PopulationFirm, spread } from "~test/support/statistics-population";

useIsolatedDatabase();

const DIMENSIONS_2026 = [
  "strategy",
  "planning",
  "people",
  "equipment",
  "materials",
  "inspection",
  "data-management",
  "data-modelling",
  "data-security",
  "results",
  "scenarios",
];
const in2026 = (firms: PopulationFirm[]) =>
  firms.map((f) => ({ ...f, dimensions: Object.fromEntries(DIMENSIONS_2026.map((d) => [d, f.overall])) }));

interface Cell {
  period: string;
  industry: string;
  region: string;
  size: string;
  suppressed: boolean;
  reason: string | null;
  metrics: PublishedMetrics;
}
const national = async (releaseId: string, period: string) =>
  rowsOf<Cell>(
    await db().execute(
      sql`select * from release_cells where release_id = ${releaseId} and period = ${period} and industry = '*' and region = '*' and size = '*'`,
    ),
  )[0]!;
/** The editions of the assessments a release counted (its list of members), with how many of each. */
const memberEditions = async (releaseId: string) =>
  Object.fromEntries(
    rowsOf<{ edition: string; n: number }>(
      await db().execute(
        sql`select a.questionnaire_version_id as edition, count(*)::int as n from release_members m
          join assessments a on a.id = m.assessment_id where m.release_id = ${releaseId}
          group by a.questionnaire_version_id`,
      ),
    ).map((r) => [r.edition, r.n]),
  );
/** Submitted `minutes` ago: the order of submissions made explicit (and before any build's cut-off). */
const submittedAgo = async (ids: Array<{ assessmentId: string }>, minutes: number) => {
  for (const { assessmentId } of ids)
    await db().execute(
      sql`update assessments set submitted_at = now() - make_interval(mins => ${minutes}) where id = ${assessmentId}`,
    );
};

beforeAll(async () => {
  await syncQuestionnaireVersions();
  // The demo's situation: 2026 open for new assessments, the history all of 2025.
  expect((await publishEdition(null, "qmd-2026")).ok).toBe(true);
});

describe("releases and questionnaire editions", () => {
  it("a release build given assessments of both editions keeps them apart", async () => {
    await submittedAgo(await addAssessments(spread(120, "2025", 3), "qmd-2025"), 30);
    await submittedAgo(await addAssessments(spread(60, "2026", 5), "qmd-2025"), 30);
    expect((await currentQuestionnaireVersion())!.id).toBe("qmd-2026");

    // Only 2025 has submitted data: the build counts 2025, not the open edition (which has none).
    const history = (await releaseVersion())!;
    expect(history.id).toBe("qmd-2025");
    const first = await buildRelease({ version: history, actorId: null, label: "2025版第1期" });
    expect(first.questionnaireVersionId).toBe("qmd-2025");
    expect(first.periods).toEqual(["2025", "2026"]);
    expect((await national(first.id, "2026")).metrics.firms).toBe(60);
    await publishRelease(first.id, null);

    // 2026 submissions in period 2026, after the 2025 ones: now the latest data of that period.
    await submittedAgo(await addAssessments(in2026(spread(40, "2026", 9)), "qmd-2026"), 20);
    expect((await releaseVersion(["2026"]))!.id).toBe("qmd-2026");
    expect((await releaseVersion(["2025"]))!.id).toBe("qmd-2025");
    const page = await releasesPage();
    expect(page.edition).toBe("qmd-2026");
    expect(page.periods).toEqual(["2026"]);

    const second = await buildRelease({ version: (await releaseVersion(["2026"]))!, actorId: null });
    expect(second.questionnaireVersionId).toBe("qmd-2026");
    const cell2026 = await national(second.id, "2026");
    // 40 firms of 2026, none of the 60 of 2025 in the same period; and the 2026 model's results dimension.
    expect(cell2026.metrics.firms).toBe(40);
    expect(Object.keys(cell2026.metrics.dimensions)).toContain("results");
    expect(Object.keys((await national(first.id, "2026")).metrics.dimensions)).not.toContain("results");
    expect(await memberEditions(second.id)).toEqual({ "qmd-2026": 40 });
    expect(await memberEditions(first.id)).toEqual({ "qmd-2025": 180 });

    // One more 2025 firm in 2026, the latest submission there: a new 2025 release differs from the first by
    // that one firm, so its national 2026 cell is not republished, the 2026 release in between notwithstanding.
    await submittedAgo(
      await addAssessments(
        [{ division: "C36", region: "330000", size: "small", period: "2026", overall: 97.5, stage: 5 }],
        "qmd-2025",
      ),
      10,
    );
    const again = (await releaseVersion(["2026"]))!;
    expect(again.id).toBe("qmd-2025");
    const third = await buildRelease({ version: again, periods: ["2026"], actorId: null });
    expect(third.questionnaireVersionId).toBe("qmd-2025");
    expect(await memberEditions(third.id)).toEqual({ "qmd-2025": 61 });
    const republished = await national(third.id, "2026");
    expect(republished).toMatchObject({ suppressed: true, reason: "across-time" });
  });
});
