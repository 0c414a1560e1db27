// Public statistics pages in Chromium against a server of their own, started on a database that holds
// hand-made releases (test/support/releases.ts): the release builder's output is not needed here.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { expectAccessible, expectChinesePage, PASSWORD, signIn } from "~test/e2e/support/helpers";
import { ownServer } from "~test/e2e/support/own-server";
import { parseCsv, tableText, xlsxText } from "~test/e2e/support/tables";
import { insertRelease } from "~test/support/releases";

const own = ownServer(7, "stats");
const analystEmail = `stats-analyst-${Date.now()}@example.test`;
const baseURL = own.baseURL;

test.describe.configure({ mode: "serial" });
test.use({ baseURL });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await own.start(async (handle) => {
    await insertRelease(handle.db, { number: 1, status: "superseded", label: "2025 年第一期" });
    await insertRelease(handle.db, { number: 2, label: "2025 年第二期", shift: 2, containsSynthetic: true });
    await insertRelease(handle.db, { number: 3, status: "built", label: "未发布", shift: 9 });
    const { useDatabase } = await import("~/platform/db.server");
    useDatabase(handle);
    const { createUser } = await import("~/accounts/user.server");
    const analyst = await createUser({ email: analystEmail, password: PASSWORD, displayName: "分析员", locale: "zh" });
    await handle.db.execute(
      sql`insert into role_grants (user_id, role, scope) values (${analyst.id}, 'analyst', null)`,
    );
  });
});

test.afterAll(() => own.stop());

const pages = [
  "/statistics",
  "/statistics/industry",
  "/statistics/region",
  "/statistics/size",
  "/statistics/trends",
  "/statistics/methodology",
  "/statistics/releases",
  "/statistics?release=1",
];

for (const path of pages) {
  test(`${path} renders in Chinese and passes axe`, async ({ page }) => {
    await expectChinesePage(page, path);
  });
}

test("the overview shows the latest release, its synthetic-data banner and the weakest dimensions", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "统计数据" }).click();
  await expect(page).toHaveURL(/\/statistics$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("统计数据概览");
  await expect(page.getByText("本期统计发布含合成演示数据")).toBeVisible();
  await expect(page.locator(".facts")).toContainText("第 2 期（2025 年第二期）");
  await expect(page.getByRole("heading", { name: "薄弱环节" })).toBeVisible();
  await expect(page.locator('svg[data-chart="chart-stages"]')).toHaveAttribute("role", "img");
  const firms = await page.getByTestId("firms").textContent();
  const national = await tableText(page, "national");
  expect(national[1]![1]).toBe(firms);
  expect((await page.goto("/statistics?release=3"))?.status()).toBe(404);
});

test("the map shows every province with its value, and suppressed provinces with their mark", async ({ page }) => {
  await page.goto("/statistics/region?release=2&period=2025&industry=C36&size=*");
  const map = page.locator('svg[data-chart="chart-region"]');
  // Tiles are links, so the map is a named group rather than one image.
  await expect(map).toHaveAttribute("role", "group");
  await expect(map.locator("g.tile")).toHaveCount(34);
  const rows = await tableText(page, "region");
  const zhejiang = rows.find((r) => r[0] === "浙江省")!;
  expect(zhejiang[2]).toMatch(/^\d+\.\d$/);
  await expect(map.locator('g[data-region="330000"]')).toHaveAttribute("data-state", "value");
  await expect(map.locator('g[data-region="330000"] .tile-value')).toHaveText(zhejiang[2]!);
  await expect(map.locator('g[data-region="330000"] .tile-name')).toHaveText("浙江");
  await expect(map.locator('g[data-region="110000"]')).toHaveAttribute("data-state", "suppressed");
  await expect(map.locator('g[data-region="110000"] .tile-value')).toHaveText("<10");
  await expect(map.locator('g[data-region="650000"] .tile-value')).toHaveText("S");
  await expect(map.locator('g[data-region="710000"]')).toHaveAttribute("data-state", "none");
  const beijing = rows.find((r) => r[0] === "北京市")!;
  expect(beijing.slice(1, 6)).toEqual(["<10", "<10", "<10", "<10", "<10"]);
  expect(beijing[6]).toContain("少于 10 家");
  await expect(page.getByRole("list", { name: "符号说明" })).toContainText("<10");
});

