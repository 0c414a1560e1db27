// The edition lifecycle in Chromium (issue 13 item 1, decision 042), on a server of its own: an admin
// imports a broken model and sees the errors with nothing stored, imports 2026 from content/, previews
// it in zh and en, compares it with 2025 and publishes it; one firm starts a 2026 assessment while
// another finishes its 2025 draft; the admin retires 2025 and the 2025 report still opens. Axe on every page.
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, PASSWORD, signIn } from "~test/e2e/support/helpers";
import { ownServer } from "~test/e2e/support/own-server";
import { answersAtLevel, loadVersion } from "~test/support/assessment-fixtures";

const own = ownServer(27, "qnadmin");
test.describe.configure({ mode: "serial" });
test.use({ baseURL: own.baseURL });

const stamp = Date.now();
const email = (who: string) => `qnadmin-${who}-${stamp}@example.test`;
const ids = { finishing: "", starting: "", draft: "" };
const v2026 = loadVersion("qmd-2026");

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await own.start(async (handle) => {
    const { useDatabase } = await import("~/platform/db.server");
    useDatabase(handle);
    const { syncQuestionnaireVersions, getQuestionnaireVersion } = await import("~/assessment/questionnaire.server");
    const { startAssessment } = await import("~/assessment/assessment.server");
    const { createUser } = await import("~/accounts/user.server");
    const { grantRole } = await import("~/accounts/role-grant.server");
    const { createFirm } = await import("~/firms/firm.server");
    const { firmInput } = await import("~test/support/factories");
    const { assessments } = await import("~db/schema");
    const { eq } = await import("drizzle-orm");
    await syncQuestionnaireVersions();
    const user = (who: string) => createUser({ email: email(who), password: PASSWORD, displayName: who, locale: "zh" });
    const [admin, finisher, starter] = [await user("admin"), await user("finisher"), await user("starter")];
    await grantRole(admin.id, admin.id, "admin", null);
    const finishing = await createFirm(finisher.id, firmInput({ name: `版本测试甲 ${stamp}` }));
    const starting = await createFirm(starter.id, firmInput({ name: `版本测试乙 ${stamp}` }));
    // A 2025 draft with every question answered, left unsubmitted.
    const v2025 = (await getQuestionnaireVersion("qmd-2025"))!;
    const draft = await startAssessment(finishing.id, finisher.id, v2025, "2026");
    await handle.db
      .update(assessments)
      .set({ answers: answersAtLevel(v2025.compiled, 3) })
      .where(eq(assessments.id, draft.id));
    Object.assign(ids, { finishing: finishing.id, starting: starting.id, draft: draft.id });
  });
});

test.afterAll(() => own.stop());

async function accessible(page: Page) {
  await expectAccessible(page);
}

test("an admin imports, previews, compares, publishes 2026 and retires 2025 while firms carry on", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await signIn(page, email("admin"));
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto("/admin/questionnaires");
  await expect(page).toHaveTitle(/问卷版本/);
  await accessible(page);

  // A broken model: the errors name the field, and nothing is stored.
  const model = JSON.parse(readFileSync("content/models/qmd-2026.json", "utf8"));
  Object.assign(model, { id: "qmd-broken", questionnaire: "qmd-broken" });
  model.dimensions[0].weight = 0.5;
  await page.getByLabel(/问卷文件/).setInputFiles({
    name: "qmd-broken.json",
    mimeType: "application/json",
    buffer: readFileSync("content/questionnaires/qmd-2026.json"),
  });
  await page.getByLabel(/对标模型文件/).setInputFiles({
    name: "qmd-broken.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(model)),
  });
  await page.getByRole("button", { name: "校验并导入上传的文件" }).click();
  const problems = page.getByRole("alert");
  await expect(problems).toContainText("未导入");
  await expect(problems).toContainText("dimension weights do not sum to 1");
  await accessible(page);
  await page.goto("/admin/questionnaires");
  await expect(page.getByRole("link", { name: "查看 qmd-broken" })).toHaveCount(0);

  // 2026 from content/: it replaces the synced draft; previewed in both languages; compared with 2025.
  await page.getByLabel("文件对").selectOption("qmd-2026");
  await page.getByRole("button", { name: "校验并导入", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/questionnaires\/qmd-2026\?done=replaced$/);
  await expect(page.getByRole("status")).toContainText("qmd-2026");
  await expect(page.getByRole("heading", { name: "与 qmd-2025 比较" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /新增问题/ })).toBeVisible();
  await expect(page.getByText("scn_supplier_data")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await accessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("link", { name: "预览（中文）" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(v2026.definition.title.default);
  await expect(page).toHaveTitle(/qmd-2026 预览/);
  await accessible(page);
  await page.getByRole("link", { name: "预览（English）" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(v2026.definition.title.en);
  await expect(page.getByText("Choose one").first()).toBeVisible();
  await accessible(page);

  await page.goto("/admin/questionnaires/qmd-2026");
  await page.getByRole("button", { name: "发布 qmd-2026" }).click();
  await expect(page.getByRole("heading", { name: "确认发布 qmd-2026？" })).toBeVisible();
  await accessible(page);
  await page.getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByRole("status")).toContainText(/内容哈希：[0-9a-f]{64}/);
  await expect(page.getByRole("button", { name: "发布 qmd-2026" })).toHaveCount(0);
  await accessible(page);

  // One firm starts in 2026 while the other finishes its 2025 draft.
  const starter = await (await browser.newContext({ baseURL: own.baseURL })).newPage();
  await signIn(starter, email("starter"));
  await starter.waitForURL((url) => !url.pathname.startsWith("/login"));
  await starter.goto(`/firms/${ids.starting}/assessments`);
  await expect(starter.getByText(`共 ${v2026.model.indicators.length} 个计分问题`)).toBeVisible();
  await starter.getByRole("button", { name: /开始/ }).click();
  await expect(starter).toHaveURL(/\/assessments\/[0-9a-f-]{36}$/);
  await accessible(starter);

  const finisher = await (await browser.newContext({ baseURL: own.baseURL })).newPage();
  await signIn(finisher, email("finisher"));
  await finisher.waitForURL((url) => !url.pathname.startsWith("/login"));
  await finisher.goto(`/firms/${ids.finishing}/assessments/${ids.draft}/review`);
  await expect(finisher.getByText("所有计分问题都已回答，可以提交。")).toBeVisible();
  await finisher.getByRole("button", { name: "提交评估" }).click();
  await expect(finisher).toHaveURL(/\/report$/);
  await accessible(finisher);

  // 2025 retired: its report keeps working.
  await page.goto("/admin/questionnaires/qmd-2025");
  await page.getByRole("button", { name: "停用 qmd-2025" }).click();
  await page.getByRole("button", { name: "确认停用" }).click();
  await expect(page.getByRole("status")).toContainText("开放新评估的版本：qmd-2026");
  await accessible(page);
  await page.goto("/admin/questionnaires");
  await expect(page.getByRole("row", { name: /qmd-2025/ })).toContainText("已停用");
  await expect(page.getByRole("row", { name: /qmd-2026/ })).toContainText("开放新评估");
  await accessible(page);
  expect((await finisher.goto(`/firms/${ids.finishing}/assessments/${ids.draft}/report`))!.status()).toBe(200);
  await accessible(finisher);
});
