// The body of `npm run db:synth` (see cli.ts, which starts it with a bounded heap).
// Fills the configured database (DATABASE_URL, else the embedded PGlite) with synthetic firms and
// their submitted assessments. Progress goes to stderr; the last line on stdout is a JSON summary.
import { parseArgs } from "node:util";
import { defaultPeriods, expectedAssessmentsPerFirm, PERIOD_PATTERN } from "~db/synth/generate";
import { runSynth, SyntheticDataExists } from "~db/synth/run";
import { taxonomyFromContent } from "~db/synth/taxonomy";
import { currentQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { config } from "~/platform/config.server";
import { closeDatabase, initDatabase } from "~/platform/db.server";

const USAGE =
  "usage: npm run db:synth -- --firms N [--seed S] [--periods 2023,2024,2025] [--replace] [--batch ROWS] [--parallel STATEMENTS]";

function fail(message: string): never {
  console.error(`db:synth: ${message}\n${USAGE}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    firms: { type: "string" },
    seed: { type: "string", default: "1" },
    periods: { type: "string" },
    replace: { type: "boolean", default: false },
    batch: { type: "string", default: "2000" },
    parallel: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const firms = Number(values.firms);
if (!values.firms || !Number.isInteger(firms) || firms < 1 || firms > 50_000_000)
  fail("--firms must be a whole number from 1 to 50,000,000");
const batch = Number(values.batch);
if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) fail("--batch must be a whole number from 1 to 10,000");
const parallel = values.parallel === undefined ? undefined : Number(values.parallel);
if (parallel !== undefined && (!Number.isInteger(parallel) || parallel < 1 || parallel > 8))
  fail("--parallel must be a whole number from 1 to 8");
const periods = values.periods
  ? values.periods
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
  : defaultPeriods();
for (const p of periods)
  if (!PERIOD_PATTERN.test(p)) fail(`period "${p}" is not a year or a year-wave label like 2026-H2`);
periods.sort();

const cfg = config();
const handle = await initDatabase(cfg);
let exitCode = 0;
try {
  await syncQuestionnaireVersions();
  const version = await currentQuestionnaireVersion();
  if (!version) throw new Error("no published questionnaire version");
  const expected = Math.round(firms * expectedAssessmentsPerFirm(periods.length));
  console.error(
    `db:synth: ${firms} firms, about ${expected} assessments, periods ${periods.join(", ")}, version ${version.id}, ${handle.driver}${values.replace ? ", replacing earlier synthetic data" : ""}`,
  );
  let lastPrint = 0;
  const report = await runSynth(handle.db, version, taxonomyFromContent(), {
    seed: values.seed!,
    firms,
    periods,
    now: new Date(),
    replace: values.replace,
    batchAssessments: batch,
    // PostgreSQL writes two batches at once on two connections (two cores); PGlite is one process.
    parallel: parallel ?? (handle.driver === "postgres" ? 2 : 1),
    onProgress: (p) => {
      if (p.seconds - lastPrint < 5 && p.firms < firms) return;
      lastPrint = p.seconds;
      const rate = Math.round(p.assessments / Math.max(p.seconds, 0.001));
      console.error(
        `db:synth: ${p.firms}/${firms} firms, ${p.assessments} assessments, ${p.seconds.toFixed(1)} s (${rate}/s), rss ${Math.round(process.memoryUsage.rss() / 1048576)} MB`,
      );
    },
  });
  console.log(JSON.stringify({ driver: handle.driver, ...report }));
} catch (e) {
  if (e instanceof SyntheticDataExists) console.error(`db:synth: ${e.message}`);
  else console.error(e);
  exitCode = 1;
} finally {
  await closeDatabase();
}
process.exit(exitCode);
