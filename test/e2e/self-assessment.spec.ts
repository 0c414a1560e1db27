import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { questionsOf } from "~/assessment/questions";
import { scoreAssessment } from "~/assessment/scoring";
import { loadVersionFiles } from "~/assessment/versions.server";
import { expectAccessible, inviteColleague, newUserWithFirm } from "~test/e2e/support/helpers";
import { answerPageByKeyboard, nextPageByKeyboard, plannedAnswer } from "~test/e2e/support/questionnaire";

const version = loadVersionFiles(
  "qmd-2025",
  readFileSync("content/questionnaires/qmd-2025.json", "utf8"),
  readFileSync("content/models/qmd-2025.json", "utf8"),
);
const pages = version.definition.pages;
const STOP_PAGE = 5; // the owner stops on the sixth page, after answering two of its questions

test("a member answers by keyboard, leaves mid-way; a colleague resumes elsewhere, submits and gets the report", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const { firmId } = await newUserWithFirm(owner);
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await inviteColleague(owner, colleague, firmId);

  await owner.goto(`/firms/${firmId}/assessments`);
  await expectAccessible(owner);
  await owner.getByRole("button", { name: /开始 \d{4} 年度自评估/ }).click();
  await expect(owner.locator(".sd-question").first()).toBeVisible();
  await expect(owner.getByTestId("questionnaire-progress")).toHaveText(/^第 1 \/ \d+ 页 · 已答 0 \/ \d+$/);
  await expectAccessible(owner);

  for (let p = 0; p < STOP_PAGE; p++) {
    await answerPageByKeyboard(owner, pages[p]!.elements);
    await nextPageByKeyboard(owner);
    await expect(owner.getByTestId("save-status")).toHaveText("答案已保存。");
  }
  await answerPageByKeyboard(owner, pages[STOP_PAGE]!.elements.slice(0, 2));
  await expect(owner.getByTestId("save-status")).toHaveText("答案已保存。");
  await ownerContext.close(); // the browser closes in the middle of a page

  // The colleague, in another browser, finds the draft where the owner left it.
  await colleague.goto(`/firms/${firmId}/assessments`);
  await colleague.getByRole("button", { name: /继续填写/ }).click();
  const firstOnStopPage = pages[STOP_PAGE]!.elements[0]!;
  await expect(colleague.locator(`.sd-question[data-name="${firstOnStopPage.name}"]`)).toBeVisible();
  await expect(
    colleague.locator(`input[name^="${firstOnStopPage.name}_sq_"][value="${plannedAnswer(firstOnStopPage)}"]`),
  ).toBeChecked();
  for (let p = STOP_PAGE; p < pages.length - 1; p++) {
    await answerPageByKeyboard(colleague, pages[p]!.elements);
    await nextPageByKeyboard(colleague);
    await expect(colleague.getByTestId("save-status")).toHaveText("答案已保存。");
  }
  await answerPageByKeyboard(colleague, pages[pages.length - 1]!.elements);
  await nextPageByKeyboard(colleague); // Complete: saves what is left, then loads the review page
  // A save and a full server-rendered page load in a row: on a busy machine this took over the 10 s default.
  await expect(colleague).toHaveURL(/\/review$/, { timeout: 30_000 });
  await expect(colleague.getByText("所有计分问题都已回答，可以提交。")).toBeVisible();
  await expectAccessible(colleague);
  await colleague.getByRole("button", { name: "提交评估" }).focus();
  await colleague.keyboard.press("Enter");
  await expect(colleague).toHaveURL(/\/report$/);

  // The stage and score are those of the known answer set.
  const answers = Object.fromEntries(
    questionsOf(version.definition).map((q) => [
      q.name,
      plannedAnswer(version.definition.pages[q.pageIndex]!.elements.find((e) => e.name === q.name)!),
    ]),
  );
  const expected = scoreAssessment(version.compiled, answers);
  const stage = version.model.stages.find((s) => s.stage === expected.stage)!;
  await expect(colleague.getByTestId("overall-score")).toContainText(expected.overall.toFixed(1));
  await expect(colleague.getByTestId("stage")).toHaveText(`第 ${expected.stage} 阶段 · ${stage.name.zh}`);
  await expect(colleague.getByRole("img", { name: "各维度得分雷达图" })).toBeVisible();
  await expect(colleague.getByRole("table", { name: /各维度得分/ }).getByRole("row")).toHaveCount(
    version.model.dimensions.length + 1,
  );
  await expect(colleague.getByTestId("peer-benchmark")).toBeVisible();
  // Priorities come with recommendations that cite the guide and name scenes, the firm's industry first.
  await expect(colleague.getByRole("heading", { name: "优先改进方向" })).toBeVisible();
  await expect(colleague.getByText("可参考的场景").first()).toBeVisible();
  await expect(
    colleague
      .locator(".priority")
      .first()
      .getByRole("link", { name: /^第\d+条$/ })
      .first(),
  ).toBeVisible();
  await expectAccessible(colleague);

  // The download is the same report as a file; the questionnaire is now read-only.
  const download = colleague.waitForEvent("download");
  await colleague.getByRole("link", { name: "下载报告（HTML 文件）" }).click();
  const file = await (await download).path();
  const html = readFileSync(file, "utf8");
  expect(html).toContain(expected.overall.toFixed(1));
  expect(html).toContain(`第 ${expected.stage} 阶段`);
  expect(html).toMatch(/<svg[^>]+role="img"/);
  await colleague.goto(new URL(colleague.url()).pathname.replace(/\/report$/, ""));
  await expect(colleague).toHaveURL(/\/report$/);
  await colleagueContext.close();
});

test("the scoring page explains the model and passes axe", async ({ page }) => {
  await page.goto("/scoring");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("评分方法");
  await expect(page.getByRole("table").first().getByRole("row")).toHaveCount(version.model.dimensions.length + 1);
  await expectAccessible(page);
});
