// The PostgreSQL runner: pg-boss (decision 030) on the portal's own pool. pg-boss hands each queued job to
// exactly one worker across every process (SKIP LOCKED), so a task sent by every node's clock still runs
// once: its queue's "short" policy keeps at most one job waiting.
import type pg from "pg";
import PgBoss from "pg-boss";
import { queuedJobs, runTracked, sweepStaleJobs } from "~/platform/jobs/tracked.server";
import { type JobDefinitions, type JobRunner, SWEEP_MS } from "~/platform/jobs/types";
import { logger } from "~/platform/logger.server";

export async function startBossRunner(
  defs: JobDefinitions,
  pool: pg.Pool,
  options: { work: boolean },
): Promise<JobRunner> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values ?? []) },
    schema: "pgboss",
    // Maintenance (expiring jobs of dead workers, archiving) and pg-boss's own cron are wanted only where jobs run.
    supervise: options.work,
    schedule: false,
    migrate: true,
  });
  boss.on("error", (err: Error) => logger.error({ err: err.message }, "job queue error"));
  await boss.start();
  const kinds = Object.keys(defs.tracked);
  for (const kind of kinds)
    // Retries are the `jobs` row's (sweep and attempts); an expired pg-boss job finds its row not queued.
    await boss.createQueue(kind, { name: kind, policy: "standard", retryLimit: 0, expireInSeconds: 3600 });
  for (const name of Object.keys(defs.tasks))
    await boss.createQueue(name, { name, policy: "stately", retryLimit: 1, expireInSeconds: 600 });

  const dispatch = async (kind: string, jobId: string, attempt: number) => {
    // The key makes a repeated send of the same attempt a no-op while the first is waiting or running.
    await boss.send(kind, { jobId }, { singletonKey: `${jobId}:${attempt}` });
  };
  const timers: NodeJS.Timeout[] = [];
  if (options.work) {
    for (const kind of kinds)
      await boss.work<{ jobId: string }>(kind, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
        if (job) await runTracked(job.data.jobId, defs.tracked[kind]!);
      });
    for (const [name, task] of Object.entries(defs.tasks)) {
      await boss.work(name, { pollingIntervalSeconds: 1, batchSize: 1 }, async () => {
        await task.run();
      });
      timers.push(
        setInterval(() => {
          boss.send(name, {}).catch((err: Error) => logger.warn({ task: name, err: err.message }, "task not sent"));
        }, task.everyMs),
      );
    }
    const sweep = async () => {
      await sweepStaleJobs();
      // Jobs queued again by the sweep (created before their last heartbeat, which is STALE_MS old, so
      // older than SWEEP_MS) and any whose send was lost (its process died between the insert and the send): sent again under their
      // attempt count, so a send already waiting is not doubled.
      for (const row of await queuedJobs(kinds, SWEEP_MS)) await dispatch(row.kind, row.id, row.attempts);
    };
    timers.push(
      setInterval(
        () => void sweep().catch((err: Error) => logger.error({ err: err.message }, "job sweep failed")),
        SWEEP_MS,
      ),
    );
    void sweep().catch((err: Error) => logger.error({ err: err.message }, "job sweep failed"));
  }
  for (const t of timers) t.unref();

  return {
    name: "pg-boss",
    dispatch,
    async kick(task, delayMs) {
      if (!defs.tasks[task]) return;
      await boss.send(task, {}, { startAfter: Math.ceil(delayMs / 1000) });
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      // close: false, the pool is the portal's; a job still running after the wait is swept on another node.
      await boss.stop({ graceful: true, wait: true, timeout: 8_000, close: false });
    },
  };
}
