// Everything the firm's report shows: the reads first (scenes, the peer benchmark, the firm's
// assessments, then the cases its priorities point at), then the pure assembly in assemble.ts.
import type { Assessment, Firm } from "~db/schema";
import { listAssessments, listSubmittedResults } from "~/assessment/assessment.server";
import { declarationsOf } from "~/assessment/comparability.server";
import type { QuestionnaireVersion } from "~/assessment/versions.server";
import { casesForFirm } from "~/cases/matching.server";
import { industryGroupOf } from "~/content/taxonomies.server";
import {
  assembleReport,
  type CandidateCase,
  casesWanted,
  planPriorities,
  type ReportData,
  type ReportResult,
} from "~/report/assemble";
import { peerBenchmark } from "~/report/peer-benchmark.server";
import { allScenes } from "~/scenes/scene.server";

export async function buildReport(
  firm: Firm,
  assessment: Assessment,
  version: QuestionnaireVersion,
): Promise<ReportData> {
  const industryGroup = industryGroupOf(firm.industryDivision) ?? null;
  const result: ReportResult = assessment.result!;
  // Independent reads at once: each is a round trip, and PostgreSQL shares the cores with the server.
  const [catalogue, peers, earlier, submitted] = await Promise.all([
    allScenes(),
    peerBenchmark(assessment),
    listAssessments(assessment.firmId),
    listSubmittedResults(assessment.firmId),
  ]);
  const declarations = await declarationsOf(earlier.map((a) => a.questionnaireVersionId));
  const planned = planPriorities(version.model, result, peers, catalogue, industryGroup);
  const found = await casesForFirm(firm, casesWanted(planned), { excludeFirmId: firm.id });
  const candidates: CandidateCase[] = found.map((c) => ({
    id: c.id,
    title: c.content.title,
    sceneSlugs: c.sceneSlugs,
    articles: c.articles,
    sameIndustry: industryGroupOf(c.content.industryDivision) === industryGroup,
    fictional: c.isFictional,
  }));
  return assembleReport({
    firmName: firm.name,
    assessment,
    result,
    versionId: version.id,
    model: version.model,
    peers,
    planned,
    candidates,
    earlier,
    submitted,
    declarations,
  });
}
