// The in-process runner (PGlite, where one process owns the data folder): the `jobs` table is the queue
// of tracked jobs, drained one at a time, and each task runs on its own timer, never twice at once.
import { queuedJobs, runTracked, sweepStaleJobs } from "~/platform/jobs/tracked.server";
import { type JobDefinitions, type JobRunner, SWEEP_MS } from "~/platform/jobs/types";
import { logger } from "~/platform/logger.server";

const POLL_MS = 2_000;

export async function startLocalRunner(defs: JobDefinitions): Promise<JobRunner> {
  const kinds = Object.keys(defs.tracked);
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  let draining: Promise<void> | undefined;
  let again = false;

  async function drainOnce(): Promise<void> {
    for (;;) {
      const queued = await queuedJobs(kinds);
      if (queued.length === 0 || stopped) return;
      for (const job of queued) {
        if (stopped) return;
        await runTracked(job.id, defs.tracked[job.kind]!);
      }
    }
  }
  function drain(): Promise<void> {
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      do {
        again = false;
        await drainOnce().catch((err: Error) => logger.error({ err: err.message }, "job runner: drain failed"));
      } while (again && !stopped);
    })().finally(() => (draining = undefined));
    return draining;
  }

  const runningTasks = new Map<string, Promise<unknown>>();
  const pendingKicks = new Map<string, NodeJS.Timeout>();
  function runTask(name: string): Promise<unknown> {
    const current = runningTasks.get(name);
    if (current || stopped) return current ?? Promise.resolve();
    const run = defs.tasks[name]!.run()
      .catch((err: Error) => logger.error({ task: name, err: err.message }, "task failed"))
      .finally(() => runningTasks.delete(name));
    runningTasks.set(name, run);
    return run;
  }

  // One process owns the folder, so a job still marked running was left by a process that died.
  for (const id of await sweepStaleJobs(0)) logger.info({ job: id }, "job queued again after a restart");
  void drain();
  timers.push(setInterval(() => void drain(), POLL_MS));
  timers.push(
    setInterval(() => {
      sweepStaleJobs()
        .then((ids) => (ids.length ? drain() : undefined))
        .catch((err: Error) => logger.error({ err: err.message }, "job sweep failed"));
    }, SWEEP_MS),
  );
  for (const [name, task] of Object.entries(defs.tasks))
    timers.push(setInterval(() => void runTask(name), task.everyMs));
  for (const t of timers) t.unref();

  return {
    name: "in-process",
    async dispatch() {
      void drain();
    },
    async kick(task, delayMs) {
      if (!defs.tasks[task] || pendingKicks.has(task) || stopped) return;
      const timer = setTimeout(() => {
        pendingKicks.delete(task);
        void runTask(task);
      }, delayMs);
      timer.unref();
      pendingKicks.set(task, timer);
    },
    async stop() {
      stopped = true;
      for (const t of [...timers, ...pendingKicks.values()]) clearTimeout(t);
      // A job cut short here is queued again at the next start (its row stays "running").
      await Promise.race([
        Promise.all([draining, ...runningTasks.values()]),
        new Promise((resolve) => setTimeout(resolve, 8_000).unref()),
      ]);
    },
  };
}
