// Publishing a release asks for confirmation: the first request only describes it, and nothing is
// public until the form comes back with confirm=yes.
import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { releaseAction } from "~/statistics/release/admin.server";
import { latestPublicRelease } from "~/statistics/release/read.server";
import { useIsolatedDatabase } from "~test/support/database";
import { makeUser } from "~test/support/factories";
import { insertRelease } from "~test/support/releases";

useIsolatedDatabase();

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("publishing a release", () => {
  it("asks first, refuses a malformed confirmation, and publishes only when confirmed", async () => {
    const analyst = await makeUser();
    const { id } = await insertRelease(db(), { number: 1, status: "built", label: "第一期" });

    const asked = await releaseAction(form({ intent: "publish", id }), analyst.id);
    expect(asked).toEqual({ ok: "confirm", id, number: 1, label: "第一期", periods: ["2024", "2025"] });
    expect(await latestPublicRelease()).toBeNull();

    expect(await releaseAction(form({ intent: "publish", id, confirm: "maybe" }), analyst.id)).toEqual({
      ok: false,
      error: "releases.errors.bad_request",
    });
    expect(await latestPublicRelease()).toBeNull();

    expect(await releaseAction(form({ intent: "publish", id, confirm: "yes" }), analyst.id)).toEqual({
      ok: true,
      message: "releases.publishedDone",
      number: 1,
    });
    expect((await latestPublicRelease())?.number).toBe(1);
    // A published release is not offered for confirmation again.
    expect(await releaseAction(form({ intent: "publish", id }), analyst.id)).toEqual({
      ok: false,
      error: "releases.errors.not_built",
    });
  });
});
