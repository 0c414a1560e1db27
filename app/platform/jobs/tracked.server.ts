// Tracked jobs (decision 030): the `jobs` row is the record of a job a user started and waits for. Whatever
// queue carries the job's id, running it goes through here: claim the row (only a queued row can be
// claimed, so a job delivered twice runs once), beat its heart while it runs, keep its progress, and
// finish it as done or failed. A row whose heart stopped (its process died) is queued again by the sweep,
// or marked failed with the reason after its last attempt: no job is left "running" for good.
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { type Job, type JobProgress, jobs } from "~db/schema";
import { db } from "~/platform/db.server";
import { logger } from "~/platform/logger.server";
import { jobMetrics } from "~/platform/metrics.server";

/** A failure that another attempt cannot fix (bad input, a refused build): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export interface RunningJob {
  id: string;
  payload: Record<string, unknown>;
  attempt: number;
  /** Record where the job has got to; written at most every PROGRESS_MS, never awaited by the job. */
  progress(p: JobProgress): void;
}

export type TrackedHandler = (job: RunningJob) => Promise<Record<string, unknown>>;

export const HEARTBEAT_MS = 5_000;
/** A running job whose heart has not beaten for this long is taken to be dead. */
export const STALE_MS = 30_000;
const PROGRESS_MS = 500;

export async function createJob(
  kind: string,
  payload: Record<string, unknown>,
  options: { createdBy?: string | null; maxAttempts?: number } = {},
): Promise<Job> {
  const [job] = await db()
    .insert(jobs)
    .values({ kind, payload, createdBy: options.createdBy ?? null, maxAttempts: options.maxAttempts ?? 2 })
    .returning();
  return job!;
}

export async function getJob(id: string): Promise<Job | null> {
  const [job] = await db().select().from(jobs).where(eq(jobs.id, id));
  return job ?? null;
}

export function recentJobs(kind: string, limit: number): Promise<Job[]> {
  return db().select().from(jobs).where(eq(jobs.kind, kind)).orderBy(desc(jobs.createdAt)).limit(limit);
}

/** Queued jobs of these kinds, oldest first (the in-process runner's queue, and the sweep's). */
export async function queuedJobs(
  kinds: string[],
  olderThanMs = 0,
): Promise<Array<{ id: string; kind: string; attempts: number }>> {
  const rows = await db()
    .select({ id: jobs.id, kind: jobs.kind, attempts: jobs.attempts })
    .from(jobs)
    .where(
      and(eq(jobs.status, "queued"), inArray(jobs.kind, kinds), lt(jobs.createdAt, new Date(Date.now() - olderThanMs))),
    )
    .orderBy(jobs.createdAt)
    .limit(50);
  return rows;
}

/**
 * Run a tracked job if it is still queued. Returns false when another worker has it or it is finished
 * (a second delivery of the same job does nothing).
 */
export async function runTracked(id: string, handler: TrackedHandler): Promise<boolean> {
  const now = new Date();
  const [job] = await db()
    .update(jobs)
    .set({ status: "running", attempts: sql`${jobs.attempts} + 1`, startedAt: now, heartbeatAt: now, error: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, "queued")))
    .returning();
  if (!job) return false;
  const alive = and(eq(jobs.id, id), eq(jobs.status, "running"));
  const heart = setInterval(() => {
    db()
      .update(jobs)
      .set({ heartbeatAt: new Date() })
      .where(alive)
      .catch((err: Error) => logger.warn({ job: id, err: err.message }, "job heartbeat failed"));
  }, HEARTBEAT_MS);
  heart.unref();
  // Progress: the newest value wins; writes are chained so they land in order, and the last one is awaited
  // before the job is finished (on PGlite a write waits for the job's own transaction to end).
  let latest: JobProgress | undefined;
  let lastWrite = 0;
  let writes: Promise<unknown> = Promise.resolve();
  const write = () => {
    const value = latest;
    latest = undefined;
    lastWrite = Date.now();
    if (!value) return;
    writes = writes
      .then(() => db().update(jobs).set({ progress: value }).where(alive))
      .catch((err: Error) => logger.warn({ job: id, err: err.message }, "job progress not recorded"));
  };
  const running: RunningJob = {
    id,
    payload: job.payload,
    attempt: job.attempts,
    progress(p) {
      latest = p;
      if (Date.now() - lastWrite >= PROGRESS_MS) write();
    },
  };
  try {
    const result = await handler(running);
    latest = undefined;
    await writes;
    await db()
      .update(jobs)
      .set({ status: "done", result, progress: { stage: "done", share: 1 }, finishedAt: new Date() })
      .where(alive);
  } catch (err) {
    latest = undefined;
    await writes;
    const permanent = err instanceof PermanentJobError;
    const last = permanent || job.attempts >= job.maxAttempts;
    const reason = permanent ? err.code : `${(err as Error).message}`.slice(0, 500);
    logger.error({ job: id, kind: job.kind, attempt: job.attempts, err: reason }, "job failed");
    jobMetrics.failed(job.kind);
    await db()
      .update(jobs)
      .set(
        last
          ? { status: "failed", error: reason, finishedAt: new Date() }
          : { status: "queued", error: reason, progress: null },
      )
      .where(alive)
      .catch((e: Error) => logger.error({ job: id, err: e.message }, "job outcome not recorded; the sweep will"));
  } finally {
    clearInterval(heart);
  }
  return true;
}

export const INTERRUPTED = "interrupted";

/**
 * Jobs whose worker stopped beating (a killed or restarted process): queue them again, or fail them with
 * the reason after their last attempt. `staleMs` 0 takes every running job (PGlite at start: one process,
 * so a running row can only be left over from a process that died). Returns the ids queued again.
 */
export async function sweepStaleJobs(staleMs = STALE_MS): Promise<string[]> {
  const cutoff = new Date(Date.now() - staleMs);
  const swept = await db()
    .update(jobs)
    .set({
      status: sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then 'failed' else 'queued' end`,
      error: INTERRUPTED,
      finishedAt: sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then now() else null end`,
      progress: null,
    })
    .where(and(eq(jobs.status, "running"), lt(jobs.heartbeatAt, cutoff)))
    .returning({ id: jobs.id, status: jobs.status, kind: jobs.kind });
  for (const j of swept)
    logger.warn({ job: j.id, kind: j.kind, now: j.status }, "job interrupted (its worker stopped); " + j.status);
  return swept.filter((j) => j.status === "queued").map((j) => j.id);
}

/** Tracked jobs by kind and status, for /metrics (queued and running: the rest are history). */
export async function jobDepths(): Promise<Array<{ queue: string; state: string; count: number }>> {
  const rows = await db()
    .select({ queue: jobs.kind, state: jobs.status, count: sql<number>`count(*)::int` })
    .from(jobs)
    .where(sql`${jobs.status} in ('queued', 'running')`)
    .groupBy(jobs.kind, jobs.status);
  return rows;
}
