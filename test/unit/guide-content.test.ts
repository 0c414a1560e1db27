// The guide content against the guide itself: every chapter and article carries the guide's heading,
// exactly as the published text has it (read from the seed copy of the guide beside the repository).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { guide } from "~/guide/guide.server";
import { chineseNumeral, officialArticleHeading, officialChapterHeading } from "~/guide/headings";

const SEED = resolve(process.env.GUIDE_SEED ?? "../shared/seeds/guide.txt");
const g = guide();

/** The guide's headings from its text: chapter lines "一、…", article openings "（一）…。" (the text wraps lines). */
function seedHeadings(text: string): { chapters: Map<number, string>; articles: Map<number, string> } {
  const lines = text.split("\n").map((l) => l.trim());
  const numberOf = new Map(Array.from({ length: 23 }, (_, i) => [chineseNumeral(i + 1), i + 1]));
  const chapters = new Map<number, string>();
  for (const line of lines) {
    const m = /^([一二三四五六七])、(.+)$/.exec(line);
    if (m) chapters.set(numberOf.get(m[1]!)!, m[2]!);
  }
  const joined = lines.filter((l) => !/^\d+$/.test(l)).join(""); // page numbers stand alone on their lines
  const articles = new Map<number, string>();
  for (const m of joined.matchAll(/（([一二三四五六七八九十]+)）([^。（]*)。/g)) {
    const n = numberOf.get(m[1]!);
    if (n && !articles.has(n)) articles.set(n, m[2]!);
  }
  return { chapters, articles };
}

describe("the guide's official headings", () => {
  it("numbers headings the way the guide does", () => {
    expect([1, 4, 10, 11, 14, 20, 23].map(chineseNumeral)).toEqual([
      "一",
      "四",
      "十",
      "十一",
      "十四",
      "二十",
      "二十三",
    ]);
    expect(officialChapterHeading({ number: 2, officialHeading: "甲" })).toBe("二、甲");
    expect(officialArticleHeading({ number: 13, officialHeading: "乙" })).toBe("（十三）乙");
  });

  it("gives every chapter and article a heading of its own, beside the project's title", () => {
    for (const item of [...g.chapters, ...g.articles]) {
      expect(item.officialHeading.length, `${item.number}`).toBeGreaterThan(0);
      expect(item.officialHeading).not.toMatch(/^[（一二三四五六七八九十]|[。、]$/);
    }
    expect(new Set(g.articles.map((a) => a.officialHeading)).size).toBe(23);
  });

  it.skipIf(!existsSync(SEED))("matches the guide's text exactly, chapter by chapter and article by article", () => {
    const seed = seedHeadings(readFileSync(SEED, "utf8"));
    expect(seed.chapters.size).toBe(7);
    expect(seed.articles.size).toBe(23);
    for (const c of g.chapters) expect(c.officialHeading, `chapter ${c.number}`).toBe(seed.chapters.get(c.number));
    for (const a of g.articles) expect(a.officialHeading, `article ${a.number}`).toBe(seed.articles.get(a.number));
  });

  it("names the two-integration standards correctly and claims nothing for this portal in article 18", () => {
    const text = JSON.stringify(g);
    expect(text).not.toContain("GB/T 23001系列");
    expect(text).toContain("GB/T 23000 系列（GB/T 23001-2017）");
    const a18 = g.articles.find((a) => a.number === 18)!;
    for (const p of a18.keyPoints) {
      expect(p.zh).not.toMatch(/本门户|本平台/);
      expect(p.en).not.toMatch(/this portal/i);
    }
  });
});
