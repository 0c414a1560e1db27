// Issue 13 item 6: across releases the edition can change, and two editions' overall scores do not
// compare (decision 043). The release history of one period names each release's edition, and says so
// when the releases hold more than one; its download carries the same names.
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { localeCookie } from "~/i18n/locale.server";
import { db } from "~/platform/db.server";
import { loader as trendsLoader } from "~/routes/statistics.trends";
import { loader as tableLoader } from "~/routes/statistics_.tables.$file";
import { useIsolatedDatabase } from "~test/support/database";
import { insertRelease } from "~test/support/releases";
import { loaderArgs } from "~test/support/requests";

useIsolatedDatabase();
beforeEach(async () => {
  await db().execute(sql`delete from statistics_releases`);
});

const cookieFor = async (lang: string) => (await localeCookie.serialize(lang)).split(";")[0];
const releasesCsv = async (lang: string) => {
  const res = await tableLoader(
    loaderArgs("/statistics/tables/releases.csv?period=2025", await cookieFor(lang), { file: "releases.csv" }),
  );
  return res.text();
};
const releasesCaption = async (lang: string) =>
  (await trendsLoader(loaderArgs("/statistics/trends?period=2025", await cookieFor(lang)))).page!.tables.releases
    .caption;

describe("the release history across editions", () => {
  it("names each release's edition, and warns when the editions differ", async () => {
    await insertRelease(db(), { number: 1, status: "superseded" });
    await insertRelease(db(), { number: 2, edition: "qmd-2026", shift: 3 });
    const zh = await releasesCsv("zh");
    expect(zh).toContain("第 1 期（测试发布 1）· qmd-2025 问卷");
    expect(zh).toContain("第 2 期（测试发布 2）· qmd-2026 问卷");
    expect(await releasesCaption("zh")).toContain("不同版本的总体得分不可直接比较");
    const en = await releasesCsv("en");
    expect(en).toContain("Release 2 (测试发布 2) · questionnaire qmd-2026");
    expect(await releasesCaption("en")).toContain("whose overall scores do not compare");
  });

  it("says nothing of editions when every release counts the same one", async () => {
    await insertRelease(db(), { number: 1, status: "superseded" });
    await insertRelease(db(), { number: 2, shift: 3 });
    const zh = await releasesCsv("zh");
    expect(zh).toContain("第 2 期（测试发布 2）· qmd-2025 问卷");
    expect(await releasesCaption("zh")).not.toContain("不可直接比较");
  });
});