test("the CSV, JSON and XLSX downloads open and match the page table", async ({ page }) => {
  await page.goto("/statistics/region?release=2&period=2025&industry=C36&size=*");
  const expected = await tableText(page, "region");
  const links = page.locator(".downloads").first();

  const [csv] = await Promise.all([page.waitForEvent("download"), links.getByRole("link", { name: /^CSV/ }).click()]);
  expect(csv.suggestedFilename()).toBe("qmd-statistics-r2-2025-region-C36.csv");
  const bytes = readFileSync((await csv.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(parseCsv(bytes.subarray(3).toString("utf8"))).toEqual(expected);

  const [json] = await Promise.all([page.waitForEvent("download"), links.getByRole("link", { name: /^JSON/ }).click()]);
  const body = JSON.parse(readFileSync((await json.path())!, "utf8"));
  expect([
    body.columns.map((c: { label: string }) => c.label),
    ...body.rows.map((r: { text: string[] }) => r.text),
  ]).toEqual(expected);
  expect(body.containsSynthetic).toBe(true);

  const [xlsx] = await Promise.all([page.waitForEvent("download"), links.getByRole("link", { name: /^XLSX/ }).click()]);
  expect(await xlsxText((await xlsx.path())!, expected[0]!.length)).toEqual(expected);
});

test("the open data API serves the release and refuses keys outside the cube", async ({ request }) => {
  const list = await (await request.get("/api/v1/releases")).json();
  expect(list.releases.map((r: { number: number }) => r.number)).toEqual([2, 1]);
  const cells = await request.get("/api/v1/releases/2/cells?period=2025&industry=C36&size=*");
  expect(cells.headers()["cache-control"]).toContain("immutable");
  expect((await cells.json()).count).toBe(6);
  const bad = await request.get("/api/v1/releases/2/cells?industry=C36-firm");
  expect(bad.status()).toBe(400);
  expect((await request.get("/api/v1/releases/3")).status()).toBe(404);
  expect((await request.get("/api/v1/openapi.json")).ok()).toBe(true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the release, period and filters are chosen with a plain form", async ({ page }) => {
    await page.goto("/statistics/region");
    await page.getByLabel("统计发布", { exact: true }).selectOption("1");
    await page.getByLabel("统计期间", { exact: true }).selectOption("2024");
    await page.getByLabel("行业", { exact: true }).selectOption("C36");
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(/release=1&period=2024&metric=mean&industry=C36&size=/);
    await expect(page.getByText("你正在查看较早的第 1 期发布")).toBeVisible();
    await expect(page.locator("#table-region caption")).toContainText(
      "2024 年分地区总体得分（C36 汽车制造业，全部规模）",
    );
  });

  test("the pages read in English", async ({ page }) => {
    await page.goto("/statistics/size");
    await page.getByRole("button", { name: "切换为英文界面" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistics by firm size");
    await expect(page.locator("#table-size caption")).toContainText("Overall score by firm size");
  });
});

test("a reader picks a measure, follows a tile to the province's industries, and sees trends per province", async ({
  page,
}) => {
  await page.goto("/statistics/region?release=2&period=2025");
  await page.getByLabel("指标", { exact: true }).selectOption("stages");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/metric=stages/);
  await expect(page.locator("#table-region caption")).toContainText("2025 年分地区企业阶段分布");
  const rows = await tableText(page, "region");
  expect(rows[0]).toContain("集成及以上（%）");
  const zhejiang = rows.find((r) => r[0] === "浙江省")!;
  await expect(page.locator('g[data-region="330000"] .tile-value')).toHaveText(zhejiang.at(-2)!);
  await expectAccessible(page);

  await page.getByRole("link", { name: /^浙江省：.*查看该地区的分行业统计/ }).click();
  await expect(page).toHaveURL(/\/statistics\/industry\?release=2&period=2025&metric=stages&region=330000/);
  await expect(page.locator("#table-industry caption")).toContainText("2025 年分行业企业阶段分布（浙江省）");
  await expect(page.getByLabel("地区", { exact: true })).toHaveValue("330000");

  await page.goto("/statistics/trends?release=2&region=330000&metric=dim:equipment");
  await expect(page.locator("#table-trends caption")).toContainText("“装备与工艺”维度得分（浙江省）");
  const provinces = await tableText(page, "trendsRegions");
  expect(provinces[0]!.slice(0, 3)).toEqual(["地区", "2024", "2025"]);
  expect(provinces.find((r) => r[0] === "北京市")!.slice(1, 3)).toEqual(["<10", "<10"]);
  expect((await tableText(page, "trendsGroups")).length).toBeGreaterThan(2);
  await expectAccessible(page);
});

// Last in the file: it withdraws release 2, which the tests above read as the latest.
test("staff preview a built release under a banner, then withdraw the published one with a reason", async ({
  page,
  browser,
}) => {
  const visitorContext = await browser.newContext({ baseURL });
  const visitor = await visitorContext.newPage();
  expect((await visitor.goto("/statistics?release=3"))!.status()).toBe(404);

  await signIn(page, analystEmail);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/admin/releases");
  await page.getByRole("link", { name: "预览" }).click();
  await expect(page).toHaveURL(/\/statistics\?release=3$/);
  await expect(page.getByTestId("preview-banner")).toContainText("尚未公开：这是第 3 期（未发布）的预览");
  await expectAccessible(page);
  // The section links keep the preview, and every page under it carries the banner.
  await page.getByRole("link", { name: "分地区" }).click();
  await expect(page).toHaveURL(/\/statistics\/region\?release=3/);
  await expect(page.getByTestId("preview-banner")).toBeVisible();

  await page.goto("/admin/releases");
  await page
    .getByRole("row", { name: /2025 年第二期/ })
    .getByRole("link", { name: "撤回…" })
    .click();
  await expect(page.getByRole("heading", { name: "撤回第 2 期（2025 年第二期）" })).toBeVisible();
  await expect(page.getByText("撤回后，公开页面改为显示第 1 期")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/撤回原因/).fill("x");
  await page.getByRole("button", { name: "确认撤回" }).click();
  // The browser's own check stops a short reason before the server sees it; nothing is withdrawn.
  await expect(page.getByRole("status")).toHaveCount(0);
  await page.getByLabel(/撤回原因/).fill("地区代码映射有误，更正后重新发布。");
  await page.getByRole("button", { name: "确认撤回" }).click();
  await expect(page.getByRole("status")).toContainText("第 2 期已撤回，公开页面现显示第 1 期");

  await visitor.goto("/statistics");
  await expect(visitor.getByText("你正在查看较早的")).toHaveCount(0);
  await expect(visitor.locator("main")).toContainText("2025 年第一期");
  await visitor.goto("/statistics/releases");
  const row = visitor.getByRole("row", { name: /2025 年第二期/ });
  await expect(row).toContainText("已撤回");
  await expect(row).toContainText("地区代码映射有误，更正后重新发布。");
  await expect(row.getByRole("link")).toHaveCount(0);
  await expectAccessible(visitor);
  expect((await visitor.goto("/statistics?release=2"))!.status()).toBe(410);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("该期统计发布已撤回");
  expect((await visitor.request.get("/api/v1/releases/2/cells")).status()).toBe(410);
  await visitorContext.close();
});
