// Every public page at 390 px (issue 16 item 7), in Chinese and in English: no horizontal page scroll, no
// SVG text outside its chart's viewBox, every table either fits or scrolls inside a focusable region, the
// region table's row headers on one line, axe clean (Chinese). Its own server, on a real built release
// (every industry division, so C37 is on the industry chart) and one published case.
import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "~test/e2e/support/helpers";
import { ownServer } from "~test/e2e/support/own-server";

const own = ownServer(24, "public-390");
test.describe.configure({ mode: "serial" });
test.use({ baseURL: own.baseURL, viewport: { width: 390, height: 844 } });

let casePath = "";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await own.start(async (handle) => {
    const { synthRelease } = await import("~test/e2e/support/synth-release");
    await synthRelease(handle, { seed: 39, firms: 600, label: "窄屏测试期" });
    const { makeUser, firmInput } = await import("~test/support/factories");
    const { createFirm } = await import("~/firms/firm.server");
    const { demoCasesOnDisk, publishSeededCase } = await import("~/cases/demo-cases.server");
    const owner = await makeUser();
    const firm = await createFirm(owner.id, firmInput());
    const { slug: _slug, demoFirm: _firm, anonymised, ...content } = demoCasesOnDisk()[0]!;
    const id = await publishSeededCase(handle.db, {
      firmId: firm.id,
      ownerId: owner.id,
      analystId: owner.id,
      content,
      anonymised,
    });
    casePath = `/cases/${id}`;
  });
});

test.afterAll(() => own.stop());

const FIXED = [
  "/",
  "/guide",
  "/guide/13",
  "/scoring",
  "/scenes",
  "/cases",
  "/questionnaires",
  "/statistics",
  "/statistics/industry",
  "/statistics/region",
  "/statistics/size",
  "/statistics/trends",
  "/statistics/methodology",
  "/statistics/releases",
  "/login",
  "/signup",
];

/** The fixed pages and one of each detail page (a scene, a case, an edition), found through their lists. */
async function publicPages(page: Page): Promise<string[]> {
  const firstLink = async (list: string, pattern: RegExp) => {
    await page.goto(list);
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const href = hrefs.find((h) => pattern.test(h));
    expect(href, `a link on ${list}`).toBeTruthy();
    return href!;
  };
  return [
    ...FIXED,
    await firstLink("/scenes", /^\/scenes\/[a-z0-9-]+$/),
    casePath,
    await firstLink("/questionnaires", /^\/questionnaires\/[\w-]+$/),
  ];
}

/** What a visitor at this width cannot read: page overflow, clipped chart text, tables cut off. */
function layoutProblems(page: Page): Promise<{ problems: string[]; texts: number }> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width)
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    let texts = 0;
    for (const svg of document.querySelectorAll("svg")) {
      const vb = svg.viewBox.baseVal;
      const toSvg = svg.getScreenCTM()?.inverse();
      if (!vb || vb.width === 0 || !toSvg) continue;
      for (const t of svg.querySelectorAll("text")) {
        const ctm = t.getScreenCTM();
        if (!ctm) continue;
        texts++;
        // The text's box in the svg's user units, through every transform between them.
        const m = toSvg.multiply(ctm);
        const b = t.getBBox();
        const corners = [
          [b.x, b.y],
          [b.x + b.width, b.y],
          [b.x, b.y + b.height],
          [b.x + b.width, b.y + b.height],
        ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
        const xs = corners.map((p) => p.x);
        const ys = corners.map((p) => p.y);
        const slack = 0.5;
        if (
          Math.min(...xs) < vb.x - slack ||
          Math.min(...ys) < vb.y - slack ||
          Math.max(...xs) > vb.x + vb.width + slack ||
          Math.max(...ys) > vb.y + vb.height + slack
        )
          problems.push(
            `svg text outside its viewBox: ${svg.dataset.chart ?? svg.getAttribute("class")}: ${t.textContent}`,
          );
      }
    }
    for (const table of document.querySelectorAll("main table")) {
      if (table.getBoundingClientRect().right <= width) continue;
      const region = table.closest(".table-scroll");
      const scrolls = region && ["auto", "scroll"].includes(getComputedStyle(region).overflowX);
      if (!scrolls || region.getAttribute("role") !== "region" || region.getAttribute("tabindex") !== "0")
        problems.push(`table ${table.id || table.querySelector("caption")?.textContent} is cut off`);
    }
    return { problems, texts };
  });
}

async function checkPages(page: Page, paths: string[], axe: boolean) {
  const found: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const { problems, texts } = await layoutProblems(page);
    found.push(...problems.map((p) => `${path}: ${p}`));
    if (path.startsWith("/statistics/") && !/methodology|releases/.test(path))
      expect(texts, `${path} has chart text`).toBeGreaterThan(0);
    if (axe) await expectAccessible(page);
  }
  expect(found).toEqual([]);
}

test("every public page at 390 px in Chinese: nothing scrolls sideways or clips, axe clean", async ({ page }) => {
  const paths = await publicPages(page);
  await checkPages(page, paths, true);

  await page.goto("/statistics/industry");
  await expect(page.locator('svg[data-chart="chart-industry"] text', { hasText: "C37" })).toHaveCount(1);
  await page.goto("/statistics/region");
  // The region table's row headers (province names) each on one line.
  const lines = await page.locator("#table-region tbody th").evaluateAll((ths) =>
    ths.map((th) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );
  expect(lines.length).toBeGreaterThan(30);
  expect(lines.filter((n) => n !== 1)).toEqual([]);
  const region = page.locator(".table-scroll").filter({ has: page.locator("#table-region") });
  await region.focus();
  await expect(region).toBeFocused();
});

test("every public page at 390 px in English: nothing scrolls sideways or clips", async ({ page }) => {
  const paths = await publicPages(page);
  await page.goto("/");
  await page.getByRole("button", { name: "切换为英文界面" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await checkPages(page, paths, false);
});
