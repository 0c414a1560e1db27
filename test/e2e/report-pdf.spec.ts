// The report's one-click PDF: a firm member downloads it from the report page and reads the firm's name
// and the Chinese stage name in it; a member of another firm gets 404 for the same address.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { loadVersionFiles } from "~/assessment/versions.server";
import { expectAccessible, newUserWithFirm } from "~test/e2e/support/helpers";
import { plannedAnswer } from "~test/e2e/support/questionnaire";

const version = loadVersionFiles(
  "qmd-2025",
  readFileSync("content/questionnaires/qmd-2025.json", "utf8"),
  readFileSync("content/models/qmd-2025.json", "utf8"),
);
const answers = Object.fromEntries(
  version.definition.pages.flatMap((p) => p.elements.map((q) => [q.name, plannedAnswer(q)] as const)),
);

async function pdfText(data: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(data) }).promise;
  let text = "";
  for (let p = 1; p <= doc.numPages; p++)
    text += (await (await doc.getPage(p)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
  return text;
}

test("a member downloads the report as a PDF; another firm's member gets 404", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const { firmId } = await newUserWithFirm(owner);
  await owner.goto(`/firms/${firmId}/assessments`);
  await owner.getByRole("button", { name: /开始 \d{4} 年度自评估/ }).click();
  await expect(owner).toHaveURL(/\/assessments\/[0-9a-f-]{36}/);
  const base = /\/firms\/[0-9a-f-]{36}\/assessments\/[0-9a-f-]{36}/.exec(owner.url())![0];
  let submitted = await owner.request.post(`${base}/submit`, {
    data: { version: 1, answers },
    headers: { origin: baseURL! },
  });
  if (submitted.status() === 409) {
    const stale = (await submitted.json()) as { version?: number };
    submitted = await owner.request.post(`${base}/submit`, {
      data: { version: stale.version, answers },
      headers: { origin: baseURL! },
    });
  }
  expect(submitted.status(), await submitted.text()).toBe(200);
  const { stage } = (await submitted.json()) as { stage: number };
  const stageName = version.model.stages.find((s) => s.stage === stage)!.name.zh;

  await owner.goto(`${base}/report`);
  await expectAccessible(owner);
  const byline = (await owner.locator("p.muted", { hasText: "提交时间" }).first().textContent())!;
  const firmName = byline.split(" · ")[0]!.trim();
  expect(firmName).toMatch(/^E2E 测试企业/);
  const link = owner.getByRole("link", { name: "下载 PDF" });
  await expect(link).toHaveAttribute("href", `${base}/report.pdf`);
  const [download] = await Promise.all([owner.waitForEvent("download"), link.click()]);
  const file = readFileSync((await download.path())!);
  expect(file.subarray(0, 5).toString()).toBe("%PDF-");
  const response = await owner.request.get(`${base}/report.pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(
    /^attachment; filename="qmd-report-\d{4}\.pdf"; filename\*=UTF-8''/,
  );
  const text = await pdfText(file);
  expect(text).toContain(firmName);
  expect(text).toContain(stageName);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await newUserWithFirm(other);
  expect((await other.request.get(`${base}/report.pdf`)).status()).toBe(404);
  await ownerContext.close();
  await otherContext.close();
});
