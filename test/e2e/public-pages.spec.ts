import { expect, test } from "@playwright/test";
import { expectAccessible, expectChinesePage } from "~test/e2e/support/helpers";

const pages = [
  "/",
  "/scenes",
  "/scoring",
  "/guide",
  "/guide/1",
  "/guide/13",
  "/guide/23",
  "/login",
  "/signup",
  "/forgot-password",
  "/reset-password?token=not-a-token",
];

test.describe("public pages", () => {
  for (const path of pages) {
    test(`${path} renders in Chinese and passes axe`, async ({ page }) => {
      await expectChinesePage(page, path);
    });
  }

  test("an unknown page is a real 404 with a helpful message", async ({ page }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到该页面");
    await expectAccessible(page);
    expect((await page.goto("/guide/99"))?.status()).toBe(404);
  });

  test("the skip link is the first thing the keyboard reaches and jumps to the content", async ({ page }) => {
    await page.goto("/guide");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "跳到主要内容" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });

  test("the guide lists 7 chapters and links every article", async ({ page }) => {
    await page.goto("/guide");
    await expect(page.locator("section h2")).toHaveCount(7);
    await page.getByRole("link", { name: /^第13条/ }).click();
    await expect(page).toHaveURL(/\/guide\/13$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("第13条");
  });
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("the language switch works and the page is English", async ({ page }) => {
    await page.goto("/guide/4");
    await page.getByRole("button", { name: "切换为英文界面" }).click();
    await expect(page).toHaveURL(/\/guide\/4$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Article 4");
    await page.getByRole("button", { name: "Switch to Chinese" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });
});

// axe itself needs JavaScript, so here only the portal's own scripts are blocked:
// the page behaves as it would without JavaScript while axe can still inspect it.
test.describe("without the portal's JavaScript", () => {
  test.beforeEach(async ({ page }) => {
    await page.route("**/build/**/*.js", (route) => route.abort());
  });

  test("the scene catalogue filters and searches in Chinese, and a scene page opens", async ({ page }) => {
    await page.goto("/scenes");
    await page.getByLabel("关键词").fill("追溯");
    await page.getByLabel("行业大类").selectOption("consumer-goods");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/q=%E8%BF%BD%E6%BA%AF/);
    await expect(page).toHaveURL(/group=consumer-goods/);
    const count = Number(/共 (\d+) 个场景/.exec((await page.getByRole("status").textContent()) ?? "")?.[1]);
    expect(count).toBeGreaterThan(0);
    await expect(page.locator(".card")).toHaveCount(Math.min(count, 12));
    await expectAccessible(page);
    await page.locator(".card h2 a").first().click();
    await expect(page).toHaveURL(/\/scenes\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { name: "企业怎么做" })).toBeVisible();
    await expectAccessible(page);
    expect((await page.goto("/scenes/no-such-scene"))?.status()).toBe(404);
  });

  test("the English page passes axe", async ({ page }) => {
    await page.goto("/guide/4");
    await page.getByRole("button", { name: "切换为英文界面" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectAccessible(page);
  });

  test("sign-up errors are shown in a summary and inline", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("电子邮箱").fill("not-an-email");
    await page.getByLabel("密码").fill("short");
    await page.getByRole("button", { name: "注册" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("请输入有效的电子邮箱地址");
    await expect(summary).toContainText("密码长度须为 10 到 128 个字符");
    await expect(summary.getByRole("link", { name: /电子邮箱/ })).toHaveAttribute("href", "#email");
    await expect(page.getByLabel("电子邮箱")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("电子邮箱")).toHaveValue("not-an-email");
    await expectAccessible(page);
  });
});
