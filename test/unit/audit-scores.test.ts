import { describe, expect, it } from "vitest";
import { median, pageScores, type Scores, scoreTable, shortfalls, TARGETS, toPercent } from "~test/audit/scores";

const good: Scores = { performance: 97, accessibility: 100, "best-practices": 100, seo: 92 };

describe("Lighthouse audit scores", () => {
  it("reads Lighthouse's 0–1 scores as percentages, a missing score as null", () => {
    expect(toPercent(0.955)).toBe(96);
    expect(toPercent(1)).toBe(100);
    expect(toPercent(null)).toBeNull();
    expect(toPercent(undefined)).toBeNull();
  });

  it("takes the median of the performance runs, the lower middle of an even count", () => {
    expect(median([90, 99, 95])).toBe(95);
    expect(median([99, 90])).toBe(90);
    expect(median([88])).toBe(88);
    expect(median([])).toBeNull();
  });

  it("keeps the first run's other categories and the median performance of every run", () => {
    const row = pageScores("home", "/", { ...good, performance: 80 }, [99, null, 96]);
    expect(row.performanceRuns).toEqual([80, 99, 96]);
    expect(row.scores).toEqual({ ...good, performance: 96 });
  });

  it("passes scores at the targets and flags each one below, and a missing score", () => {
    const atTargets = pageScores("a", "/a", TARGETS, []);
    expect(shortfalls([atTargets])).toEqual([]);
    const low = pageScores("b", "/b", { ...good, performance: 94, accessibility: 99, seo: null }, []);
    expect(shortfalls([atTargets, low])).toEqual([
      { page: "b", category: "performance", score: 94, target: 95 },
      { page: "b", category: "accessibility", score: 99, target: 100 },
      { page: "b", category: "seo", score: null, target: 90 },
    ]);
  });

  it("prints one aligned line per page, marking the scores below target", () => {
    const table = scoreTable([
      pageScores("home", "/", good, [95, 99]),
      pageScores("guide", "/guide", { ...good, "best-practices": 80 }, []),
    ]).split("\n");
    expect(table).toHaveLength(4);
    expect(table[0]).toMatch(/^page\s+perf ≥95\s+a11y ≥100\s+best pr\. ≥95\s+SEO ≥90\s+perf runs$/);
    expect(table[2]).toMatch(/^home \(\/\)\s+97\s+100\s+100\s+92\s+97 95 99$/);
    expect(table[3]).toContain("80 ✗");
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
  });
});
