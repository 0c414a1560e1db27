// The start of a spec's own database: synthetic firms assessed in 2024 and 2025, and one release built
// by the real builder and published. Modules are imported once the spec's database is in use.
import type { DatabaseHandle } from "~db/connect";

export async function synthRelease(handle: DatabaseHandle, options: { seed: number; firms: number; label: string }) {
  const { useDatabase } = await import("~/platform/db.server");
  useDatabase(handle);
  const { syncQuestionnaireVersions, getQuestionnaireVersion } = await import("~/assessment/questionnaire.server");
  const { runSynth } = await import("~db/synth/run");
  const { taxonomyFromContent } = await import("~db/synth/taxonomy");
  const { buildRelease, publishRelease } = await import("~/statistics/release/build.server");
  await syncQuestionnaireVersions();
  const version = (await getQuestionnaireVersion("qmd-2025"))!;
  await runSynth(handle.db, version, taxonomyFromContent(), {
    seed: options.seed,
    firms: options.firms,
    periods: ["2024", "2025"],
    now: new Date("2026-01-15T00:00:00Z"),
  });
  const release = await buildRelease({ version, actorId: null, label: options.label });
  await publishRelease(release.id, null);
  return { version, release };
}
