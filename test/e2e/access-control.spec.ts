import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { E2E_ADMIN_EMAIL } from "../../playwright.config";
import { expectAccessible, newUserWithFirm, PASSWORD, signIn, signUp } from "./support/helpers";

interface BuiltRoute { id: string; path?: string; index?: boolean; module: { loader?: unknown; action?: unknown } }

/** Every route of the built app, so a route added later is tried too. */
async function builtRoutes(): Promise<BuiltRoute[]> {
  const build = (await import(pathToFileURL(resolve("build/index.js")).href)) as { routes: Record<string, BuiltRoute> };
  return Object.values(build.routes).filter((r) => r.id !== "root");
}

const fill = (path: string, params: Record<string, string>) => "/" + path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? "x");

async function post(request: APIRequestContext, baseURL: string, path: string) {
  return request.post(path, { headers: { Origin: baseURL }, form: { intent: "invite", email: "probe@example.test", name: "Probe" }, maxRedirects: 0 });
}

test.describe("no firm member can reach another firm's pages", () => {
  test("every :firmId route, read and write, as a member of another firm", async ({ browser, baseURL }) => {
    const routes = (await builtRoutes()).filter((r) => r.path?.includes(":firmId"));
    expect(routes.length).toBeGreaterThanOrEqual(2);
    const ctxA = await browser.newContext();
    const ctxB = await browser.newContext();
    const a = await newUserWithFirm(await ctxA.newPage());
    const b = await newUserWithFirm(await ctxB.newPage());
    const pageA = await ctxA.newPage();

    for (const route of routes) {
      const own = fill(route.path!, { firmId: a.firmId });
      const foreign = fill(route.path!, { firmId: b.firmId });
      // The route works for its own firm, so a refusal below means something.
      expect((await pageA.goto(own))?.status(), own).toBe(200);
      const read = await pageA.goto(foreign);
      expect([403, 404], `GET ${route.path}`).toContain(read?.status());
      await expect(pageA.getByText(b.email)).toHaveCount(0);
      await expectAccessible(pageA);
      expect([403, 404], `GET ${route.path} with a malformed id`).toContain((await pageA.goto(fill(route.path!, { firmId: "not-a-uuid" })))?.status());
      if (route.module.action) {
        const write = await post(ctxA.request, baseURL!, foreign);
        expect([403, 404], `POST ${route.path}`).toContain(write.status());
      }
    }
    await ctxA.close();
    await ctxB.close();
  });

  test("signed-out visitors are sent to sign in from every private route", async ({ page }) => {
    const privateRoutes = (await builtRoutes()).filter((r) => r.path && /^(account|firms|admin)/.test(r.path));
    for (const route of privateRoutes) {
      const path = fill(route.path!, { firmId: "00000000-0000-4000-8000-000000000000" });
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/login\?redirectTo=/);
    }
  });

  test("a cross-site form post is refused", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL: baseURL! });
    const res = await api.post("/login", { headers: { Origin: "https://evil.example" }, form: { email: "a@example.test", password: "x" } });
    expect(res.status()).toBe(403);
    expect((await res.json()).message).toMatch(/Cross-origin/);
    await api.dispose();
  });
});

test.describe("staff pages", () => {
  test("a firm member gets 403 on every admin route", async ({ page, baseURL }) => {
    await newUserWithFirm(page);
    const adminRoutes = (await builtRoutes()).filter((r) => r.path?.startsWith("admin"));
    expect(adminRoutes.length).toBeGreaterThanOrEqual(4);
    for (const route of adminRoutes) {
      expect((await page.goto(`/${route.path}`))?.status(), route.path).toBe(403);
      await expectAccessible(page);
      if (route.module.action) expect((await post(page.request, baseURL!, `/${route.path}`)).status()).toBe(403);
    }
  });

  test("an administrator manages roles, and the audit log records it", async ({ page, browser }) => {
    const target = browser.newContext();
    const targetPage = await (await target).newPage();
    const { email: targetEmail } = await newUserWithFirm(targetPage);
    await (await target).close();

    await signInOrUp(page, E2E_ADMIN_EMAIL);
    await page.goto("/admin");
    await expectAccessible(page);
    await page.getByRole("link", { name: "用户与角色" }).click();
    await page.getByLabel("按邮箱或姓名搜索").fill(targetEmail);
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page.getByRole("cell", { name: new RegExp(targetEmail) })).toBeVisible();
    await expectAccessible(page);
    const row = page.getByRole("row", { name: new RegExp(targetEmail) });
    await row.getByLabel("角色").selectOption("government");
    await row.getByLabel("辖区").selectOption("330000");
    await row.getByRole("button", { name: "授予" }).click();
    await expect(page.getByRole("status")).toContainText("角色已授予");
    await page.goto(`/admin/users?q=${encodeURIComponent(targetEmail)}`);
    await expect(page.getByRole("row", { name: new RegExp(targetEmail) })).toContainText("政府查看者（浙江省）");
    await page.goto("/admin/audit");
    await expect(page.getByRole("cell", { name: "role.granted" }).first()).toBeVisible();
    await expectAccessible(page);
    await page.goto("/admin/outbox");
    await expectAccessible(page);
  });
});

async function signInOrUp(page: Page, email: string) {
  await signIn(page, email, PASSWORD);
  if (!/\/account$/.test(page.url())) {
    await signUp(page, email, "E2E 管理员");
  }
  await expect(page).toHaveURL(/\/account$/);
}
