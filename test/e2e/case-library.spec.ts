import { expect, test } from "@playwright/test";
import { E2E_ADMIN_EMAIL } from "~test/e2e/support/admin";
import {
  expectAccessible,
  fillCaseForm,
  grantRoleByEmail,
  newUserWithFirm,
  signInOrUp,
  uniqueEmail,
} from "~test/e2e/support/helpers";

const SCENE = "数控加工在机测量与刀具补偿闭环";
const SCENE_SLUG = "cnc-on-machine-measurement-closed-loop";

test("a case goes from a firm's draft through review and return to publication, and hostile markdown is neutralised", async ({
  browser,
}) => {
  test.slow();
  // A rare two-character word makes the search result unambiguous.
  const keyword = "鲲鹏";
  const title = `${keyword}刀补闭环 ${Date.now() % 100000}`;

  const member = await (await browser.newContext()).newPage();
  const { firmId } = await newUserWithFirm(member);
  await member.goto(`/firms/${firmId}`);
  await member.getByRole("main").getByRole("link", { name: "典型案例" }).click();
  await expect(member.getByRole("heading", { level: 1 })).toContainText("的案例");
  await expectAccessible(member);
  await member.getByRole("link", { name: "撰写新案例" }).click();
  await expectAccessible(member);

  // A first try without results shows a clear error and keeps what was typed.
  await member.getByLabel("标题 *").fill(title);
  await member.getByRole("button", { name: "保存" }).click();
  await expect(member.getByRole("alert")).toContainText("请至少填写一项完整的量化成效");
  await expect(member.getByLabel("标题 *")).toHaveValue(title);
  await expectAccessible(member);

  await fillCaseForm(member, {
    title,
    scene: SCENE,
    problem: '尺寸波动。<script>window.__pwned = 1</script>\n\n<img src=x onerror="window.__pwned = 2">',
    approach: "详见[说明](javascript:window.__pwned=3)与[标准](https://www.samr.gov.cn/)。",
  });
  await member.getByRole("group", { name: "对应指南条款" }).getByLabel("第13条", { exact: true }).check();
  await member.getByRole("button", { name: "保存" }).click();
  await expect(member).toHaveURL(/\/cases\/[0-9a-f-]{36}\?done=save$/);
  const caseId = /\/cases\/([0-9a-f-]{36})/.exec(member.url())![1]!;
  await expect(member.getByRole("status")).toContainText("已保存");

  // Submitting needs explicit consent.
  await member.getByRole("button", { name: "提交审核" }).click();
  await expect(member.getByRole("alert")).toContainText("提交前须勾选同意发布");
  await member.getByLabel(/我确认有权代表本企业同意/).check();
  await member.getByRole("button", { name: "提交审核" }).click();
  await expect(member.getByRole("status")).toContainText("已提交审核");
  await expect(member.getByText("已提交，待审核").first()).toBeVisible();
  await expectAccessible(member);

  // Not public yet.
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(`/cases/${caseId}`))?.status()).toBe(404);

  // An analyst (granted the role by an administrator) returns it with a comment.
  const admin = await (await browser.newContext()).newPage();
  await signInOrUp(admin, E2E_ADMIN_EMAIL);
  const analyst = await (await browser.newContext()).newPage();
  const analystEmail = uniqueEmail("analyst");
  await newUserWithFirm(analyst, analystEmail);
  await grantRoleByEmail(admin, analystEmail, "analyst");
  await analyst.goto("/review/cases");
  await expectAccessible(analyst);
  await analyst.getByRole("link", { name: title }).click();
  await expect(analyst.locator("script:not([nonce])")).toHaveCount(0);
  await expectAccessible(analyst);
  await analyst.getByRole("button", { name: "退回修改" }).click();
  await expect(analyst.getByRole("alert")).toContainText("请填写意见");
  await analyst.getByLabel("意见").fill("请补充改进前后的统计口径。");
  await analyst.getByRole("button", { name: "退回修改" }).click();
  await expect(analyst.getByRole("status")).toContainText("已退回企业修改");

  // The member sees the comment, edits and resubmits.
  await member.goto(`/firms/${firmId}/cases/${caseId}`);
  await expect(member.getByText("已退回修改").first()).toBeVisible();
  await expect(member.getByText("请补充改进前后的统计口径。")).toBeVisible();
  await member.getByRole("group", { name: "第 1 项成效" }).getByLabel("统计期间").fill("2024年1月—2025年6月");
  await member.getByLabel(/我确认有权代表本企业同意/).check();
  await member.getByRole("button", { name: "提交审核" }).click();
  await expect(member.getByRole("status")).toContainText("已提交审核");

  // The analyst publishes it.
  await analyst.goto(`/review/cases/${caseId}`);
  await analyst.getByRole("button", { name: "发布" }).click();
  await expect(analyst.getByRole("status")).toContainText("案例已发布");
  await expect(analyst.getByText("请补充改进前后的统计口径。")).toBeVisible();

  // The public finds it in the library, by a two-character Chinese keyword, and under its scene.
  let alerted = false;
  visitor.on("dialog", (d) => {
    alerted = true;
    void d.dismiss();
  });
  await visitor.goto("/cases");
  await visitor.getByLabel("关键词").fill(keyword);
  await visitor.getByRole("button", { name: "筛选" }).click();
  await expect(visitor).toHaveURL(new RegExp(`q=${encodeURIComponent(keyword)}`));
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(visitor);
  await visitor.getByRole("link", { name: title }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(visitor.getByText("浙江省一家中型汽车制造业企业")).toBeVisible();
  await expect(visitor.getByText("2024年1月—2025年6月")).toBeVisible();
  // The hostile markdown shows as text: no script ran, no image, no javascript: link.
  await expect(visitor.locator(".case-body script")).toHaveCount(0);
  await expect(visitor.locator(".case-body img")).toHaveCount(0);
  await expect(visitor.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: "标准" })).toHaveAttribute("href", "https://www.samr.gov.cn/");
  expect(await visitor.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(alerted).toBe(false);
  await expectAccessible(visitor);
  await visitor.getByRole("link", { name: SCENE }).click();
  await expect(visitor).toHaveURL(new RegExp(`/scenes/${SCENE_SLUG}$`));
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(visitor);
  await visitor.goto("/guide/13");
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();

  // The firm withdraws it; it leaves the library.
  await member.goto(`/firms/${firmId}/cases/${caseId}`);
  await member.getByRole("button", { name: "撤回案例" }).click();
  await expect(member.getByRole("status")).toContainText("案例已撤回");
  expect((await visitor.goto(`/cases/${caseId}`))?.status()).toBe(404);
});

