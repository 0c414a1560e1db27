// Two server processes on one PostgreSQL database behave as one portal (issue 15 item 2): a session made on
// node A works on node B (cookies are per host, not per port), and a release an analyst publishes on A is
// what B serves at once, on its pages and in its open data API. Skipped on PGlite: one process owns a data
// folder, so there is no second node to start.
import { expect, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { expectAccessible, PASSWORD, signIn } from "~test/e2e/support/helpers";
import { ownServer } from "~test/e2e/support/own-server";
import { insertRelease } from "~test/support/releases";

const own = ownServer(16, "two-nodes");
const analystEmail = `two-nodes-${Date.now()}@example.test`;
const throttledEmail = `two-nodes-throttle-${Date.now()}@example.test`;
let nodeB = "";

test.skip(!process.env.DATABASE_URL, "a second node needs PostgreSQL");
test.describe.configure({ mode: "serial" });
test.use({ baseURL: own.baseURL });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await own.start(async (handle) => {
    await insertRelease(handle.db, { number: 1, label: "双节点第一期" });
    await insertRelease(handle.db, { number: 2, status: "built", label: "双节点第二期", shift: 3 });
    const { useDatabase } = await import("~/platform/db.server");
    useDatabase(handle);
    const { createUser } = await import("~/accounts/user.server");
    const analyst = await createUser({
      email: analystEmail,
      password: PASSWORD,
      displayName: "双节点分析员",
      locale: "zh",
    });
    await handle.db.execute(
      sql`insert into role_grants (user_id, role, scope) values (${analyst.id}, 'analyst', null)`,
    );
    await createUser({ email: throttledEmail, password: PASSWORD, displayName: "双节点限流", locale: "zh" });
  });
  nodeB = await own.startNode(17);
});

test.afterAll(() => own.stop());

test("a session from node A works on node B, and B serves the release A publishes", async ({ page, request }) => {
  await signIn(page, analystEmail);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto(`${nodeB}/account`);
  await expect(page).toHaveURL(`${nodeB}/account`);
  await expect(page.getByText(analystEmail).first()).toBeVisible();

  const numbers = async () =>
    (
      (await (await request.get(`${nodeB}/api/v1/releases`)).json()) as { releases: Array<{ number: number }> }
    ).releases.map((r) => r.number);
  expect(await numbers()).toEqual([1]);

  await page.goto("/admin/releases");
  await page.getByRole("button", { name: "发布此期" }).click();
  await page.getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByRole("status")).toContainText("第 2 期已发布。");

  expect((await numbers()).sort()).toEqual([1, 2]);
  await page.goto(`${nodeB}/statistics/releases`);
  await expect(page.getByText("双节点第二期").first()).toBeVisible();
  await expectAccessible(page);
});

test("wrong passwords on node A and node B add up, and the right one is then refused on both", async ({ page }) => {
  const attempt = async (node: string, password: string) => {
    await page.goto(`${node}/login`);
    await page.getByLabel("电子邮箱").fill(throttledEmail);
    await page.getByLabel("密码").fill(password);
    const response = page.waitForResponse(
      (r) => r.url().startsWith(`${node}/login`) && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "登录", exact: true }).click();
    const status = (await response).status();
    await expect(page.getByRole("alert")).toBeVisible();
    return { status, alert: await page.getByRole("alert").textContent() };
  };
  // Three failures on A and two on B: neither node alone has seen the limit of five.
  for (let i = 1; i <= 5; i++) {
    const { alert } = await attempt(i % 2 ? own.baseURL : nodeB, `wrong password ${i}`);
    expect(alert).toContain("邮箱或密码不正确");
  }
  for (const node of [nodeB, own.baseURL]) {
    const { status, alert } = await attempt(node, PASSWORD);
    expect(status).toBe(429);
    expect(alert).toContain("登录失败次数过多");
  }
  await expectAccessible(page);
});
