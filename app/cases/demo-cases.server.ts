// The fictional demo cases under content/cases, validated at load.
import { readdirSync } from "node:fs";
import { type DemoCaseFile, demoCaseFile } from "~/cases/schema";
import { contentPath, loadContent } from "~/content/load.server";

export function demoCasesOnDisk(): DemoCaseFile[] {
  return readdirSync(contentPath("cases"))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => loadContent(`cases/${f}`, demoCaseFile));
}
