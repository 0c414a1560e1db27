// A worker process of its own for jobs.test.ts: runs one queued release build on the PostgreSQL database
// named by DATABASE_URL, so the test can kill it (SIGKILL, as a crash or an OOM kill would) mid-build.
// A small build can finish between two of the test's polls, so at the build's first progress report,
// which comes from inside its transaction, the child records that progress itself (synchronously, with
// psql) and then blocks until it is killed: the kill always lands with the build's transaction open.
import { execFileSync } from "node:child_process";
import { syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { config } from "~/platform/config.server";
import { initDatabase } from "~/platform/db.server";
import { runTracked } from "~/platform/jobs/tracked.server";
import { buildReleaseJob } from "~/statistics/release/build-job.server";

const jobId = process.argv[2]!;
await initDatabase(config());
await syncQuestionnaireVersions();
await runTracked(jobId, async (job) => {
  process.stdout.write("started\n");
  let held = false;
  return buildReleaseJob({
    ...job,
    progress(p) {
      job.progress(p);
      if (held) return;
      held = true;
      const value = JSON.stringify(p).replaceAll("'", "''");
      execFileSync("psql", [
        process.env.DATABASE_URL!,
        "-qc",
        `update jobs set progress = '${value}'::jsonb where id = '${jobId}'`,
      ]);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    },
  });
});
process.exit(0);
