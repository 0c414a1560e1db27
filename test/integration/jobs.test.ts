// The job queue (issue 15 item 1, decision 030), on the driver under test: pg-boss with DATABASE_URL, the
// in-process runner on PGlite. A job is run by one worker however often it is sent; a build cut short by a
// dead process is run again, or failed with the reason after its last attempt; a message in the outbox is
// sent once with two workers delivering at the same time.
import { spawn } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import type pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "~db/connect";
import { emailOutbox, jobs, statisticsReleases } from "~db/schema";
import { syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { db, rowsOf } from "~/platform/db.server";
import { startBossRunner } from "~/platform/jobs/boss.server";
import { enqueueJob, startJobs, stopJobs } from "~/platform/jobs/jobs.server";
import { getJob, INTERRUPTED, runTracked, sweepStaleJobs } from "~/platform/jobs/tracked.server";
import { deliverPendingEmail, type MailTransport } from "~/platform/outbox.server";
import { ReleaseError } from "~/statistics/release/build.server";
import { buildReleaseJob, queueReleaseBuild, RELEASE_BUILD } from "~/statistics/release/build-job.server";
import { useIsolatedDatabase } from "~test/support/database";
import { addAssessments, spread } from "~test/support/statistics-population";

const onPostgres = Boolean(process.env.DATABASE_URL);
const database = useIsolatedDatabase();

async function waitFor<T>(check: () => Promise<T | undefined | null | false>, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const urlOf = (handle: DatabaseHandle) =>
  (handle.db as unknown as { $client: { options: { connectionString: string } } }).$client.options.connectionString;

beforeAll(async () => {
  await syncQuestionnaireVersions();
  await addAssessments(spread(60, "2025", 3));
});
afterEach(() => stopJobs());

describe("tracked jobs", () => {
  it("runs a job once however often it is handed over, and records its progress and result", async () => {
    let runs = 0;
    const progressSeen: number[] = [];
    const runner = await startJobs(
      {
        tracked: {
          "test-count": async (job) => {
            runs++;
            job.progress({ stage: "half", share: 0.5 });
            await new Promise((r) => setTimeout(r, 700));
            progressSeen.push(((await getJob(job.id))?.progress?.share as number) ?? -1);
            return { echoed: job.payload.n };
          },
        },
        tasks: {},
      },
      { work: true },
    );
    expect(runner.name).toBe(onPostgres ? "pg-boss" : "in-process");
    const id = await enqueueJob("test-count", { n: 7 });
    await runner.dispatch("test-count", id, 0);
    await runner.dispatch("test-count", id, 1);
    const done = await waitFor(async () => {
      const j = await getJob(id);
      return j?.status === "done" ? j : null;
    }, "the job to finish");
    expect(runs).toBe(1);
    expect(progressSeen).toEqual([0.5]);
    expect(done).toMatchObject({ result: { echoed: 7 }, attempts: 1, progress: { stage: "done", share: 1 } });
  });

  it("a job whose worker died is run again, and fails with the reason after its last attempt", async () => {
    // What a killed process leaves: a row marked running whose heart stopped a minute ago.
    const stale = new Date(Date.now() - 60_000);
    const [again] = await db()
      .insert(jobs)
      .values({ kind: RELEASE_BUILD, payload: { periods: ["2025"], label: "重启后第1期", actorId: null } })
      .returning();
    await db()
      .update(jobs)
      .set({ status: "running", attempts: 1, startedAt: stale, heartbeatAt: stale })
      .where(eq(jobs.id, again!.id));
    const [spent] = await db()
      .insert(jobs)
      .values({ kind: "test-none", payload: {}, status: "running", attempts: 2, maxAttempts: 2, heartbeatAt: stale })
      .returning();
    // A live one (its heart beat just now) is left alone.
    const [live] = await db()
      .insert(jobs)
      .values({ kind: "test-none", payload: {}, status: "running", attempts: 1, heartbeatAt: new Date() })
      .returning();

    expect((await sweepStaleJobs()).sort()).toEqual([again!.id]);
    expect(await getJob(spent!.id)).toMatchObject({ status: "failed", error: INTERRUPTED });
    expect((await getJob(live!.id))?.status).toBe("running");
    expect(await runTracked(again!.id, buildReleaseJob)).toBe(true);
    const built = await getJob(again!.id);
    expect(built).toMatchObject({ status: "done", attempts: 2, result: { label: "重启后第1期" } });
    const [release] = await db()
      .select()
      .from(statisticsReleases)
      .where(eq(statisticsReleases.id, built!.result!.releaseId as string));
    expect(release?.status).toBe("built");
    // A second delivery of a finished job does nothing.
    expect(await runTracked(again!.id, buildReleaseJob)).toBe(false);
  });

  it.skipIf(!onPostgres)(
    "a build whose worker process is killed mid-build leaves nothing, and its retry builds it",
    async () => {
      const [job] = await db()
        .insert(jobs)
        .values({ kind: RELEASE_BUILD, payload: { periods: ["2025"], label: "被中断的一期", actorId: null } })
        .returning();
      const child = spawn(process.execPath, ["--import", "tsx", "test/support/build-job-child.ts", job!.id], {
        env: { ...process.env, DATABASE_URL: urlOf(database.handle()), LOG_LEVEL: "silent", NODE_ENV: "test" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // Killed once the build's transaction has begun (its first progress is written from inside it).
      await waitFor(async () => (await getJob(job!.id))?.progress, "the child's build to start");
      child.kill("SIGKILL");
      await exited;
      const label = eq(statisticsReleases.label, "被中断的一期");
      expect(await db().select().from(statisticsReleases).where(label)).toEqual([]);
      expect((await getJob(job!.id))?.status).toBe("running");
      // Another worker's sweep, once the heart has stopped (here: at once, nothing else is running).
      expect(await sweepStaleJobs(0)).toContain(job!.id);
      expect(await runTracked(job!.id, buildReleaseJob)).toBe(true);
      expect(await getJob(job!.id)).toMatchObject({ status: "done", attempts: 2 });
      expect(await db().select({ status: statisticsReleases.status }).from(statisticsReleases).where(label)).toEqual([
        { status: "built" },
      ]);
    },
  );

  it("the staff page's build: refused at once for a taken label, otherwise queued and built by a worker", async () => {
    await startJobs({ tracked: { [RELEASE_BUILD]: buildReleaseJob }, tasks: {} }, { work: true });
    await expect(queueReleaseBuild({ periods: [], label: "重启后第1期", actorId: null })).rejects.toEqual(
      new ReleaseError("label_taken"),
    );
    await expect(queueReleaseBuild({ periods: ["1999"], actorId: null })).rejects.toEqual(
      new ReleaseError("bad_period"),
    );
    const id = await queueReleaseBuild({ periods: ["2025"], label: "队列第2期", actorId: null });
    const done = await waitFor(async () => {
      const j = await getJob(id);
      return j?.status === "done" || j?.status === "failed" ? j : null;
    }, "the build");
    expect(done).toMatchObject({ status: "done", result: { label: "队列第2期" } });
  });

  it("a build the build itself refuses fails at once with its code, without a second attempt", async () => {
    const id = (
      await db()
        .insert(jobs)
        .values({ kind: RELEASE_BUILD, payload: { periods: ["1999"] } })
        .returning()
    )[0]!.id;
    await runTracked(id, buildReleaseJob);
    expect(await getJob(id)).toMatchObject({ status: "failed", error: "bad_period", attempts: 1 });
  });
});

describe("email delivery", () => {
  let second: DatabaseHandle | undefined;
  beforeAll(async () => {
    if (!onPostgres) return;
    second = await openDatabase({ driver: "postgres", url: urlOf(database.handle()), poolSize: 3 });
  });
  afterAll(() => second?.close());

  it("two workers delivering at once send every message exactly once", async () => {
    const messages = Array.from({ length: 45 }, (_, i) => ({
      to: `once-${i}@example.test`,
      subject: `s${i}`,
      body: "b",
      kind: "notification" as const,
    }));
    await db().insert(emailOutbox).values(messages);
    const sent: string[] = [];
    const slow: MailTransport = {
      async sendMail(m) {
        await new Promise((r) => setTimeout(r, 5));
        sent.push(m.to);
      },
    };
    // On PostgreSQL two pools, as two processes would be; on PGlite two deliveries racing in one process.
    const other = second?.db ?? db();
    const counts = await Promise.all([
      deliverPendingEmail(slow, db(), 10),
      deliverPendingEmail(slow, other, 10),
      deliverPendingEmail(slow, db(), 10),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(45);
    expect(sent.sort()).toEqual(messages.map((m) => m.to).sort());
    const [{ unsent }] = rowsOf<{ unsent: number }>(
      await db().execute(sql`select count(*)::int as unsent from email_outbox where sent_at is null`),
    ) as [{ unsent: number }];
    expect(unsent).toBe(0);
  });

  it("a failed send is released for another try, and counted", async () => {
    await db().insert(emailOutbox).values({ to: "flaky@example.test", subject: "s", body: "b", kind: "notification" });
    let tries = 0;
    const flaky: MailTransport = {
      async sendMail() {
        if (++tries === 1) throw new Error("421 try again later");
      },
    };
    expect(await deliverPendingEmail(flaky)).toBe(0);
    expect(await deliverPendingEmail(flaky)).toBe(1);
    const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, "flaky@example.test"));
    expect(row).toMatchObject({ attempts: 2, lastError: "421 try again later", claimedUntil: null });
    expect(row?.sentAt).not.toBeNull();
  });

  it.skipIf(!onPostgres)("the outbox task sent by two nodes' clocks runs on one worker at a time", async () => {
    await db()
      .insert(emailOutbox)
      .values(
        Array.from({ length: 12 }, (_, i) => ({
          to: `task-${i}@example.test`,
          subject: "s",
          body: "b",
          kind: "notification",
        })),
      );
    const sent: string[] = [];
    let running = 0;
    let overlap = 0;
    const run = (node: DatabaseHandle) => async () => {
      running++;
      overlap = Math.max(overlap, running);
      try {
        await deliverPendingEmail(
          {
            async sendMail(m) {
              await new Promise((r) => setTimeout(r, 10));
              sent.push(m.to);
            },
          },
          node.db,
        );
      } finally {
        running--;
      }
    };
    const runnerA = await startJobs(
      { tracked: {}, tasks: { "test-outbox": { everyMs: 200, run: run(database.handle()) } } },
      { work: true },
    );
    const pool = (second!.db as unknown as { $client: pg.Pool }).$client;
    const runnerB = await startBossRunner(
      { tracked: {}, tasks: { "test-outbox": { everyMs: 200, run: run(second!) } } },
      pool,
      { work: true },
    );
    try {
      await runnerA.kick("test-outbox", 0);
      await runnerB.kick("test-outbox", 0);
      await waitFor(async () => sent.length >= 12, "the messages to be sent");
      await new Promise((r) => setTimeout(r, 1_500));
      expect(sent.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `task-${i}@example.test`).sort());
      expect(overlap).toBe(1);
    } finally {
      await runnerB.stop();
    }
  });
});
