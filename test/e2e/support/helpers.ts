import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { creditCodeCheckCharacter } from "~/firms/credit-code";

export const PASSWORD = "e2e password 123";

export function uniqueEmail(prefix = "e2e"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export function validCreditCode(): string {
  const serial = String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
  const body = `91330100${serial}X`.slice(0, 17);
  return body + creditCodeCheckCharacter(body);
}

/** Fail with the list of WCAG 2.1 A/AA violations axe finds on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** A page answers 200 in Chinese with one h1 and no axe violation. */
export async function expectChinesePage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.locator("h1")).toHaveCount(1);
  await expectAccessible(page);
}

export async function signUp(page: Page, email: string, name = "E2E 用户", redirectTo?: string): Promise<void> {
  await page.goto(redirectTo ? `/signup?${new URLSearchParams({ redirectTo })}` : "/signup");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("姓名或称呼").fill(name);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册" }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录", exact: true }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
}

export interface FirmFields {
  name?: string;
  creditCode?: string;
}

/** Fill and submit the firm profile form (on /firms/new or an edit page). */
export async function fillFirmForm(page: Page, fields: FirmFields = {}): Promise<void> {
  await page.getByLabel("企业名称").fill(fields.name ?? `E2E 测试企业 ${randomUUID().slice(0, 6)}`);
  await page.getByLabel("统一社会信用代码").fill(fields.creditCode ?? validCreditCode());
  await page.getByLabel("所属行业（国民经济行业分类大类）").selectOption("C36");
  await page.getByLabel("所在省份").selectOption("330000");
  await page.getByLabel("从业人员数（人）").fill("320");
  await page.getByLabel("上年营业收入（万元）").fill("8000");
}

/** Sign up a new user who creates a firm; returns the firm's id. */
export async function newUserWithFirm(page: Page, email = uniqueEmail()): Promise<{ email: string; firmId: string }> {
  await signUp(page, email);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/firms/new");
  await fillFirmForm(page);
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page).toHaveURL(/\/firms\/[0-9a-f-]{36}\?created=1$/);
  const firmId = /\/firms\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  return { email, firmId };
}

/** The owner (on `owner`) invites a colleague who signs up (on `colleague`) and joins the firm. */
export async function inviteColleague(
  owner: Page,
  colleague: Page,
  firmId: string,
  colleagueEmail = uniqueEmail("colleague"),
): Promise<string> {
  await owner.goto(`/firms/${firmId}`);
  await owner.getByLabel("同事的电子邮箱").fill(colleagueEmail);
  await owner.getByRole("button", { name: "发送邀请" }).click();
  const link = (await owner.getByTestId("invitation-link").textContent())!.trim();
  const path = new URL(link).pathname;
  await signUp(colleague, colleagueEmail, "E2E 同事", path);
  await expect(colleague).toHaveURL(new RegExp(`${path}$`));
  await colleague.getByRole("button", { name: "接受邀请" }).click();
  await expect(colleague).toHaveURL(new RegExp(`/firms/${firmId}\\?joined=1$`));
  return colleagueEmail;
}

/** Sign in, or sign up the first time (for the bootstrap admin of the e2e server). */
export async function signInOrUp(page: Page, email: string, name = "E2E 管理员"): Promise<void> {
  const settled = () => Promise.race([page.waitForURL(/\/account$/), page.getByRole("alert").waitFor()]);
  await signIn(page, email, PASSWORD);
  await settled();
  if (!/\/account$/.test(page.url())) {
    await signUp(page, email, name);
    await settled();
    // Another test may have signed the same account up a moment before: then sign in.
    if (!/\/account$/.test(page.url())) await signIn(page, email, PASSWORD);
  }
  await expect(page).toHaveURL(/\/account$/);
}

/** As an administrator (on `admin`), grant a role to the user with this email. */
export async function grantRoleByEmail(admin: Page, email: string, role: "analyst" | "admin"): Promise<void> {
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = admin.getByRole("row", { name: new RegExp(email) });
  await row.getByLabel("角色").selectOption(role);
  await row.getByRole("button", { name: "授予" }).click();
  await expect(admin.getByRole("status")).toContainText("角色已授予");
}

export interface CaseFields {
  title?: string;
  problem?: string;
  approach?: string;
  scene?: string;
}

/** Fill the case form with a valid case (on the new-case or edit page). */
export async function fillCaseForm(page: Page, fields: CaseFields = {}): Promise<void> {
  await page.getByLabel("标题 *").fill(fields.title ?? `E2E 案例 ${randomUUID().slice(0, 6)}`);
  await page.getByLabel("概要（一两句话） *").fill("在机测量数据写回刀补，关键尺寸稳定。");
  await page.getByLabel("面临的问题 *").fill(fields.problem ?? "关键尺寸**波动大**。");
  await page.getByLabel("做法 *").fill(fields.approach ?? "- 加装测头\n- 数据进入 SPC 系统");
  const row = page.getByRole("group", { name: "第 1 项成效" });
  await row.getByLabel("指标").fill("关键尺寸 Cpk");
  await row.getByLabel("改进前").fill("1.0");
  await row.getByLabel("改进后").fill("1.6");
  await row.getByLabel("单位").fill("无量纲");
  await row.getByLabel("统计期间").fill("2025年");
  if (fields.scene) await page.getByRole("group", { name: "对应场景" }).getByLabel(fields.scene).check();
}

/** A firm member drafts a case through the UI; returns its id. */
export async function draftCase(page: Page, firmId: string, fields: CaseFields = {}): Promise<string> {
  await page.goto(`/firms/${firmId}/cases/new`);
  await fillCaseForm(page, fields);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}\?done=save$/);
  return /\/cases\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}
