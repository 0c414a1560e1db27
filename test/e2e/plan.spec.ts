// The improvement plan in Chromium, on a server of its own with a firm that submitted in 2025: the owner adds
// three actions (two from the report's priorities), assigns one to a colleague and marks one done; a member
// of another firm gets 404; the firm's 2026 assessment then shows the movement on the plan page, and its
// report (2026 is in no release) the peer band of 2025, named, in the page and in the PDF with the plan.
import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, PASSWORD, signIn } from "~test/e2e/support/helpers";
import { ownServer } from "~test/e2e/support/own-server";
import { answersAtLevel, loadVersion } from "~test/support/assessment-fixtures";

const own = ownServer(14, "plan");
test.describe.configure({ mode: "serial" });
test.use({ baseURL: own.baseURL });

const stamp = Date.now();
const email = (who: string) => `plan-${who}-${stamp}@example.test`;
const ids = { firm: "", assessment: "" };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await own.start(async (handle) => {
    const { useDatabase } = await import("~/platform/db.server");
    useDatabase(handle);
    const { syncQuestionnaireVersions, getQuestionnaireVersion } = await import("~/assessment/questionnaire.server");
    const { startAssessment, submitAssessment } = await import("~/assessment/assessment.server");
    const { createUser } = await import("~/accounts/user.server");
    const { createFirm } = await import("~/firms/firm.server");
    const { firmInput } = await import("~test/support/factories");
    const { memberships } = await import("~db/schema");
    await syncQuestionnaireVersions();
    const user = (who: string, name: string) =>
      createUser({ email: email(who), password: PASSWORD, displayName: name, locale: "zh" });
    const [owner, colleague, stranger] = [
      await user("owner", "E2E 负责人"),
      await user("colleague", "E2E 同事"),
      await user("stranger", "E2E 外人"),
    ];
    const firm = await createFirm(owner.id, firmInput({ name: `计划测试企业 ${stamp}` }));
    await createFirm(stranger.id, firmInput());
    await handle.db.insert(memberships).values({ firmId: firm.id, userId: colleague.id, role: "member" });
    const version = (await getQuestionnaireVersion("qmd-2025"))!;
    const draft = await startAssessment(firm.id, owner.id, version, "2025");
    const done = await submitAssessment({
      assessment: draft,
      version,
      userId: owner.id,
      baseVersion: draft.version,
      answers: answersAtLevel(version.compiled, 2),
    });
    if (!done.ok) throw new Error("the 2025 assessment did not submit");
    ids.firm = firm.id;
    ids.assessment = draft.id;
    // A published release of 2024 and 2025 that does not count this firm: its 2026 report falls back to 2025.
    const { synthRelease } = await import("~test/e2e/support/synth-release");
    await synthRelease(handle, { seed: 21, firms: 1200, label: "计划测试期" });
  });
});

test.afterAll(() => own.stop());

async function accessibleAtBothWidths(page: Page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the owner plans from the report; the next assessment shows the movement; strangers get 404", async ({
  page,
  browser,
}) => {
  // About 25 s alone, over 70 s beside a CPU load: a journey, kept whole, with room.
  test.setTimeout(240_000);
  const plan = `/firms/${ids.firm}/plan`;
  const report = `/firms/${ids.firm}/assessments/${ids.assessment}/report`;
  await signIn(page, email("owner"));
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));

  await page.goto(report);
  await accessibleAtBothWidths(page);
  const adds = page.locator("section[aria-labelledby='plan-add-from-report'] button");
  expect(await adds.count()).toBeGreaterThan(2);
  await adds.first().click();
  await expect(page).toHaveURL(/\/plan\?added=1/);
  await page.goto(report);
  await adds.last().click();
  await expect(page).toHaveURL(/\/plan\?added=1/);

  // A third action of the firm's own, assigned to the colleague.
  await page.locator("#title").fill("每月召开质量数据复盘会");
  await page.locator("#dimension").selectOption({ index: 1 });
  await page.locator("#ownerId").selectOption({ label: "E2E 同事" });
  await page.locator("#dueDate").fill("2027-03-31");
  await page.getByRole("button", { name: "加入计划", exact: true }).click();
  await expect(page).toHaveURL(/\/plan\?added=1/);
  const items = page.locator("article.plan-item");
  await expect(items).toHaveCount(3);
  await expect(items.nth(2)).toContainText("E2E 同事");

  // Mark the first one done.
  const first = items.first();
  await first.locator("summary").click();
  await first.getByLabel("状态").selectOption({ label: "已完成" });
  await first.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/plan\?saved=1/);
  await expect(items.first()).toContainText("已完成");
  await expect(page.locator("h1")).toContainText("改进计划");
  await accessibleAtBothWidths(page);

  // A member of another firm.
  const other = await browser.newContext({ baseURL: own.baseURL });
  const strangerPage = await other.newPage();
  await signIn(strangerPage, email("stranger"));
  await strangerPage.waitForURL((url) => !url.pathname.startsWith("/login"));
  expect((await strangerPage.goto(plan))?.status()).toBe(404);
  await other.close();

  // The next period's assessment, submitted through the API, moves the actions' dimensions.
  const started = await page.request.post(`/firms/${ids.firm}/assessments`, {
    form: {},
    headers: { Origin: own.baseURL },
  });
  const next = /\/assessments\/([0-9a-f-]{36})/.exec(started.url())![1]!;
  const version = loadVersion("qmd-2025");
  const submitted = await page.request.post(`/firms/${ids.firm}/assessments/${next}/submit`, {
    data: { version: 1, answers: answersAtLevel(version.compiled, 4) },
    headers: { Origin: own.baseURL },
  });
  expect(submitted.status()).toBe(200);
  await page.goto(plan);
  const progress = items.first().getByRole("table");
  await expect(progress).toContainText("所在维度在两次评估之间的变化");
  await expect(progress).toContainText("2025");
  await expect(progress).toContainText("2026");
  await expect(progress.getByRole("row", { name: /总体阶段/ })).toContainText("+");
  await accessibleAtBothWidths(page);

  // 2026 is in no release: the report compares with the latest published period that has peers, and says so.
  await page.goto(`/firms/${ids.firm}/assessments/${next}/report`);
  await expect(page.getByTestId("peer-compared")).toContainText("与 2025 年同行");
  await expect(page.getByTestId("peer-fallback")).toContainText("尚无统计发布覆盖你的评估期（2026 年）");
  await expect(page.getByTestId("peer-band")).toContainText("十分位");
  await expect(page.locator("section.plan-section")).toContainText("每月召开质量数据复盘会");
  await accessibleAtBothWidths(page);

  // Its PDF carries the firm, the stage name in Chinese and the plan.
  const pdf = await page.request.get(`/firms/${ids.firm}/assessments/${next}/report.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = (await pdfText(await pdf.body())).replace(/\s+/g, "");
  const stage = (await page.getByTestId("stage").textContent())!.split("·")[1]!.trim();
  expect(text).toContain(`计划测试企业${stamp}`);
  expect(text).toContain(stage);
  expect(text).toContain("每月召开质量数据复盘会");
  expect(text).toContain("与2025年同行");
});

async function pdfText(data: Buffer): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(data) }).promise;
  let text = "";
  for (let p = 1; p <= doc.numPages; p++)
    text += (await (await doc.getPage(p)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
  return text;
}
