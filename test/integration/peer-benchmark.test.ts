// The firm report's peer benchmark, and a benchmark probe: what a firm sees comes from published lines only.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assessments } from "~db/schema";
import { getQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { db } from "~/platform/db.server";
import { rowsOf } from "~/platform/db.server";
import { peerBenchmark } from "~/report/peer-benchmark.server";
import { buildRelease, publishRelease } from "~/statistics/release/build.server";
import type { PublishedMetrics } from "~/statistics/types";
import { useIsolatedDatabase } from "~test/support/database";
import { addAssessments, type PopulationFirm, stageOf } from "~test/support/statistics-population";

useIsolatedDatabase();
const version = async () => (await getQuestionnaireVersion("qmd-2025"))!;
const load = async (id: string) => (await db().select().from(assessments).where(eq(assessments.id, id)))[0]!;

let firmAssessment = "";
let releaseId = "";

beforeAll(async () => {
  await syncQuestionnaireVersions();
  // 8 small C36 firms (too few for their own group), 60 C36 firms in all, 120 across the group's divisions.
  const firms: PopulationFirm[] = [];
  for (let k = 0; k < 8; k++)
    firms.push({
      division: "C36",
      region: "330000",
      size: "small",
      period: "2025",
      overall: 30 + k * 5,
      stage: stageOf(30 + k * 5),
    });
  for (let k = 0; k < 52; k++)
    firms.push({
      division: "C36",
      region: k % 2 ? "320000" : "440000",
      size: k % 3 ? "medium" : "large",
      period: "2025",
      overall: 20 + k,
      stage: stageOf(20 + k),
    });
  for (let k = 0; k < 60; k++)
    firms.push({
      division: k % 2 ? "C35" : "C34",
      region: "370000",
      size: "medium",
      period: "2025",
      overall: 10 + k,
      stage: stageOf(10 + k),
    });
  const ids = await addAssessments(firms);
  firmAssessment = ids[3]!.assessmentId;
  const built = await buildRelease({ version: await version(), actorId: null });
  releaseId = (await publishRelease(built.id, null)).id;
});

describe("peer benchmark", () => {
  it("widens from division and size to the division, and places the firm in a decile band", async () => {
    const outcome = await peerBenchmark(await load(firmAssessment));
    expect(outcome.status).toBe("ok");
    if (outcome.status !== "ok") return;
    const { peers } = outcome;
    expect(peers.level).toBe("division");
    expect(peers.skipped).toEqual([{ level: "division-size", reason: "suppressed" }]);
    expect(peers.firms).toBe(60);
    expect(peers.band?.kind).toBe("decile");
    const [cell] = rowsOf<{ metrics: PublishedMetrics }>(
      await db().execute(
        sql`select metrics from release_cells where release_id = ${releaseId} and period = '2025' and industry = 'C36' and region = '*' and size = '*'`,
      ),
    );
    // Every figure shown is a published figure of that cell.
    expect(peers.overall.median).toBe(cell!.metrics.overall.median);
    expect(peers.overall.p75).toBe(cell!.metrics.overall.p75);
    expect(peers.histogram.counts).toEqual(cell!.metrics.histogram.counts);
    const deciles = cell!.metrics.overall.deciles!;
    expect(peers.band!.band).toBe(1 + deciles.filter((d) => 45 >= d).length);
  });

  it("probe: later data, another firm's resubmission or a what-if change nothing until a new release", async () => {
    const before = await peerBenchmark(await load(firmAssessment));
    // Many new high-scoring peers arrive after the release: the benchmark must not move.
    await addAssessments(
      Array.from({ length: 30 }, () => ({
        division: "C36",
        region: "330000",
        size: "small" as const,
        period: "2025",
        overall: 99,
        stage: 5,
      })),
    );
    expect(await peerBenchmark(await load(firmAssessment))).toEqual(before);
    // A draft (what-if) gets no benchmark at all.
    const draft = { ...(await load(firmAssessment)), status: "draft" as const };
    expect((await peerBenchmark(draft)).status).toBe("not-submitted");
  });

  it("falls back to the latest earlier published period and says so, and never looks at a later one", async () => {
    const [other] = await addAssessments([
      { division: "C36", region: "330000", size: "small", period: "2031", overall: 50, stage: 3 },
    ]);
    const outcome = await peerBenchmark(await load(other!.assessmentId));
    expect(outcome.status).toBe("ok");
    if (outcome.status !== "ok") return;
    expect(outcome.peers.period).toBe("2025");
    expect(outcome.peers.fallback).toEqual({ from: "2031", reason: "no-release" });
    expect(outcome.peers.level).toBe("division");
    expect(outcome.peers.group.industry?.code).toBe("C36");
    expect(outcome.peers.firms).toBe(60);
    // The same published cell as a 2025 firm sees: a fallback is a lookup, not a recomputation.
    const own = await peerBenchmark(await load(firmAssessment));
    if (own.status !== "ok") throw new Error("no benchmark");
    expect(outcome.peers.histogram.counts).toEqual(own.peers.histogram.counts);
    expect(outcome.peers.overall).toEqual(own.peers.overall);
    // A period before every release: nothing earlier is published, and a later period is never used.
    const [early] = await addAssessments([
      { division: "C36", region: "330000", size: "small", period: "2019", overall: 50, stage: 3 },
    ]);
    expect((await peerBenchmark(await load(early!.assessmentId))).status).toBe("no-release");
  });

  it("excludes the firm's own earlier assessment from the peer count of the period it falls back to", async () => {
    const firmId = (await load(firmAssessment)).firmId;
    const [next] = await addAssessments([
      { firmId, division: "C36", region: "330000", size: "small", period: "2032", overall: 70, stage: 4 },
    ]);
    const outcome = await peerBenchmark(await load(next!.assessmentId));
    if (outcome.status !== "ok") throw new Error("no benchmark");
    // The 2025 C36 cell counted this firm's 2025 assessment: 60 firms, 59 besides it, still enough.
    expect(outcome.peers.period).toBe("2025");
    expect(outcome.peers.level).toBe("division");
    expect(outcome.peers.band?.kind).toBe("decile");
  });
});
