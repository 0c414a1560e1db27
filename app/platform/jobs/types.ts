// The job queue's one interface (decision 030): pg-boss on PostgreSQL, an in-process runner on PGlite.
import type { TrackedHandler } from "~/platform/jobs/tracked.server";

/** What the portal runs in the background. Names are pg-boss queue names (letters, digits, hyphens). */
export interface JobDefinitions {
  /** Jobs a user starts and follows on a page, each with a `jobs` row. */
  tracked: Record<string, TrackedHandler>;
  /** Recurring work that must not run twice at once anywhere (email delivery, reminders). */
  tasks: Record<string, { run: () => Promise<unknown>; everyMs: number }>;
}

export interface JobRunner {
  readonly name: "pg-boss" | "in-process";
  /** Hand a tracked job to exactly one worker; `attempt` tells a new attempt from a repeated send. */
  dispatch(kind: string, jobId: string, attempt: number): Promise<void>;
  /** Ask for a task to run soon; asking again before it runs changes nothing. */
  kick(task: string, delayMs: number): Promise<void>;
  stop(): Promise<void>;
}

export const SWEEP_MS = 15_000;
