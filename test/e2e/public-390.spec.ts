// Every public page at 390 px (issue 16 item 7), in Chinese and in English: no horizontal page scroll, no
// SVG text outside its chart's viewBox or cut short, every table either fits or scrolls inside a focusable
// region, the region table's row headers on one line, axe clean. Its own server, on a real built release
// (every industry division, so C37 is on the industry chart) and one published case. Chinese is drawn in a
// real CJK font (support/cjk-font.ts): without one, Chromium's narrow fallback boxes hide every clipped label.
//
// A few tests per language, each over a group of pages with soft checks, so that one run reports every
// page that fails; and few enough that a failing test (Playwright then replaces the worker, and the new
// worker starts the server again) costs little. axe runs in the page (legacy mode: no blank page per run).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { cjkFontLaunch, cjkFontReady } from "~test/e2e/support/cjk-font";
import { ownServer } from "~test/e2e/support/own-server";

const own = ownServer(24, "public-390");
// In order, in one worker: the server is the file's own.
test.describe.configure({ mode: "default" });
test.use({ baseURL: own.baseURL, viewport: { width: 390, height: 844 }, launchOptions: cjkFontLaunch() });

/** The detail pages, found in beforeAll: a scene, a case, a questionnaire edition. */
const detail = { scene: "", case: "", questionnaire: "" };

test.beforeAll(async ({ browser }) => {
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
    detail.case = `/cases/${id}`;
  });
  const page = await browser.newPage({ baseURL: own.baseURL });
  const firstLink = async (list: string, pattern: RegExp) => {
    await page.goto(list);
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const href = hrefs.find((h) => pattern.test(h));
    if (!href) throw new Error(`no link matching ${pattern} on ${list}`);
    return href;
  };
  detail.scene = await firstLink("/scenes", /^\/scenes\/[a-z0-9-]+$/);
  detail.questionnaire = await firstLink("/questionnaires", /^\/questionnaires\/[\w-]+$/);
  await page.close();
});

test.afterAll(() => own.stop());

/** Every public page, in groups; a function so that the detail paths are read once beforeAll has run. */
const GROUPS: Record<string, () => string[]> = {
  statistics: () => [
    "/statistics",
    "/statistics/industry",
    "/statistics/region",
    "/statistics/size",
    "/statistics/trends",
    "/statistics/methodology",
    "/statistics/releases",
  ],
  content: () => ["/", "/guide", "/guide/13", "/scoring", "/scenes", detail.scene, "/cases", detail.case],
  "questionnaires and accounts": () => ["/questionnaires", detail.questionnaire, "/login", "/signup"],
};

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
        // A label is wrapped, never cut short.
        if (t.textContent?.includes("…"))
          problems.push(`svg text cut: ${svg.dataset.chart ?? svg.getAttribute("class")}: ${t.textContent}`);
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

/** How many lines each row header of a table takes. */
function rowHeaderLines(page: Page, table: string): Promise<Array<{ text: string; lines: number }>> {
  return page.locator(`${table} tbody th`).evaluateAll((ths) =>
    ths.map((th) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      return {
        text: th.textContent ?? "",
        lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
      };
    }),
  );
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

for (const [locale, lang] of [
  ["zh", "zh-CN"],
  ["en", "en"],
] as const) {
  test.describe(`in ${locale === "zh" ? "Chinese" : "English"}`, () => {
    test.beforeEach(async ({ page }) => {
      if (locale === "en") {
        await page.goto("/");
        await page.getByRole("button", { name: "切换为英文界面" }).click();
      }
    });

    for (const [group, paths] of Object.entries(GROUPS)) {
      test(`${group} pages at 390 px: nothing scrolls sideways or clips, axe clean`, async ({ page }) => {
        for (const path of paths()) {
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(200);
          await expect(page.locator("html")).toHaveAttribute("lang", lang);
          // The guard: Chinese drawn at full width (about 9 px in the fallback boxes), else nothing here is measured.
          expect(await cjkFontReady(page), `the CJK font on ${path}`).toBeGreaterThan(11);
          const { problems, texts } = await layoutProblems(page);
          expect.soft(problems, `layout at 390 px on ${path}`).toEqual([]);
          if (path.startsWith("/statistics/") && !/methodology|releases/.test(path))
            expect.soft(texts, `${path} has chart text`).toBeGreaterThan(0);
          expect.soft(await axeViolations(page), `axe violations on ${path}`).toEqual([]);

          if (path === "/statistics/industry")
            await expect
              .soft(page.locator('svg[data-chart="chart-industry"] text', { hasText: "C37" }), "C37 on the chart")
              .toHaveCount(1);
          if (path === "/statistics/region") {
            // The region table's row headers (province names) each on one line; the table scrolls in its region.
            const lines = await rowHeaderLines(page, "#table-region");
            expect.soft(lines.length, "region rows").toBeGreaterThan(30);
            expect
              .soft(
                lines.filter((l) => l.lines !== 1).map((l) => l.text),
                "row headers on two lines",
              )
              .toEqual([]);
            const region = page.locator(".table-scroll").filter({ has: page.locator("#table-region") });
            await region.focus();
            await expect.soft(region).toBeFocused();
          }
        }
      });
    }
  });
}
