// The insights workspace in Chromium against a server of its own, on a release built by the real builder
// from synthetic firms: an analyst compares provinces, a provincial viewer tracks adoption and is refused
// everything outside the province, a national viewer sees every province, and non-staff are refused.
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { expectAccessible, PASSWORD, signIn } from "~test/e2e/support/helpers";
import { ownServer } from "~test/e2e/support/own-server";
import { synthRelease } from "~test/e2e/support/synth-release";
import { parseCsv, tableText, xlsxText } from "~test/e2e/support/tables";

const own = ownServer(9, "insights");
test.describe.configure({ mode: "serial" });
test.use({ baseURL: own.baseURL });

const stamp = Date.now();
const email = (who: string) => `insights-${who}-${stamp}@example.test`;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await own.start(async (handle) => {
    await synthRelease(handle, { seed: 11, firms: 1200, label: "工作台测试期" });
    const { createUser } = await import("~/accounts/user.server");
    const grants: Array<[string, string | null, string | null]> = [
      ["analyst", "analyst", null],
      ["zj", "government", "330000"],
      ["national", "government", null],
    ];
    for (const [who, role, scope] of [...grants, ["member", null, null] as const]) {
      const user = await createUser({ email: email(who), password: PASSWORD, displayName: who, locale: "zh" });
      if (role)
        await handle.db.execute(
          sql`insert into role_grants (user_id, role, scope) values (${user.id}, ${role}, ${scope})`,
        );
      else
        await handle.db.execute(
          sql`insert into memberships (firm_id, user_id, role) select id, ${user.id}, 'owner' from firms order by id limit 1`,
        );
    }
  });
});

test.afterAll(() => own.stop());

async function signInAs(page: Page, who: string) {
  await signIn(page, email(who));
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

test("an analyst compares Zhejiang, Jiangsu and Guangdong in equipment manufacturing; downloads match", async ({
  page,
}) => {
  await signInAs(page, "analyst");
  await page.goto("/insights");
  await expectAccessible(page);
  await page.getByRole("link", { name: "并排对比" }).first().click();
  await expect(page).toHaveTitle(/并排对比/);
  await page.getByLabel("地区（省份或城市）").check();
  await page.getByLabel("对比对象 1", { exact: true }).fill("浙江省");
  await page.getByLabel("对比对象 2", { exact: true }).fill("江苏");
  await page.getByLabel("对比对象 3", { exact: true }).fill("Guangdong");
  await page.getByLabel("限定范围（选填）").fill("装备制造业");
  await page.getByRole("button", { name: "对比", exact: true }).click();
  await expect(page.getByTestId("compare-result")).toBeVisible();
  const summary = await tableText(page, "summary");
  expect(summary.map((r) => r[0])).toEqual(["地区", "全国 · 装备制造业", "浙江省", "江苏省", "广东省"]);
  // Published cells, side by side: firms and mean for each, stage shares and the dimension profile.
  for (const row of summary.slice(1)) expect(row[1]).toMatch(/^\d+$/);
  const stages = await tableText(page, "stages");
  expect(stages).toHaveLength(5);
  // Each province shows its five stage shares, or (decision 023: a stage of 1 or 2 firms, or protecting
  // one) five withheld marks with the reason in the note, never a 0 in their place.
  for (const row of stages.slice(2)) {
    const shares = row.slice(1, 6);
    if (shares.every((v) => v === "—")) expect(row[6], row.join(" | ")).toMatch(/^阶段分布不公布/);
    else
      expect(
        shares.every((v) => /^\d+\.\d$/.test(v)),
        row.join(" | "),
      ).toBe(true);
  }
  expect((await tableText(page, "dimensions"))[0]!.length).toBeGreaterThan(5);
  await expect(page.locator('[data-chart="chart-compare-stages"]')).toBeVisible();
  await expect(page.locator('[data-chart="chart-compare-dimensions"]')).toBeVisible();
  await expectAccessible(page);

  const links = page.locator(".downloads").first();
  const [csv] = await Promise.all([page.waitForEvent("download"), links.getByRole("link", { name: /^CSV/ }).click()]);
  const bytes = readFileSync((await csv.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(parseCsv(bytes.subarray(3).toString("utf8"))).toEqual(summary);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), links.getByRole("link", { name: /^XLSX/ }).click()]);
  expect(await xlsxText((await xlsx.path())!, summary[0]!.length)).toEqual(summary);

  // A shared link opens the same view.
  const shared = await page.getByRole("link", { name: "本页链接（可复制分享）" }).getAttribute("href");
  await page.goto(shared!);
  expect(await tableText(page, "summary")).toEqual(summary);
});

