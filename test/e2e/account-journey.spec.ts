import { expect, test } from "@playwright/test";
import {
  expectAccessible,
  fillFirmForm,
  PASSWORD,
  signIn,
  signOut,
  signUp,
  uniqueEmail,
  validCreditCode,
} from "~test/e2e/support/helpers";

test("a new user signs up, creates a firm, invites a colleague who accepts, and both sign out and in", async ({
  page,
  browser,
}) => {
  // Two users, a firm, an invitation and four sign-ins: 40 s alone, it ran out of 90 s beside a CPU load.
  test.slow();
  const ownerEmail = uniqueEmail("owner");
  const colleagueEmail = uniqueEmail("colleague");

  await signUp(page, ownerEmail, "王经理");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的账户");
  await expectAccessible(page);

  await page.getByRole("link", { name: "创建企业档案" }).click();
  await expect(page).toHaveURL(/\/firms\/new$/);
  await expectAccessible(page);

  // An invalid credit code gets a clear error, in the summary and at the field; the rest is kept.
  await fillFirmForm(page, { name: "E2E 精密机械有限公司", creditCode: "91330100MA2B3C4D5X" });
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page.getByRole("alert")).toContainText("统一社会信用代码的校验位不正确");
  await expect(page.getByLabel("统一社会信用代码")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("企业名称")).toHaveValue("E2E 精密机械有限公司");
  await expectAccessible(page);

  await page.getByLabel("统一社会信用代码").fill("91330100MA2B3C4D");
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page.getByRole("alert")).toContainText("统一社会信用代码应为 18 位");

  await page.getByLabel("统一社会信用代码").fill(validCreditCode());
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page).toHaveURL(/\/firms\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole("status")).toContainText("企业档案已创建");
  await expect(page.getByRole("cell", { name: "中型" })).toBeVisible();
  const firmUrl = new URL(page.url()).pathname;
  await expectAccessible(page);

  await page.getByLabel("同事的电子邮箱").fill(colleagueEmail);
  await page.getByRole("button", { name: "发送邀请" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!.trim();
  expect(link).toMatch(/\/invitations\/[a-z2-7]{32}$/);
  await expect(page.getByRole("cell", { name: colleagueEmail, exact: true })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The colleague, in another browser, follows the link, signs up with the invited email and accepts.
  const other = await browser.newContext();
  const colleague = await other.newPage();
  const invitationPath = new URL(link).pathname;
  await colleague.goto(invitationPath);
  await expect(colleague.getByText(`请先用被邀请的邮箱 ${colleagueEmail} 登录或注册`)).toBeVisible();
  await expectAccessible(colleague);
  await colleague.getByRole("link", { name: "注册" }).last().click();
  await expect(colleague).toHaveURL(/\/signup\?redirectTo=/);
  await colleague.getByLabel("电子邮箱").fill(colleagueEmail);
  await colleague.getByLabel("姓名或称呼").fill("李工程师");
  await colleague.getByLabel("密码").fill(PASSWORD);
  await colleague.getByRole("button", { name: "注册" }).click();
  await expect(colleague).toHaveURL(new RegExp(`${invitationPath}$`));
  await expectAccessible(colleague);
  await colleague.getByRole("button", { name: "接受邀请" }).click();
  await expect(colleague).toHaveURL(new RegExp(`${firmUrl}\\?joined=1$`));
  await expect(colleague.getByRole("cell", { name: "李工程师" })).toBeVisible();
  await expect(colleague.getByRole("cell", { name: "王经理" })).toBeVisible();
  // A member sees no owner tools and cannot edit the profile.
  await expect(colleague.getByRole("heading", { name: "邀请同事" })).toHaveCount(0);
  expect((await colleague.goto(`${firmUrl}/edit`))?.status()).toBe(403);
  await expectAccessible(colleague);

  // The used link is spent.
  await colleague.goto(invitationPath);
  await expect(colleague.getByText("该邀请无效、已过期、已撤销或已被接受。")).toBeVisible();

  await colleague.goto("/account");
  await signOut(colleague);
  await signIn(colleague, colleagueEmail);
  await expect(colleague).toHaveURL(/\/account$/);
  await expectAccessible(colleague);
  await expect(colleague.getByRole("link", { name: "E2E 精密机械有限公司" })).toBeVisible();
  await other.close();

  await signIn(page, ownerEmail);
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("link", { name: "E2E 精密机械有限公司" }).click();
  await expect(page.getByRole("cell", { name: colleagueEmail, exact: true })).toBeVisible();
  await expect(page.getByText("没有待接受的邀请。")).toBeVisible();
});

test("sign-in with a wrong email or password gives one clear message", async ({ page }) => {
  await signIn(page, uniqueEmail("nobody"), "whatever password");
  await expect(page.getByRole("alert")).toContainText("邮箱或密码不正确");
  await expectAccessible(page);
});

test("after sign-in the user lands where they were going", async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email);
  await signOut(page);
  await page.goto("/firms/new");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Ffirms%2Fnew$/);
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/firms\/new$/);
});
