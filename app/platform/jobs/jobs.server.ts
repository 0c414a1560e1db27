// The process's job runner (decision 030). With DATABASE_URL, pg-boss on the portal's pool; on PGlite, the
// in-process runner. `work: false` (JOB_WORKERS=off) makes a web node that only queues jobs, for a
// deployment that runs `npm run worker` beside it.
import pg from "pg";
import { databaseHandle } from "~/platform/db.server";
import { startBossRunner } from "~/platform/jobs/boss.server";
import { startLocalRunner } from "~/platform/jobs/local.server";
import { createJob, jobDepths } from "~/platform/jobs/tracked.server";
import type { JobDefinitions, JobRunner } from "~/platform/jobs/types";
import { logger } from "~/platform/logger.server";
import { jobMetrics } from "~/platform/metrics.server";

let depthRegistered = false;

let runner: JobRunner | undefined;

export async function startJobs(defs: JobDefinitions, options: { work: boolean }): Promise<JobRunner> {
  if (runner) throw new Error("the job runner is already started");
  const handle = databaseHandle();
  const pool = (handle.db as unknown as { $client?: unknown }).$client;
  runner =
    handle.driver === "postgres" && pool instanceof pg.Pool
      ? await startBossRunner(defs, pool, options)
      : await startLocalRunner(defs);
  if (!depthRegistered) {
    depthRegistered = true;
    jobMetrics.depthFrom(jobDepths);
  }
  logger.info({ runner: runner.name, work: options.work || runner.name === "in-process" }, "job queue started");
  return runner;
}

export async function stopJobs(): Promise<void> {
  const current = runner;
  runner = undefined;
  await current?.stop();
}

/** Queue a tracked job and hand it to a worker; returns its id (the row is there even if the send fails). */
export async function enqueueJob(
  kind: string,
  payload: Record<string, unknown>,
  options: { createdBy?: string | null; maxAttempts?: number } = {},
): Promise<string> {
  const job = await createJob(kind, payload, options);
  if (!runner) logger.warn({ job: job.id, kind }, "no job runner in this process: the job waits for a worker");
  else
    await runner
      .dispatch(kind, job.id, 0)
      .catch((err: Error) => logger.warn({ job: job.id, err: err.message }, "job send failed; the sweep sends it"));
  return job.id;
}

/** Ask for a task to run soon (after a message is queued, say). Without a runner it waits for its clock. */
export function kickTask(task: string, delayMs = 1_000): void {
  runner?.kick(task, delayMs).catch((err: Error) => logger.warn({ task, err: err.message }, "task kick failed"));
}
