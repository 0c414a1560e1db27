// The fictional demo cases under content/cases, validated at load, and how the demo seed
// publishes them.
import { readdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Db } from "~db/connect";
import { caseEvents, cases } from "~db/schema";
import { statusTokenSwap } from "~/cases/columns.server";
import { createCase } from "~/cases/drafts.server";
import { type CaseContent, type DemoCaseFile, demoCaseFile } from "~/cases/schema";
import { contentPath, loadContent } from "~/content/load.server";

export function demoCasesOnDisk(): DemoCaseFile[] {
  return readdirSync(contentPath("cases"))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => loadContent(`cases/${f}`, demoCaseFile));
}

/**
 * A demo case, marked fictional and published as if the demo owner had submitted it and the
 * demo analyst published it; no notifications. Only the demo seed calls this.
 */
export async function publishSeededCase(
  tx: Db,
  input: { firmId: string; ownerId: string; analystId: string; content: CaseContent; anonymised: boolean },
): Promise<string> {
  const caseId = await createCase(
    {
      firmId: input.firmId,
      userId: input.ownerId,
      content: input.content,
      anonymised: input.anonymised,
      isFictional: true,
    },
    tx,
  );
  const now = new Date();
  await tx
    .update(cases)
    .set({
      status: "published",
      searchGrams: statusTokenSwap("draft", "published"),
      consentAt: now,
      submittedAt: now,
      publishedAt: now,
    })
    .where(eq(cases.id, caseId));
  await tx.insert(caseEvents).values([
    { caseId, fromStatus: "draft", toStatus: "submitted", actorId: input.ownerId },
    { caseId, fromStatus: "submitted", toStatus: "published", actorId: input.analystId },
  ]);
  return caseId;
}
