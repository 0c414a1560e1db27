// The questionnaire open to read (issue 13 items 2 and 3): a visitor reads an edition with no account and
// without the portal's scripts, a guide article links into it, and the questionnaire itself follows the
// interface language. Written for whichever edition is published: nothing here names a question.
import { expect, test } from "@playwright/test";
import { expectAccessible, newUserWithFirm } from "~test/e2e/support/helpers";

const HAN = /[\u4e00-\u9fff]/;

test.describe("without the portal's JavaScript", () => {
  // axe needs scripts, so only the portal's own are blocked: the pages must work as plain HTML.
  test.beforeEach(async ({ page }) => {
    await page.route("**/build/**/*.js", (route) => route.abort());
  });

  test("a visitor with no account reads a published edition in full, in Chinese and in English", async ({ page }) => {
    await page.goto("/questionnaires");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("问卷公开预览");
    await expectAccessible(page);
    await page.getByRole("table", { name: "公开的问卷版本" }).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/questionnaires\/[a-z0-9-]+$/);
    const contents = page.getByRole("navigation", { name: "目录" }).getByRole("link");
    const pages = await contents.count();
    expect(pages).toBeGreaterThan(1);
    await expect(page.locator("section.preview-page")).toHaveCount(pages);
    const questions = page.locator("article.preview-question");
    expect(await questions.count()).toBeGreaterThan(pages);
    // Every question has an anchor, its options, and the scored ones link their guide articles.
    const ids = await questions.evaluateAll((els) => els.map((e) => e.id));
    expect(ids.every((id) => /^q-[a-z][a-z0-9_]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await page.locator("article.preview-question:not(:has(.preview-options li))").count()).toBe(0);
    await expect(page.locator(".preview-articles a[href^='/guide/']").first()).toBeVisible();
    await expect(page.getByText("证据与说明：").first()).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "切换为英文界面" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Contents" })).toBeVisible();
    const firstTitle = (await questions.first().locator("h3").textContent()) ?? "";
    expect(firstTitle).toMatch(/^Question 1 /);
    expect(firstTitle).not.toMatch(HAN);
    await expectAccessible(page);

    const missing = await page.goto("/questionnaires/no-such-edition");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  });

  test("a guide article lists the questions that assess it, and a link lands on the question", async ({ page }) => {
    await page.goto("/guide/11");
    const section = page.getByRole("region", { name: "评估本条的问题" });
    const link = section.getByRole("link").first();
    await expect(link).toBeVisible();
    await expectAccessible(page);
    const text = (await link.textContent())!.trim();
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/^\/questionnaires\/[a-z0-9-]+#q-[a-z0-9_]+$/);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href.replace(/[#/]/g, "\\$&")}$`));
    const target = page.locator(href.slice(href.indexOf("#")));
    await expect(target).toBeInViewport();
    await expect(target.locator("h3")).toHaveText(text);
    // The question names the article back.
    await expect(target.getByRole("link", { name: /^第11条/ })).toHaveAttribute("href", "/guide/11");
  });
});

test("the questionnaire is in English, in the site's font, when the interface is English", async ({ page }) => {
  test.setTimeout(120_000);
  const { firmId } = await newUserWithFirm(page);
  await page.goto(`/firms/${firmId}/assessments`);
  await page.getByRole("button", { name: "切换为英文界面" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: /^Start the \S+ self-assessment$/ }).click();
  const question = page.locator(".sd-question").first();
  await expect(question).toBeVisible();
  const progress = page.getByTestId("questionnaire-progress");
  await expect(progress).toHaveText(/^Page 1 of \d+ · 0 of \d+ answered$/);
  await expect(page.getByRole("progressbar", { name: /^Page 1 of/ })).toBeVisible();

  // Page title, question titles and options in English; SurveyJS's own button too.
  const shown = await page.locator(".sd-page__title, .sd-question__title, .sd-item__control-label").allTextContents();
  expect(shown.length).toBeGreaterThan(3);
  // An English option may keep a Chinese term beside its translation (两化融合): mostly Latin, not none.
  for (const text of shown)
    expect((text.match(new RegExp(HAN, "g")) ?? []).length, text).toBeLessThan(text.length / 10);
  await expect(page.locator(".sd-navigation__next-btn")).toHaveText("Next");
  const font = await question.locator(".sd-question__title").evaluate((e) => getComputedStyle(e).fontFamily);
  expect(font).toMatch(/sans-serif$/);
  expect(font).not.toMatch(/Open Sans/);
  await expectAccessible(page);

  // The indicator follows the answers as they are given (profile questions are not scored, so the count
  // moves on the first scored page).
  await page.locator(".sd-navigation__next-btn").click();
  await expect(progress).toHaveText(/^Page 2 of \d+ · 0 of \d+ answered$/);
  await page.locator(".sd-question").first().locator(".sd-item__control-label").first().click();
  await expect(progress).toHaveText(/^Page 2 of \d+ · 1 of \d+ answered$/);
});
