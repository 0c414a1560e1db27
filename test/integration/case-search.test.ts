// Case search beyond the count cap: the two ways a search reads the table (the gram index for up
// to 240 matches, a walk newest first for more) give the same pages as a plain scan.
import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cases } from "~db/schema";
import { caseColumns } from "~/cases/columns.server";
import { CASES_PER_PAGE, searchCases } from "~/cases/search.server";
import { normaliseSearchText } from "~/catalogue/search-grams";
import { COUNT_CAP } from "~/catalogue/search-sql.server";
import { db } from "~/platform/db.server";
import { allScenes, syncScenesFromContent } from "~/scenes/scene.server";
import { caseContent } from "~test/support/cases";
import { useIsolatedDatabase } from "~test/support/database";
import { makeFirmWithOwner } from "~test/support/factories";

useIsolatedDatabase();

const COMMON = "共同短语甲乙丙";
const RARE = "罕见短语丁戊己";
const MANY = COUNT_CAP + 30;

beforeAll(async () => {
  await syncScenesFromContent();
  const scenes = await allScenes();
  const { firm } = await makeFirmWithOwner();
  // Every case but the last few carries COMMON; every fifth is in C31; a dozen carry RARE. Three
  // cases share each publication instant, so ties are broken by id.
  const rows = Array.from({ length: MANY + 5 }, (_, i) => {
    const at = new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 3) * 60_000);
    const text = `${i < MANY ? COMMON : "别的内容"}${i % 23 === 0 ? RARE : ""}第${i}号`;
    const content = caseContent({ title: `案例${i}`, summary: text, industryDivision: i % 5 === 0 ? "C31" : "C36" });
    return {
      ...caseColumns(content, scenes, "published"),
      firmId: firm.id,
      status: "published" as const,
      consentAt: at,
      submittedAt: at,
      publishedAt: at,
    };
  });
  for (let i = 0; i < rows.length; i += 100)
    await db()
      .insert(cases)
      .values(rows.slice(i, i + 100));
  // A draft with the common phrase is never found.
  await db()
    .insert(cases)
    .values({ ...caseColumns(caseContent({ summary: COMMON }), scenes, "draft"), firmId: firm.id });
});

/** Every published case containing the text (and in the division), newest first, by a plain scan. */
async function expected(q: string, division?: string): Promise<string[]> {
  const rows = await db()
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        eq(cases.status, "published"),
        sql`strpos(${cases.searchText}, ${normaliseSearchText(q)}) > 0`,
        division ? eq(cases.industryDivision, division) : undefined,
      ),
    )
    .orderBy(desc(cases.publishedAt), desc(cases.id));
  return rows.map((r) => r.id);
}

async function page(q: string, n: number, division?: string) {
  const found = await searchCases({ q, division }, n);
  for (const c of found.items)
    expect(Object.keys(c.content).sort()).toEqual(["industryDivision", "regionCode", "sizeClass", "summary", "title"]);
  return { ids: found.items.map((c) => c.id), total: found.total, capped: found.capped };
}

describe("case search over more matches than the count cap", () => {
  it.each([
    ["a phrase", COMMON],
    ["a two-character word", COMMON.slice(0, 2)],
    ["a three-character word", COMMON.slice(2, 5)],
    ["one character", COMMON.slice(0, 1)],
  ])("%s: capped count, pages newest first as a plain scan gives them", async (_, q) => {
    const all = await expected(q);
    expect(all.length).toBeGreaterThan(COUNT_CAP);
    for (const n of [1, 2, COUNT_CAP / CASES_PER_PAGE]) {
      expect(await page(q, n)).toEqual({
        ids: all.slice((n - 1) * CASES_PER_PAGE, n * CASES_PER_PAGE),
        total: COUNT_CAP,
        capped: true,
      });
    }
  });

  it("a phrase with a filter that leaves fewer matches than the cap: exact count and order", async () => {
    const all = await expected(COMMON, "C31");
    expect(all.length).toBeGreaterThan(CASES_PER_PAGE);
    expect(all.length).toBeLessThanOrEqual(COUNT_CAP);
    expect(await page(COMMON, 1, "C31")).toEqual({
      ids: all.slice(0, CASES_PER_PAGE),
      total: all.length,
      capped: false,
    });
    expect(await page(COMMON, 2, "C31")).toEqual({
      ids: all.slice(CASES_PER_PAGE, 2 * CASES_PER_PAGE),
      total: all.length,
      capped: false,
    });
  });

  it("a rare phrase: every match, newest first; a page past the end is empty", async () => {
    const all = await expected(RARE);
    expect(all.length).toBe(Math.ceil((MANY + 5) / 23));
    expect(await page(RARE, 1)).toEqual({ ids: all.slice(0, CASES_PER_PAGE), total: all.length, capped: false });
    expect(await page(RARE, 5)).toEqual({ ids: [], total: all.length, capped: false });
    expect(await page(`${RARE}不在`, 1)).toEqual({ ids: [], total: 0, capped: false });
  });
});
