import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { E2E_ADMIN_EMAIL } from "~test/e2e/support/admin";
import { draftCase, expectAccessible, newUserWithFirm, signInOrUp } from "~test/e2e/support/helpers";

interface BuiltRoute {
  id: string;
  path?: string;
  index?: boolean;
  module: { loader?: unknown; action?: unknown; default?: unknown };
}

/** Every route of the built app, so a route added later is tried too. */
async function builtRoutes(): Promise<BuiltRoute[]> {
  const build = (await import(pathToFileURL(resolve("build/index.js")).href)) as { routes: Record<string, BuiltRoute> };
  return Object.values(build.routes).filter((r) => r.id !== "root");
}

const fill = (path: string, params: Record<string, string>) =>
  "/" + path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? "x");

async function post(request: APIRequestContext, baseURL: string, path: string) {
  return request.post(path, {
    headers: { Origin: baseURL },
    form: { intent: "invite", email: "probe@example.test", name: "Probe" },
    maxRedirects: 0,
  });
}

test.describe("no firm member can reach another firm's pages", () => {
  // The crawl is split in parts, each with its own two firms, so that no one test runs near its timeout on a
  // busy machine (the whole crawl took over 90 s there, mostly in axe scans) and the parts run in parallel.
  // Every route falls in exactly one part, by its place in the built route list.
  const PARTS = 4;
  for (let part = 0; part < PARTS; part++)
    test(`every :firmId route, read and write, as a member of another firm (part ${part + 1} of ${PARTS})`, async ({
      browser,
      baseURL,
    }) => {
      // 45–55 s a part beside two busy loops, but over 90 s with five more processes building and testing.
      test.slow();
      const all = (await builtRoutes()).filter((r) => r.path?.includes(":firmId"));
      expect(all.length).toBeGreaterThanOrEqual(8);
      const routes = all.filter((_, n) => n % PARTS === part);
      expect(routes.length).toBeGreaterThan(0);
      const ctxA = await browser.newContext();
      const ctxB = await browser.newContext();
      const pageA = await ctxA.newPage();
      const pageB = await ctxB.newPage();
      const a = await newUserWithFirm(pageA);
      const b = await newUserWithFirm(pageB);
      const ids = { a: await startAssessment(pageA, a.firmId), b: await startAssessment(pageB, b.firmId) };
      const cases = { a: await draftCase(pageA, a.firmId), b: await draftCase(pageB, b.firmId) };

      for (const route of routes) {
        const own = fill(route.path!, { firmId: a.firmId, assessmentId: ids.a, caseId: cases.a });
        // The route answers its own firm's member, so a refusal below means something.
        expect([200, 302, 405], `own ${own}`).toContain((await ctxA.request.get(own, { maxRedirects: 0 })).status());
        const probes = [
          fill(route.path!, { firmId: b.firmId, assessmentId: ids.b, caseId: cases.b }), // another firm's page
          fill(route.path!, { firmId: a.firmId, assessmentId: ids.b, caseId: cases.b }), // own firm, another firm's assessment or case
          fill(route.path!, { firmId: b.firmId, assessmentId: ids.a, caseId: cases.a }),
          fill(route.path!, { firmId: "not-a-uuid", assessmentId: "not-a-uuid", caseId: "not-a-uuid" }),
        ];
        for (const foreign of [...new Set(probes)]) {
          if (foreign === own) continue;
          const read = await ctxA.request.get(foreign, { maxRedirects: 0 });
          expect([403, 404], `GET ${foreign}`).toContain(read.status());
          expect(await read.text()).not.toContain(b.email);
          if (route.module.action) {
            const write = await post(ctxA.request, baseURL!, foreign);
            expect([403, 404], `POST ${foreign}`).toContain(write.status());
          }
        }
        const response = await pageA.goto(probes[0]!).catch(() => null);
        if (response?.headers()["content-type"]?.startsWith("text/html")) await expectAccessible(pageA);
      }
      await ctxA.close();
      await ctxB.close();
    });

  test("signed-out visitors are sent to sign in from every private page, and API calls get 401", async ({
    page,
    baseURL,
  }) => {
    const privateRoutes = (await builtRoutes()).filter((r) => r.path && isPrivatePath(r.path));
    const params = {
      firmId: "00000000-0000-4000-8000-000000000000",
      assessmentId: "00000000-0000-4000-8000-000000000001",
      caseId: "00000000-0000-4000-8000-000000000002",
      slug: "cnc-on-machine-measurement-closed-loop",
    };
    for (const route of privateRoutes.filter((r) => r.module.default)) {
      const path = fill(route.path!, params);
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/login\?redirectTo=/);
    }
    const api = privateRoutes.filter((r) => !r.module.default && r.module.action);
    expect(api.length).toBeGreaterThanOrEqual(2);
    for (const route of api) {
      const res = await page.request.post(fill(route.path!, params), {
        headers: { Origin: baseURL!, "Content-Type": "application/json" },
        data: { version: 1 },
      });
      expect(res.status(), route.path).toBe(401);
      expect((await res.json()).error).toBe("unauthenticated");
    }
  });

  test("a cross-site form post is refused", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL: baseURL! });
    const res = await api.post("/login", {
      headers: { Origin: "https://evil.example" },
      form: { email: "a@example.test", password: "x" },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).message).toMatch(/Cross-origin/);
    await api.dispose();
  });
});

test.describe("staff pages", () => {
  // Split like the :firmId crawl: each part is short enough to stay far from its timeout on a busy machine.
  const STAFF_PARTS = 2;
  for (let part = 0; part < STAFF_PARTS; part++)
    test(`a firm member gets 403 on every admin, review and scene-editing route, even with a real case of another firm (part ${part + 1} of ${STAFF_PARTS})`, async ({
      page,
      browser,
      baseURL,
    }) => {
      const other = await (await browser.newContext()).newPage();
      const b = await newUserWithFirm(other);
      const foreignCase = await draftCase(other, b.firmId);
      await newUserWithFirm(page);
      const allStaff = (await builtRoutes()).filter((r) => r.path && isStaffPath(r.path));
      expect(allStaff.length).toBeGreaterThanOrEqual(9);
      for (const route of allStaff.filter((_, n) => n % STAFF_PARTS === part)) {
        const path = fill(route.path!, { caseId: foreignCase, slug: "cnc-on-machine-measurement-closed-loop" });
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        expect(await response?.text()).not.toContain("E2E 案例");
        await expectAccessible(page);
        if (route.module.action) expect((await post(page.request, baseURL!, path)).status()).toBe(403);
      }
      if (part > 0) return;
      // The public page of a case shows only published cases: a draft is 404, as is a made-up id.
      expect((await page.goto(`/cases/${foreignCase}`))?.status()).toBe(404);
      expect((await page.goto("/cases/00000000-0000-4000-8000-000000000009"))?.status()).toBe(404);
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

/** Start the firm's assessment through the UI; returns its id. */
async function startAssessment(page: Page, firmId: string): Promise<string> {
  await page.goto(`/firms/${firmId}/assessments`);
  await page.getByRole("button", { name: /自评估/ }).click();
  await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]{36}$/);
  return /assessments\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/** Pages only staff may open: administration, case review, scene editing. */
function isStaffPath(path: string): boolean {
  return /^(admin|review)/.test(path) || /^scenes\/(new|:slug\/(edit|history))$/.test(path);
}

function isPrivatePath(path: string): boolean {
  return /^(account|firms)/.test(path) || isStaffPath(path);
}
