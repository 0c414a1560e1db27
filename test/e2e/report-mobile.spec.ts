// The report of a firm with two submitted assessments (2024, 2025), and the questionnaire, are
// readable at 390 px and on desktop (issue 14 item 7): no horizontal page overflow, no SVG text
// outside its chart's viewBox, every table region focusable, axe clean; the radar's labels also in English.
// Chinese is drawn in a real CJK font (support/cjk-font.ts). Its own server and database.
import { expect, type Page, test } from "@playwright/test";
import { cjkFontLaunch, cjkFontReady } from "~test/e2e/support/cjk-font";
import { expectAccessible, signIn } from "~test/e2e/support/helpers";
import { ownServer } from "~test/e2e/support/own-server";

const own = ownServer(12, "report-mobile");
test.describe.configure({ mode: "serial" });
test.use({ baseURL: own.baseURL, launchOptions: cjkFontLaunch() });

const email = `report-mobile-${Date.now()}@example.test`;
const password = "correct horse battery";
let reportPath = "";
let questionnairePath = "";

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await own.start(async (handle) => {
    const { useDatabase } = await import("~/platform/db.server");
    useDatabase(handle);
    const { syncQuestionnaireVersions, currentQuestionnaireVersion } =
      await import("~/assessment/questionnaire.server");
    const { startAssessment, submitAssessment } = await import("~/assessment/assessment.server");
    const { makeUser, firmInput } = await import("~test/support/factories");
    const { createFirm } = await import("~/firms/firm.server");
    const { answersAtLevel } = await import("~test/support/assessment-fixtures");
    await syncQuestionnaireVersions();
    const version = (await currentQuestionnaireVersion())!;
    const owner = await makeUser({ email, password });
    const firm = await createFirm(owner.id, firmInput({ name: "移动端报告测试企业" }));
    let last = "";
    for (const [period, level] of [
      ["2024", 2],
      ["2025", 4],
    ] as const) {
      const draft = await startAssessment(firm.id, owner.id, version, period);
      const done = await submitAssessment({
        assessment: draft,
        version,
        userId: owner.id,
        baseVersion: draft.version,
        answers: answersAtLevel(version.compiled, level),
      });
      if (!done.ok) throw new Error(`submit failed for ${period}`);
      last = draft.id;
    }
    reportPath = `/firms/${firm.id}/assessments/${last}/report`;
    const draft = await startAssessment(firm.id, owner.id, version, "2026");
    questionnairePath = `/firms/${firm.id}/assessments/${draft.id}`;
  });
});

test.afterAll(() => own.stop());

async function noPageOverflow(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, "page scroll width").toBeLessThanOrEqual(width);
}

/** Every SVG text's box lies inside its SVG's viewBox (1 px slack for rounding). */
async function noClippedChartText(page: Page) {
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll("svg")].flatMap((svg) => {
      const vb = svg.viewBox.baseVal;
      if (!vb || vb.width === 0) return [];
      return [...svg.querySelectorAll("text")].flatMap((t) => {
        const b = t.getBBox();
        const inside =
          b.x >= vb.x - 1 &&
          b.y >= vb.y - 1 &&
          b.x + b.width <= vb.x + vb.width + 1 &&
          b.y + b.height <= vb.y + vb.height + 1;
        return inside ? [] : [`${svg.getAttribute("class")}: ${t.textContent}`];
      });
    }),
  );
  expect(outside, "SVG text outside its viewBox").toEqual([]);
}

for (const [label, width, height] of [
  ["390 px", 390, 844],
  ["desktop", 1280, 900],
] as const) {
  test(`the report with progress is readable at ${label}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await signIn(page, email, password);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    const response = await page.goto(reportPath);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "进步情况" })).toBeVisible();
    await expect(page.getByText("与上次评估（2024）相比")).toBeVisible();
    await expect(page.locator("svg.trend")).toBeVisible();
    expect(await cjkFontReady(page), "the CJK font").toBeGreaterThan(11);
    await noPageOverflow(page, width);
    await noClippedChartText(page);
    const regions = page.locator(".table-scroll[role=region]");
    expect(await regions.count()).toBeGreaterThanOrEqual(3);
    for (const region of await regions.all()) {
      await expect(region).toHaveAttribute("tabindex", "0");
      await region.focus();
      await expect(region).toBeFocused();
    }
    await expectAccessible(page);
  });
}

test("the report in English at 390 px: the radar's longest labels stay inside the chart", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.getByRole("button", { name: "切换为英文界面" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const response = await page.goto(reportPath);
  expect(response?.status()).toBe(200);
  await expect(page.locator("svg.radar text", { hasText: "integration" })).toHaveCount(1);
  await noPageOverflow(page, 390);
  await noClippedChartText(page);
});

test("the questionnaire has no horizontal page overflow at 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  const response = await page.goto(questionnairePath);
  expect(response?.status()).toBe(200);
  await page.waitForLoadState("networkidle");
  await noPageOverflow(page, 390);
  await expectAccessible(page);
});