test("the Zhejiang viewer tracks adoption in Zhejiang and is refused Jiangsu everywhere", async ({ page }) => {
  await signInAs(page, "zj");
  await page.goto("/insights/adoption");
  await expect(page.getByTestId("adoption-region")).toHaveText("浙江省");
  await expect(page.getByTestId("insights-scope")).toContainText("浙江省");
  expect((await tableText(page, "periods")).map((r) => r[0])).toEqual(["期间", "2024", "2025"]);
  // Zhejiang by city, from the release's city layer: the province first, then its cities.
  const cities = await tableText(page, "cities");
  expect(cities[1]![0]).toBe("浙江省");
  expect(cities.slice(2).map((r) => r[0])).toContain("杭州市");
  expect(cities.slice(2).every((r) => /市$|未填写城市|州$|盟$/.test(r[0]!))).toBe(true);
  await expectAccessible(page);
  // Industries within Zhejiang are the viewer's to compare.
  await page.goto("/insights/compare?by=industry&g=C36&g=C38");
  await expect(page.getByText("限定范围：浙江省")).toBeVisible();
  await expect(page.getByTestId("compare-result")).toContainText("C36 汽车制造业");

  const refused = [
    "/insights/adoption?region=320000",
    "/insights/adoption?region=*",
    "/insights/adoption?region=320000&period=2024",
    "/insights/compare?by=region&g=浙江省&g=江苏省",
    "/insights/compare?by=region&g=330000&g=320000&mode=trend",
    "/insights/compare?by=industry&g=C36&g=C38&within=江苏省",
    "/insights/compare?by=industry&g=C36&g=C38&within=*",
    "/insights/compare?by=size&within=Jiangsu",
  ];
  for (const path of refused) {
    const answer = await page.request.get(path);
    expect(answer.status(), path).toBe(403);
    const [view, query] = [path.includes("adoption") ? "adoption" : "compare", path.split("?")[1]];
    for (const table of view === "adoption" ? ["periods", "industries", "cities", "sizes"] : ["summary", "stages"])
      for (const ext of ["csv", "json", "xlsx"]) {
        const download = await page.request.get(`/insights/tables/${view}-${table}.${ext}?${query}`);
        expect(download.status(), `${table}.${ext}?${query}`).toBe(403);
        expect((await download.json()).message).toMatch(/查看范围/);
      }
  }
  await page.goto("/insights/adoption?region=320000");
  await expect(page.getByTestId("error-reason")).toHaveText("你的查看范围不包括江苏省。");
  await expectAccessible(page);
});

test("the national viewer sees every province", async ({ page }) => {
  await signInAs(page, "national");
  await page.goto("/insights/adoption");
  await expect(page.getByTestId("adoption-region")).toHaveText("全国");
  const regions = await tableText(page, "regions");
  expect(regions).toHaveLength(1 + 1 + 31);
  await expectAccessible(page);
  const answer = await page.request.get("/insights/adoption?region=320000");
  expect(answer.status()).toBe(200);
});

test("a firm member and an anonymous visitor are refused", async ({ page, browser }) => {
  await signInAs(page, "member");
  for (const path of ["/insights", "/insights/compare", "/insights/adoption"])
    expect((await page.request.get(path)).status(), path).toBe(403);
  expect((await page.request.get("/insights/tables/adoption-periods.json")).status()).toBe(403);
  await page.goto("/insights");
  await expect(page.getByTestId("error-reason")).toContainText("只向统计分析人员");
  await expectAccessible(page);

  const anonymous = await browser.newContext({ baseURL: own.baseURL });
  const visitor = await anonymous.newPage();
  await visitor.goto("/insights/compare?by=size");
  await expect(visitor).toHaveURL(/\/login\?redirectTo=/);
  expect((await visitor.request.get("/insights/tables/compare-summary.csv?by=size")).status()).toBe(401);
  await anonymous.close();
});
