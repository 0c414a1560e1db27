// The staff page's actions on releases: parse the form, build or publish, and say what happened.
import { z } from "zod";
import { db } from "~/platform/db.server";
import { listAllReleases, publishRelease, ReleaseError, withdrawRelease } from "~/statistics/release/build.server";
import { queueReleaseBuild, recentBuilds, releaseVersion } from "~/statistics/release/build-job.server";
import { submittedPeriods } from "~/statistics/release/data.server";

const buildForm = z.object({
  intent: z.literal("build"),
  label: z.string().trim().max(60).optional(),
  periods: z.array(z.string().regex(/^[0-9A-Za-z-]{1,20}$/)).max(40),
});
const publishForm = z.object({ intent: z.literal("publish"), id: z.uuid(), confirm: z.literal("yes").optional() });
const withdrawForm = z.object({
  intent: z.literal("withdraw"),
  id: z.uuid(),
  reason: z.string().trim().min(5).max(500),
});

export type ReleaseActionResult =
  | { ok: true; message: "releases.publishedDone"; number: number }
  /** A build was queued: the page follows it in its list of builds. */
  | { ok: "queued"; jobId: string }
  | { ok: true; message: "releases.withdrawnDone"; number: number; restored: number | null }
  /** Publishing asks first: nothing is published until the form comes back with confirm=yes. */
  | { ok: "confirm"; id: string; number: number; label: string; periods: string[] }
  | { ok: false; error: `releases.errors.${ReleaseError["code"] | "bad_request" | "reason"}`; withdraw?: string };

export async function releaseAction(form: FormData, actorId: string): Promise<ReleaseActionResult> {
  const intent = form.get("intent");
  try {
    if (intent === "build") {
      const parsed = buildForm.safeParse({
        intent,
        label: form.get("label") ?? undefined,
        periods: form.getAll("periods"),
      });
      if (!parsed.success) return { ok: false, error: "releases.errors.bad_request" };
      const jobId = await queueReleaseBuild({
        periods: [...new Set(parsed.data.periods)].sort(),
        label: parsed.data.label || undefined,
        actorId,
      });
      return { ok: "queued", jobId };
    }
    if (intent === "withdraw") {
      const id = form.get("id");
      const parsed = withdrawForm.safeParse({ intent, id, reason: form.get("reason") ?? "" });
      if (!parsed.success) {
        const badReason = parsed.error.issues.some((i) => i.path[0] === "reason");
        return badReason && typeof id === "string"
          ? { ok: false, error: "releases.errors.reason", withdraw: id }
          : { ok: false, error: "releases.errors.bad_request" };
      }
      const done = await withdrawRelease(parsed.data.id, parsed.data.reason, actorId);
      return { ok: true, message: "releases.withdrawnDone", ...done };
    }
    const parsed = publishForm.safeParse({ intent, id: form.get("id"), confirm: form.get("confirm") ?? undefined });
    if (!parsed.success) return { ok: false, error: "releases.errors.bad_request" };
    if (!parsed.data.confirm) {
      const release = await publishableRelease(parsed.data.id);
      return { ok: "confirm", id: release.id, number: release.number, label: release.label, periods: release.periods };
    }
    const published = await publishRelease(parsed.data.id, actorId);
    return { ok: true, message: "releases.publishedDone", number: published.number };
  } catch (e) {
    if (e instanceof ReleaseError) return { ok: false, error: `releases.errors.${e.code}` };
    throw e;
  }
}

export async function releasesPage() {
  // The periods offered are those of the edition submitted to most recently (a release holds one edition).
  const version = await releaseVersion();
  const periods = version ? await submittedPeriods(db(), version.id) : [];
  const releases = (await listAllReleases()).map((r) => {
    const summary = r.summary;
    return {
      id: r.id,
      number: r.number,
      label: r.label,
      status: r.status,
      periods: r.periods,
      cells: summary.cells ?? 0,
      suppressed: Object.values(summary.suppressed ?? {}).reduce((a, b) => a + b, 0),
      unresolved: summary.unresolved ?? 0,
      buildMs: summary.buildMs ?? null,
      builtAt: r.builtAt?.toISOString() ?? null,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
      withdrawnReason: r.withdrawnReason,
      synthetic: r.containsSynthetic,
    };
  });
  const newest = releases[0];
  const builds = await recentBuilds();
  return {
    edition: version?.id ?? null,
    periods,
    releases,
    builds,
    building: builds.some((b) => b.status === "queued" || b.status === "running"),
    publishable: newest && newest.status === "built" && newest.unresolved === 0 ? newest.id : null,
  };
}

/** The release as the confirmation step shows it, refused with the same reasons publishRelease gives. */
async function publishableRelease(id: string) {
  const { releases, publishable } = await releasesPage();
  const release = releases.find((r) => r.id === id);
  if (!release) throw new ReleaseError("not_found");
  if (publishable !== id)
    throw new ReleaseError(
      release.status !== "built" ? "not_built" : release.unresolved > 0 ? "unresolved" : "newer_exists",
    );
  return release;
}
