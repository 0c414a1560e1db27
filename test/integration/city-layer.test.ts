// The city layer of a release (decision 025) on the real drivers: built and stored with the release under
// the same rules, shown to staff within scope on the adoption view and its downloads, and never public.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { grantRole } from "~/accounts/role-grant.server";
import { getQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { db, rowsOf } from "~/platform/db.server";
import { loader as cellsApi } from "~/routes/api.v1.releases.$number.cells";
import { loader as adoptionLoader } from "~/routes/insights.adoption";
import { loader as compareLoader } from "~/routes/insights.compare";
import { loader as insightsTables } from "~/routes/insights_.tables.$file";
import { loader as openData } from "~/routes/statistics_.tables.$file";
import { buildRelease, publishRelease } from "~/statistics/release/build.server";
import { findCells, latestPublicRelease, streamCells } from "~/statistics/release/read.server";
import { useIsolatedDatabase } from "~test/support/database";
import { makeFirmWithOwner, makeUser } from "~test/support/factories";
import { loaderArgs, loaderStatus, sessionCookieFor } from "~test/support/requests";
import { addAssessments, type PopulationFirm, stageOf } from "~test/support/statistics-population";

useIsolatedDatabase();

const args = loaderArgs;
const status = loaderStatus;

const firms = (n: number, f: Omit<PopulationFirm, "overall" | "stage" | "period">, base: number): PopulationFirm[] =>
  Array.from({ length: n }, (_, k) => {
    const overall = base + ((k * 13) % 40);
    return { ...f, period: "2025", overall, stage: stageOf(overall) };
  });

let zhejiang = "";
let national = "";
beforeAll(async () => {
  await syncQuestionnaireVersions();
  await addAssessments([
    ...firms(14, { division: "C36", region: "330000", size: "small", city: "330100" }, 30),
    ...firms(13, { division: "C38", region: "330000", size: "medium", city: "330200" }, 45),
    ...firms(2, { division: "C36", region: "330000", size: "small", city: "330300" }, 50),
    ...firms(4, { division: "C13", region: "330000", size: "small" }, 35),
    ...firms(15, { division: "C36", region: "320000", size: "small", city: "320100" }, 40),
  ]);
  const built = await buildRelease({ version: (await getQuestionnaireVersion("qmd-2025"))!, actorId: null });
  await publishRelease(built.id, null);
  const gov = await makeUser();
  await grantRole(null, gov.id, "government", "330000");
  zhejiang = await sessionCookieFor(gov.id);
  const nat = await makeUser();
  await grantRole(null, nat.id, "government", null);
  national = await sessionCookieFor(nat.id);
});

describe("the city layer of a release", () => {
  it("is stored with the release, under the thresholds, and adds up to the province", async () => {
    const all = rowsOf<{
      industry: string;
      region: string;
      suppressed: boolean;
      reason: string | null;
      firms: number | null;
    }>(
      await db().execute(sql`select industry, region, suppressed, reason, (metrics->>'firms')::int as firms
        from release_cells where layer = 'city' order by region, industry`),
    );
    const rows = all.filter((r) => r.industry === "*");
    const by = new Map(rows.map((r) => [r.region, r]));
    expect(by.get("330100")).toMatchObject({ suppressed: false, firms: 14 });
    expect(by.get("330300")).toMatchObject({ suppressed: true, reason: "threshold" });
    expect(by.get("33XXXX")).toMatchObject({ suppressed: true, reason: "threshold" });
    // 温州 holds the only other C36 firms of Zhejiang: its group cell would follow from the province's
    // group cell minus 杭州's, so one of those is withheld as well.
    const cube = rowsOf<{ industry: string; suppressed: boolean }>(
      await db().execute(
        sql`select industry, suppressed from release_cells where layer = 'cube' and region = '330000' and size = '*' and industry like 'G:%'`,
      ),
    );
    const secondary = all.filter((r) => r.reason === "secondary").length + cube.filter((c) => c.suppressed).length;
    expect(secondary).toBeGreaterThan(0);
    for (const r of all) if (!r.suppressed) expect(r.firms).toBeGreaterThanOrEqual(10);
  });

  it("is shown by city to the Zhejiang viewer, in the page and its downloads", async () => {
    const page = await adoptionLoader(args("/insights/adoption?region=330000", zhejiang));
    const table = page.view!.tables.cities!;
    const names = table.rows.map((r) => r.values[0]);
    expect(names).toEqual(expect.arrayContaining(["杭州市", "宁波市", "温州市", "未填写城市"]));
    const hangzhou = table.rows.find((r) => r.key === "330100")!;
    expect(hangzhou.values[1]).toBe(14);
    expect(table.rows.find((r) => r.key === "330300")!.values[1]).toBeNull();
    const csv = await insightsTables(
      args("/insights/tables/adoption-cities.csv?region=330000", zhejiang, { file: "adoption-cities.csv" }),
    );
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("杭州市");
  });

  it("refuses Jiangsu's cities to the Zhejiang viewer, and firm members and visitors everything", async () => {
    expect(await status(() => adoptionLoader(args("/insights/adoption?region=320000", zhejiang)))).toBe(403);
    const refused = await insightsTables(
      args("/insights/tables/adoption-cities.json?region=320000", zhejiang, { file: "adoption-cities.json" }),
    ).catch((e: unknown) => e as Response);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain("江苏省");
    const { owner } = await makeFirmWithOwner();
    const member = await sessionCookieFor(owner.id);
    for (const cookie of [undefined, member])
      expect(await status(() => adoptionLoader(args("/insights/adoption?region=330000", cookie)))).not.toBe(200);
    // The national viewer may open any province's cities.
    const page = await adoptionLoader(args("/insights/adoption?region=320000", national));
    expect(page.view!.tables.cities!.rows.find((r) => r.key === "320100")!.values[1]).toBe(15);
  });

  it("compares cities side by side, chosen by name, within the viewer's scope", async () => {
    const page = await compareLoader(args("/insights/compare?by=region&g=杭州&g=宁波市", zhejiang));
    const summary = page.view!.tables!.summary;
    expect(summary.rows.find((r) => r.key === "330100")!.values).toContain(14);
    expect(summary.rows.find((r) => r.key === "330200")!.values).toContain(13);
    expect(await status(() => compareLoader(args("/insights/compare?by=region&g=杭州市&g=南京市", zhejiang)))).toBe(
      403,
    );
  });

  it("is never public: not in page queries, the open-data API or the bulk download", async () => {
    const release = (await latestPublicRelease())!;
    const everywhere = await findCells(release, { region: { not: "*" } });
    expect(everywhere.length).toBeGreaterThan(0);
    expect(everywhere.every((c) => /^\d{2}0000$/.test(c.region))).toBe(true);
    for await (const page of streamCells(release, {}))
      expect(page.every((c) => c.region === "*" || /^\d{2}0000$/.test(c.region))).toBe(true);
    const api = await cellsApi(
      args(`/api/v1/releases/${release.number}/cells?period=2025&industry=*&region=330100&size=*`, undefined, {
        number: String(release.number),
      }),
    );
    expect(api.status).toBeGreaterThanOrEqual(400);
    // The whole release through the API, every page of it.
    const bulk = await cellsApi(
      args(`/api/v1/releases/${release.number}/cells?format=csv`, undefined, { number: String(release.number) }),
    );
    expect(bulk.status).toBe(200);
    const text = await bulk.text();
    expect(text).toContain("330000");
    expect(text).not.toMatch(/330100|33XXXX/);
    const region = await openData(
      args(`/statistics/tables/region.csv?release=${release.number}`, undefined, { file: "region.csv" }),
    );
    expect(await region.text()).not.toMatch(/330100|33XXXX|杭州/);
  });
});
