// Adversarial checks on a release built by the real builder from synthetic firms: a crawler over every
// public statistics page, table download and API cell (thresholds, no identities), a drill-down attack on
// the API, and the firm report's peer band. Runs against a server of its own.
import { expect, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { expectAccessible, PASSWORD, signIn } from "~test/e2e/support/helpers";
import { ownServer } from "~test/e2e/support/own-server";
import { synthRelease } from "~test/e2e/support/synth-release";
import { stageCountLeaks } from "~test/support/stage-leaks";

const own = ownServer(8, "stats-attacks");
test.describe.configure({ mode: "serial" });
test.use({ baseURL: own.baseURL });

const firmEmail = `peer-${Date.now()}@example.test`;
const analystEmail = `analyst-${Date.now()}@example.test`;
let firmReportPath = "";
/** Ground truth read before the server starts: independent units per published cell key, per release. */
const unitsByRelease = new Map<number, Map<string, number>>();
const identities: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await own.start(async (handle) => {
    const { version, release: first } = await synthRelease(handle, { seed: 5, firms: 900, label: "攻击测试第1期" });
    const { buildRelease, publishRelease } = await import("~/statistics/release/build.server");
    const { createUser } = await import("~/accounts/user.server");
    const { addAssessments, stageOf } = await import("~test/support/statistics-population");
    const { industries } = await import("~/content/taxonomies.server");
    // A few late submissions, then a second release checked against the first.
    await addAssessments(
      Array.from({ length: 4 }, (_, k) => ({
        division: "C36",
        region: "330000",
        size: "small" as const,
        period: "2025",
        overall: 40 + k,
        stage: stageOf(40 + k),
      })),
    );
    const second = await buildRelease({ version, actorId: null, label: "攻击测试第2期" });
    await publishRelease(second.id, null);
    for (const release of [first, second]) {
      const rows = (await handle.db.execute(
        sql`select period, industry_division, region_code, size_class::text as size, unit_key from release_members where release_id = ${release.id}`,
      )) as unknown as {
        rows: Array<{ period: string; industry_division: string; region_code: string; size: string; unit_key: string }>;
      };
      const groupOf = new Map(industries().divisions.map((d) => [d.code, d.group]));
      const units = new Map<string, Set<string>>();
      for (const r of rows.rows)
        for (const i of ["*", `G:${groupOf.get(r.industry_division)}`, r.industry_division])
          for (const g of ["*", r.region_code])
            for (const s of ["*", r.size]) {
              const key = `${r.period}|${i}|${g}|${s}`;
              if (!units.has(key)) units.set(key, new Set());
              units.get(key)!.add(r.unit_key);
            }
      unitsByRelease.set(release.number, new Map([...units].map(([k, v]) => [k, v.size])));
    }
    const names = (await handle.db.execute(sql`select name, credit_code from firms`)) as unknown as {
      rows: Array<{ name: string; credit_code: string }>;
    };
    for (const n of names.rows) identities.push(n.name, n.credit_code);
    // A member of one synthetic firm with a 2025 assessment in the release.
    const user = await createUser({ email: firmEmail, password: PASSWORD, displayName: "对标测试", locale: "zh" });
    const pick = (await handle.db
      .execute(sql`select a.firm_id as org, a.id from assessments a join release_members m on m.assessment_id = a.id
      where m.release_id = ${second.id} and a.period = '2025' and a.industry_division = 'C36' order by a.id limit 1`)) as unknown as {
      rows: Array<{ org: string; id: string }>;
    };
    const chosen = pick.rows[0]!;
    await handle.db.execute(
      sql`insert into memberships (firm_id, user_id, role) values (${chosen.org}, ${user.id}, 'owner')`,
    );
    firmReportPath = `/firms/${chosen.org}/assessments/${chosen.id}/report`;
    const analyst = await createUser({
      email: analystEmail,
      password: PASSWORD,
      displayName: "统计分析员",
      locale: "zh",
    });
    await handle.db.execute(sql`insert into role_grants (user_id, role) values (${analyst.id}, 'analyst')`);
  });
});

