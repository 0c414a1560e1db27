// `npm run release:build [-- --label L --periods 2024,2025 --publish]`: build (and optionally publish) a
// statistics release on the configured database, the same code the staff page runs.
import { parseArgs } from "node:util";
import { syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { config } from "~/platform/config.server";
import { closeDatabase, initDatabase } from "~/platform/db.server";
import { buildRelease, publishRelease, ReleaseError } from "~/statistics/release/build.server";
import { releaseVersion } from "~/statistics/release/build-job.server";

const { values } = parseArgs({
  options: { label: { type: "string" }, periods: { type: "string" }, publish: { type: "boolean", default: false } },
});
await initDatabase(config());
try {
  await syncQuestionnaireVersions();
  const periods = values.periods
    ? values.periods
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)
    : undefined;
  // The edition with the latest submitted data in those periods, not the one open for new assessments.
  const version = await releaseVersion(periods);
  if (!version) throw new ReleaseError("no_data");
  const built = await buildRelease({ version, periods, label: values.label, actorId: null });
  const release = values.publish ? await publishRelease(built.id, null) : built;
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    JSON.stringify({
      number: release.number,
      label: release.label,
      status: release.status,
      periods: release.periods,
      summary: release.summary,
      peakRssMB,
    }),
  );
} catch (e) {
  if (e instanceof ReleaseError) {
    console.error(`release not built: ${e.code}`);
    process.exitCode = 1;
  } else throw e;
} finally {
  await closeDatabase();
}
