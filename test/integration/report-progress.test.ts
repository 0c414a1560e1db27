// Progress across periods (issue 14 item 3): a firm with two submitted assessments in two periods
// gets each shared dimension's change and its stage movement in the report data.
import { beforeAll, describe, expect, it } from "vitest";
import { getAssessmentWithFirm, startAssessment, submitAssessment } from "~/assessment/assessment.server";
import { currentQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { round1 } from "~/assessment/scoring";
import { buildReport } from "~/report/report.server";
import { answersAtLevel } from "~test/support/assessment-fixtures";
import { useIsolatedDatabase } from "~test/support/database";
import { makeFirmWithOwner } from "~test/support/factories";

useIsolatedDatabase();

beforeAll(async () => {
  await syncQuestionnaireVersions();
});

describe("the report's progress across periods", () => {
  it("shows each dimension's change and the stage movement from the previous period", async () => {
    const { owner, firm } = await makeFirmWithOwner();
    const version = (await currentQuestionnaireVersion())!;
    const submitAt = async (period: string, level: 1 | 2 | 3 | 4 | 5) => {
      const draft = await startAssessment(firm.id, owner.id, version, period);
      const done = await submitAssessment({
        assessment: draft,
        version,
        userId: owner.id,
        baseVersion: draft.version,
        answers: answersAtLevel(version.compiled, level),
      });
      expect(done.ok).toBe(true);
      return (await getAssessmentWithFirm(firm.id, draft.id))!.assessment;
    };
    const before = await submitAt("2024", 2);
    const after = await submitAt("2025", 4);

    const first = await buildReport(firm, before, version);
    expect(first.progress).toBeNull();

    const report = await buildReport(firm, after, version);
    const progress = report.progress!;
    expect(progress.trend.map((t) => t.period)).toEqual(["2024", "2025"]);
    expect(progress.comparisons).toHaveLength(1);
    const c = progress.comparisons[0]!;
    expect(c.against).toBe("previous");
    expect(c.before.period).toBe("2024");
    expect(c.sameEdition).toBe(true);
    expect(c.stageBefore).toBe(before.stage);
    expect(c.stageAfter).toBe(after.stage);
    expect(c.stageAfter).toBeGreaterThan(c.stageBefore);
    expect(c.dimensions.map((d) => d.id)).toEqual(version.model.dimensions.map((d) => d.id));
    for (const d of c.dimensions) {
      const b = before.result!.dimensions.find((x) => x.id === d.id)!.score;
      const a = after.result!.dimensions.find((x) => x.id === d.id)!.score;
      expect(d.change).toBe(a === null || b === null ? null : round1(a - b));
    }
    expect(c.overallChange).toBe(round1(after.overallScore! - before.overallScore!));
  });
});