test.afterAll(() => own.stop());

const leaksIdentity = (text: string) => identities.find((id) => id.length >= 6 && text.includes(id)) ?? null;

test("crawler: every public page, download and API cell keeps the thresholds and names no firm", async ({
  request,
}) => {
  test.setTimeout(300_000);
  const seen = new Set<string>();
  const queue = ["/statistics", "/statistics/releases", "/statistics/methodology"];
  const downloads = new Set<string>();
  while (queue.length > 0 && seen.size < 400) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const html = await res.text();
    expect(leaksIdentity(html), path).toBeNull();
    for (const [, href] of html.matchAll(/href="([^"#]+)"/g)) {
      const link = href!.replace(/&amp;/g, "&");
      if (/^\/statistics\/tables\//.test(link)) downloads.add(link);
      else if (/^\/statistics(\/|\?|$)/.test(link)) queue.push(link);
    }
  }
  expect(seen.size).toBeGreaterThan(8);
  expect(downloads.size).toBeGreaterThan(5);
  for (const link of downloads) {
    const res = await request.get(link);
    expect(res.status(), link).toBe(200);
    const body = await res.body();
    if (link.includes(".xlsx")) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(body as unknown as ArrayBuffer);
      expect(book.worksheets.length, link).toBeGreaterThan(0);
    } else expect(leaksIdentity(body.toString("utf8")), link).toBeNull();
  }
  const releases = (await (await request.get("/api/v1/releases")).json()) as
    { releases: Array<{ number: number }> } | Array<{ number: number }>;
  const list = Array.isArray(releases) ? releases : releases.releases;
  expect(list.map((r) => r.number).sort()).toEqual([1, 2]);
  for (const { number } of list) {
    const truth = unitsByRelease.get(number)!;
    const res = await request.get(`/api/v1/releases/${number}/cells`);
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(leaksIdentity(text)).toBeNull();
    const { cells } = JSON.parse(text) as {
      cells: Array<{
        period: string;
        industry: string;
        region: string;
        size: string;
        suppressed: boolean;
        reason: string | null;
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- probes the JSON for fields it must not carry (min, max)
        metrics: any;
      }>;
    };
    expect(cells.length).toBeGreaterThan(100);
    // Checked in plain code and asserted once: Playwright's expect is too slow for thousands of cells.
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) problems.push(what);
    };
    let published = 0;
    let stageWithheld = 0;
    for (const c of cells) {
      const key = `${c.period}|${c.industry}|${c.region}|${c.size}`;
      const units = truth.get(key) ?? 0;
      check(units > 0, `${key}: a cell where no firm is`);
      if (c.suppressed) {
        check(c.metrics === null, `${key}: suppressed but carries metrics`);
        check(
          /^(threshold|dominance|secondary|carried|across-time)$/.test(c.reason ?? ""),
          `${key}: reason ${c.reason}`,
        );
        continue;
      }
      published++;
      const m = c.metrics;
      check(units >= 10, `${key}: published with ${units} units`);
      if (m.overall.p25 !== null || m.overall.p75 !== null) check(units >= 20, `${key}: quartiles with ${units} units`);
      if (m.overall.deciles !== null) check(units >= 50, `${key}: deciles with ${units} units`);
      check(m.overall.min === undefined && m.overall.max === undefined, `${key}: minimum or maximum published`);
      check(
        m.histogram.counts.every((n: number) => n === 0 || n >= 3),
        `${key}: a histogram bin under 3`,
      );
      if (m.stageShares)
        check(Math.max(...m.stageShares) < ((m.firms - 1) / m.firms) * 100, `${key}: a dominant stage`);
      else stageWithheld++;
    }
    // A stage share × firms is a count of firms: none may be 1 or 2 (decision 023).
    problems.push(...stageCountLeaks(cells));
    expect(problems).toEqual([]);
    expect(stageWithheld).toBeGreaterThan(0);
    expect(published).toBeGreaterThan(10);
    // The CSV and XLSX carry the same cells.
    const csv = await (await request.get(`/api/v1/releases/${number}/cells.csv`)).body();
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8").trim().split("\n").length).toBe(cells.length + 1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await (await request.get(`/api/v1/releases/${number}/cells.xlsx`)).body()) as unknown as ArrayBuffer,
    );
    expect(book.worksheets[0]!.actualRowCount).toBe(cells.length + 1);
  }
});

