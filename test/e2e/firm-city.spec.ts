import { expect, test } from "@playwright/test";
import { creditCodeCheckCharacter } from "~/firms/credit-code";
import { expectAccessible, fillFirmForm, signIn, signUp, uniqueEmail } from "~test/e2e/support/helpers";

/** A valid code whose registration authority (characters 3–8) is Suzhou, Jiangsu. */
function jiangsuCreditCode(): string {
  const body = `91320500${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}X`.slice(0, 17);
  return body + creditCodeCheckCharacter(body);
}

test("a firm chooses its city from the province's, sees a credit-code warning, and the city is shown", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("city");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/firms/new");
  // Hydrated: the no-JavaScript button that lists a province's cities is gone.
  await expect(page.getByRole("button", { name: "列出该省份的城市" })).toHaveCount(0);
  await fillFirmForm(page, { name: "E2E 城市企业", creditCode: jiangsuCreditCode() });
  const city = page.getByLabel("所在城市（选填）");
  await expect(city.locator("option", { hasText: "宁波市" })).toHaveCount(1);
  await expect(city.locator("option", { hasText: "苏州市" })).toHaveCount(0);
  await city.selectOption({ label: "宁波市" });
  await expectAccessible(page);
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page).toHaveURL(/\/firms\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole("cell", { name: "宁波市" })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("指向江苏省");
  await expectAccessible(page);

  // Without JavaScript a changed province is re-rendered with its cities and a message.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await signIn(plain, email);
  await plain.goto("/firms/new");
  await fillFirmForm(plain, { name: "E2E 无脚本企业" });
  await plain.getByLabel("所在省份").selectOption("320000");
  await plain.getByRole("button", { name: "列出该省份的城市" }).click();
  await expect(plain.getByRole("status")).toContainText("已按所选省份列出城市");
  await expect(plain.getByLabel("所在城市（选填）").locator("option", { hasText: "苏州市" })).toHaveCount(1);
  await expect(plain.getByLabel("企业名称")).toHaveValue("E2E 无脚本企业");
  await context.close();
});
