// A release build as a background job (issue 15 item 1, decision 030): the staff page queues it and returns
// at once; a worker builds it, recording its progress on the job's row; the page shows the stage, the share
// done and the outcome. A build that a restart cut short left nothing behind (one transaction), so it is
// simply run again.
import { eq } from "drizzle-orm";
import { type Job, statisticsReleases } from "~db/schema";
import { getQuestionnaireVersion } from "~/assessment/questionnaire.server";
import type { QuestionnaireVersion } from "~/assessment/versions.server";
import { db } from "~/platform/db.server";
import { enqueueJob } from "~/platform/jobs/jobs.server";
import { PermanentJobError, recentJobs, type TrackedHandler } from "~/platform/jobs/tracked.server";
import { buildRelease, ReleaseError } from "~/statistics/release/build.server";
import { releaseEdition, submittedPeriods } from "~/statistics/release/data.server";

export const RELEASE_BUILD = "release-build";

interface BuildPayload {
  periods: string[];
  label?: string;
  actorId: string | null;
}

/**
 * The edition a build of `periods` counts (see `releaseEdition`), not the one open for new assessments:
 * that may hold no submitted data yet.
 */
export async function releaseVersion(periods: readonly string[] = []): Promise<QuestionnaireVersion | null> {
  // Periods without any submitted data fall back to the latest edition, whose build then says bad_period.
  const id = (await releaseEdition(db(), periods)) ?? (await releaseEdition(db()));
  return id ? getQuestionnaireVersion(id) : null;
}

export const buildReleaseJob: TrackedHandler = async (job) => {
  const payload = job.payload as unknown as BuildPayload;
  const version = await releaseVersion(payload.periods);
  if (!version) throw new PermanentJobError("no_data");
  try {
    const built = await buildRelease({ ...payload, version, onProgress: job.progress });
    return { releaseId: built.id, number: built.number, label: built.label };
  } catch (e) {
    if (e instanceof ReleaseError) throw new PermanentJobError(e.code);
    throw e;
  }
};

/**
 * Check what can be checked at once (so the form answers a taken label or a bad period straight away),
 * then queue the build. Throws ReleaseError with the same codes the build itself would.
 */
export async function queueReleaseBuild(payload: BuildPayload): Promise<string> {
  const version = await releaseVersion(payload.periods);
  if (!version) throw new ReleaseError("no_data");
  const available = await submittedPeriods(db(), version.id);
  if (available.length === 0) throw new ReleaseError("no_data");
  if (payload.periods.some((p) => !available.includes(p))) throw new ReleaseError("bad_period");
  const label = payload.label?.trim();
  if (label) {
    const [taken] = await db()
      .select({ id: statisticsReleases.id })
      .from(statisticsReleases)
      .where(eq(statisticsReleases.label, label));
    const waiting = (await recentJobs(RELEASE_BUILD, 20)).some(
      (j) => (j.status === "queued" || j.status === "running") && (j.payload as Partial<BuildPayload>).label === label,
    );
    if (taken || waiting) throw new ReleaseError("label_taken");
  }
  return enqueueJob(RELEASE_BUILD, { ...payload, label }, { createdBy: payload.actorId, maxAttempts: 2 });
}

export interface BuildView {
  id: string;
  status: Job["status"];
  label: string | null;
  stage: string | null;
  period: string | null;
  share: number;
  cellsDone: number | null;
  cellsTotal: number | null;
  attempts: number;
  number: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** The latest builds as the staff page lists them, newest first. */
export async function recentBuilds(limit = 5): Promise<BuildView[]> {
  return (await recentJobs(RELEASE_BUILD, limit)).map((j) => ({
    id: j.id,
    status: j.status,
    label: ((j.payload as Partial<BuildPayload>).label as string | undefined) ?? null,
    stage: j.progress?.stage ?? null,
    period: j.progress?.period ?? null,
    share: j.status === "done" ? 1 : (j.progress?.share ?? 0),
    cellsDone: j.progress?.cellsDone ?? null,
    cellsTotal: j.progress?.cellsTotal ?? null,
    attempts: j.attempts,
    number: typeof j.result?.number === "number" ? j.result.number : null,
    error: j.error,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  }));
}