test("drill-down: the API answers nothing outside the cube", async ({ request }) => {
  const outside = [
    "/api/v1/releases/2/cells?region=330100", // a city
    "/api/v1/releases/2/cells?industry=C3611", // an industry class below the division
    "/api/v1/releases/2/cells?industry=C36&region=330000&size=small&firm=1", // an extra filter
    "/api/v1/releases/2/cells?size=tiny",
    "/api/v1/releases/2/cells?industry=C36'%20or%20'1'='1",
    "/api/v1/releases/2/cells?region=330000&region=320000",
    "/api/v1/releases/2/cells?format=sql",
  ];
  for (const path of outside) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    const body = await res.json();
    expect(body.message, path).toMatch(/[\u4e00-\u9fff]/);
    expect(body.cells, path).toBeUndefined();
  }
  for (const path of ["/api/v1/releases/3/cells", "/api/v1/releases/0/cells", "/api/v1/assessments", "/api/v1/firms"])
    expect((await request.get(path)).status(), path).toBe(404);
});

test("the firm report shows its peer band from the release, with no violation", async ({ page }) => {
  await signIn(page, firmEmail);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto(firmReportPath);
  // The report is static HTML (no hydration): if the band is missing, say what the page showed instead.
  const shown = `${page.url()}: ${(
    await page
      .locator("main")
      .innerText()
      .catch(() => "")
  ).slice(0, 600)}`;
  expect(new URL(page.url()).pathname, shown).toBe(firmReportPath);
  const band = page.getByTestId("peer-band");
  await expect(band, shown).toContainText(/十分位|四分位|中位数/);
  await expect(page.getByTestId("peer-benchmark")).toContainText(/攻击测试第[12]期/);
  await expect(page.locator("#radar-chart-title")).toBeAttached();
  await expectAccessible(page);
  // The report is plain HTML; its print button still prints (through /print.js, allowed by the CSP).
  await page.evaluate(() => {
    (window as unknown as { printed: boolean }).printed = false;
    window.print = () => {
      (window as unknown as { printed: boolean }).printed = true;
    };
  });
  await page.getByRole("button", { name: "打印报告" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
});

test("an analyst builds and publishes a release from the staff page, and the public pages show it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, analystEmail);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto("/admin/releases");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("统计发布");
  await expectAccessible(page);
  // A label already used is refused with a clear message, and nothing is built.
  await page.getByLabel("期次名称（可选）").fill("攻击测试第2期");
  await page.getByRole("button", { name: "生成新一期" }).click();
  await expect(page.getByRole("alert")).toHaveText("该期次名称已被使用，请换一个。");
  await page.getByLabel("期次名称（可选）").fill("页面生成第3期");
  await page.getByRole("button", { name: "生成新一期" }).click();
  await expect(page.getByRole("status")).toHaveText("第 3 期已生成。", { timeout: 60_000 });
  // Built is not public yet.
  expect((await page.request.get("/api/v1/releases/3")).status()).toBe(404);
  await page.getByRole("button", { name: "发布此期" }).click();
  // Publishing asks first; until confirmed, nothing is public.
  await expect(page.getByRole("heading", { name: "确认发布第 3 期（页面生成第3期）？" })).toBeVisible();
  await expectAccessible(page);
  expect((await page.request.get("/api/v1/releases/3")).status()).toBe(404);
  await page.getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByRole("status")).toHaveText("第 3 期已发布。");
  await page.goto("/statistics");
  await expect(page.getByRole("main")).toContainText("页面生成第3期");
  expect((await page.request.get("/api/v1/releases/3")).status()).toBe(200);
});