test("an analyst edits a scene and the catalogue keeps its history", async ({ browser }) => {
  test.slow();
  const admin = await (await browser.newContext()).newPage();
  await signInOrUp(admin, E2E_ADMIN_EMAIL);
  const analyst = await (await browser.newContext()).newPage();
  const email = uniqueEmail("scene-analyst");
  await newUserWithFirm(analyst, email);
  await grantRoleByEmail(admin, email, "analyst");
  await analyst.goto(`/scenes/${SCENE_SLUG}`);
  await analyst.getByRole("link", { name: "编辑场景" }).click();
  await expectAccessible(analyst);
  const summary = analyst.getByLabel("概要（中文）");
  const original = await summary.inputValue();
  await summary.fill(`${original}（分析员补充：适用于多品种小批量。）`);
  await analyst.getByLabel("效果衡量方法（每行一条，中英文行数相同）（英文）").fill("only one line");
  await analyst.getByRole("button", { name: "保存" }).click();
  await expect(analyst.getByRole("alert")).toContainText("行数须相同");
  await expectAccessible(analyst);
  await analyst.goto(`/scenes/${SCENE_SLUG}/edit`);
  await analyst.getByLabel("概要（中文）").fill(`${original}（分析员补充：适用于多品种小批量。）`);
  await analyst.getByRole("button", { name: "保存" }).click();
  await expect(analyst.getByRole("status")).toContainText(/已保存为第 \d+ 版/);
  await analyst.goto(`/scenes/${SCENE_SLUG}`);
  await expect(analyst.getByText("适用于多品种小批量")).toBeVisible();
  await analyst.getByRole("link", { name: "修订记录" }).click();
  await expect(analyst.getByText(/第 1 版/)).toBeVisible();
  await expect(analyst.getByText(/第 2 版|第 3 版/).first()).toBeVisible();
  await expectAccessible(analyst);
});
