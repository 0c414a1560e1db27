// A worker process of its own for jobs.test.ts: runs one queued release build on the PostgreSQL database
// named by DATABASE_URL, so the test can kill it (SIGKILL, as a crash or an OOM kill would) mid-build.
import { syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { config } from "~/platform/config.server";
import { initDatabase } from "~/platform/db.server";
import { runTracked } from "~/platform/jobs/tracked.server";
import { buildReleaseJob } from "~/statistics/release/build-job.server";

await initDatabase(config());
await syncQuestionnaireVersions();
await runTracked(process.argv[2]!, async (job) => {
  process.stdout.write("started\n");
  return buildReleaseJob(job);
});
process.exit(0);
