// The start-up sync of questionnaire files (decision 040): a model declaring "status": "draft" is
// stored as a draft, so new assessments keep the newest published edition; "added" lists only
// rows this sync really inserted.
import { describe, expect, it } from "vitest";
import { questionnaireVersions } from "~db/schema";
import { currentQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { questionnaireVersionsOnDisk } from "~/assessment/versions.server";
import { db } from "~/platform/db.server";
import { useIsolatedDatabase } from "~test/support/database";

useIsolatedDatabase();

describe("syncQuestionnaireVersions", () => {
  it("stores 2026 as a draft and keeps 2025 the edition new assessments start in", async () => {
    const onDisk = questionnaireVersionsOnDisk();
    expect(onDisk.get("qmd-2026")?.model.status).toBe("draft");
    // two syncs at once: each version is inserted once and reported once
    const reports = await Promise.all([syncQuestionnaireVersions(), syncQuestionnaireVersions()]);
    expect(reports.flatMap((r) => r.added).sort()).toEqual([...onDisk.keys()].sort());

    const rows = await db()
      .select({
        id: questionnaireVersions.id,
        status: questionnaireVersions.status,
        at: questionnaireVersions.publishedAt,
      })
      .from(questionnaireVersions);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get("qmd-2025")).toMatchObject({ status: "published" });
    expect(byId.get("qmd-2025")!.at).toBeInstanceOf(Date);
    expect(byId.get("qmd-2026")).toMatchObject({ status: "draft", at: null });
    expect((await currentQuestionnaireVersion())!.id).toBe("qmd-2025");

    expect(await syncQuestionnaireVersions()).toEqual({ added: [], changedOnDisk: [], draftsChanged: [] });
  });
});
