// The release workflow around publishing: staff preview a built release on the public pages and the
// insights workspace under a "not yet public" banner, nobody else can tell it exists; a public release
// can be withdrawn, with a reason, after a confirmation step, and stays in the history marked withdrawn.
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { grantRole } from "~/accounts/role-grant.server";
import { db, rowsOf } from "~/platform/db.server";
import { loader as adminLoader } from "~/routes/admin.releases";
import { loader as cellsApi } from "~/routes/api.v1.releases.$number.cells";
import { loader as compareLoader } from "~/routes/insights.compare";
import { loader as layoutLoader } from "~/routes/statistics";
import { loader as overviewLoader } from "~/routes/statistics._index";
import { loader as historyLoader } from "~/routes/statistics.releases";
import { loader as tableLoader } from "~/routes/statistics_.tables.$file";
import { releaseAction } from "~/statistics/release/admin.server";
import { latestPublicRelease, publicReleaseByNumber } from "~/statistics/release/read.server";
import { useIsolatedDatabase } from "~test/support/database";
import { makeFirmWithOwner, makeUser } from "~test/support/factories";
import { insertRelease } from "~test/support/releases";
import { loaderArgs, loaderStatus, sessionCookieFor } from "~test/support/requests";

useIsolatedDatabase();
// Each test builds its own releases from number 1.
beforeEach(async () => {
  await db().execute(sql`delete from statistics_releases`);
});

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

const args = loaderArgs;
const status = loaderStatus;

describe("previewing a built release", () => {
  it("shows staff the built release under a banner, and answers 404 to anyone else", async () => {
    await insertRelease(db(), { number: 1, status: "published" });
    await insertRelease(db(), { number: 2, status: "built", label: "待发布" });
    const analyst = await makeUser();
    await grantRole(null, analyst.id, "analyst", null);
    const staff = await sessionCookieFor(analyst.id);
    const gov = await makeUser();
    await grantRole(null, gov.id, "government", null);
    const { owner } = await makeFirmWithOwner();

    const layout = await layoutLoader(args("/statistics?release=2", staff));
    expect(layout.release).toMatchObject({ number: 2, preview: true, latest: false });
    expect(layout.query).toBe("?release=2");
    const page = (await overviewLoader(args("/statistics?release=2", staff))).page!;
    expect(page.release.number).toBe(2);
    const download = await tableLoader(
      args("/statistics/tables/national.csv?release=2", staff, { file: "national.csv" }),
    );
    expect(download.headers.get("Cache-Control")).toBe("private, no-store");

    for (const cookie of [undefined, await sessionCookieFor(gov.id), await sessionCookieFor(owner.id)])
      expect(await status(() => layoutLoader(args("/statistics?release=2", cookie)))).toBe(404);
    // The insights workspace previews it too; a government viewer cannot.
    expect((await compareLoader(args("/insights/compare?release=2", staff))).frame.release).toMatchObject({
      number: 2,
      preview: true,
    });
    const govCookie = await sessionCookieFor(gov.id);
    expect(await status(() => compareLoader(args("/insights/compare?release=2", govCookie)))).toBe(404);
    // The open data API never serves a built release, to staff either.
    expect(await status(() => cellsApi(args("/api/v1/releases/2/cells", staff, { number: "2" })))).toBe(404);
    // The published release is unaffected, and not marked as a preview.
    expect((await layoutLoader(args("/statistics", staff))).release).toMatchObject({ number: 1, preview: false });
  });
});

describe("withdrawing a public release", () => {
  it("asks for a reason, keeps the release in the history, and falls back to the previous one", async () => {
    const first = await insertRelease(db(), { number: 1, status: "superseded" });
    const second = await insertRelease(db(), { number: 2, status: "published", label: "第二期" });
    const analyst = await makeUser();
    await grantRole(null, analyst.id, "analyst", null);
    const staff = await sessionCookieFor(analyst.id);

    // The confirmation step says what will happen, and withdraws nothing.
    const confirm = await adminLoader(args("/admin/releases?withdraw=2", staff));
    expect(confirm.withdrawing).toEqual({ id: second.id, number: 2, label: "第二期", current: true, fallback: 1 });
    expect((await adminLoader(args("/admin/releases?withdraw=9", staff))).withdrawing).toBeNull();

    // No reason, or a blank one: refused, nothing changed.
    for (const reason of ["", "   ", "abc"])
      expect(await releaseAction(form({ intent: "withdraw", id: second.id, reason }), analyst.id)).toEqual({
        ok: false,
        error: "releases.errors.reason",
        withdraw: second.id,
      });
    expect((await latestPublicRelease())?.number).toBe(2);

    expect(
      await releaseAction(
        form({ intent: "withdraw", id: second.id, reason: "地区编码有误，将重新生成。" }),
        analyst.id,
      ),
    ).toEqual({ ok: true, message: "releases.withdrawnDone", number: 2, restored: 1 });
    expect((await latestPublicRelease())?.number).toBe(1);
    expect(await publicReleaseByNumber(2)).toBeNull();
    expect((await publicReleaseByNumber(1))?.id).toBe(first.id);

    // A withdrawn release: 410 on its pages and API, listed in the history with its reason, not withdrawable again.
    expect(await status(() => layoutLoader(args("/statistics?release=2")))).toBe(410);
    const gone = await cellsApi(args("/api/v1/releases/2/cells", undefined, { number: "2" }));
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: string }).error).toBe("withdrawn");
    const history = (await historyLoader()).releases;
    expect(history.map((r) => [r.number, r.status])).toEqual([
      [2, "withdrawn"],
      [1, "published"],
    ]);
    expect(history[0]).toMatchObject({ withdrawnReason: "地区编码有误，将重新生成。", cells: null });
    expect(
      await releaseAction(form({ intent: "withdraw", id: second.id, reason: "again, twice" }), analyst.id),
    ).toEqual({ ok: false, error: "releases.errors.not_public" });
    const audit = rowsOf<{ details: { number: number; reason: string; restored: number } }>(
      await db().execute(sql`select details from audit_log where action = 'release.withdrawn'`),
    );
    expect(audit).toEqual([{ details: expect.objectContaining({ number: 2, restored: 1 }) }]);

    // Withdrawing the only public release leaves the public pages with nothing rather than a built release.
    await releaseAction(form({ intent: "withdraw", id: first.id, reason: "全部重新核对。" }), analyst.id);
    expect(await latestPublicRelease()).toBeNull();
  });

  it("refuses to withdraw a built release", async () => {
    const built = await insertRelease(db(), { number: 1, status: "built" });
    const analyst = await makeUser();
    expect(
      await releaseAction(form({ intent: "withdraw", id: built.id, reason: "not public yet" }), analyst.id),
    ).toEqual({ ok: false, error: "releases.errors.not_public" });
  });
});
