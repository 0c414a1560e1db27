import { expect, test } from "@playwright/test";
import { expectAccessible, PASSWORD, signIn, signOut, signUp, uniqueEmail } from "~test/e2e/support/helpers";

test("five wrong passwords in a row throttle the account, even for the right password", async ({ page }) => {
  const email = uniqueEmail("throttle");
  await signUp(page, email);
  await signOut(page);
  for (let i = 1; i <= 5; i++) {
    await signIn(page, email, `wrong password ${i}`);
    await expect(page.getByRole("alert")).toContainText("邮箱或密码不正确");
  }
  const response = page.waitForResponse((r) => r.url().includes("/login") && r.request().method() === "POST");
  await signIn(page, email, PASSWORD);
  expect((await response).status()).toBe(429);
  await expect(page.getByRole("alert")).toContainText("登录失败次数过多");
  await expect(page).toHaveURL(/\/login$/);
  await expectAccessible(page);
});
