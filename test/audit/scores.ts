// The pure half of `npm run audit:pages`: Lighthouse category scores per page, the median of several
// performance runs, the table printed, and the check against the targets of issue 16 (decision 041).

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

/** Scores 0–100 per category; null when Lighthouse could not score a category. */
export type Scores = Record<Category, number | null>;

/** The lowest score each category may have on every page. */
export const TARGETS: Scores = { performance: 95, accessibility: 100, "best-practices": 95, seo: 90 };

const HEADINGS: Record<Category, string> = {
  performance: "perf",
  accessibility: "a11y",
  "best-practices": "best pr.",
  seo: "SEO",
};

export interface PageScores {
  page: string;
  path: string;
  scores: Scores;
  /** Every performance score measured, in run order (the median of them is `scores.performance`). */
  performanceRuns: number[];
}

/** Lighthouse scores 0–1 as 0–100 (rounded as its report does). */
export function toPercent(score: number | null | undefined): number | null {
  return typeof score === "number" ? Math.round(score * 100) : null;
}

/** The median of the runs; of an even count, the lower middle (a pessimistic figure, never an average). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * One page's scores: accessibility, best practices and SEO from the first full run (they do not depend on
 * the machine's load), performance as the median of every run that measured it.
 */
export function pageScores(page: string, path: string, full: Scores, extraPerformance: readonly (number | null)[]) {
  const runs = [full.performance, ...extraPerformance].filter((v): v is number => v !== null);
  return {
    page,
    path,
    scores: { ...full, performance: median(runs) },
    performanceRuns: runs,
  } satisfies PageScores;
}

export interface Shortfall {
  page: string;
  category: Category;
  score: number | null;
  target: number;
}

/** Every category of every page below its target (a missing score counts as below). */
export function shortfalls(rows: readonly PageScores[], targets: Scores = TARGETS): Shortfall[] {
  const out: Shortfall[] = [];
  for (const row of rows)
    for (const category of CATEGORIES) {
      const target = targets[category] ?? 0;
      const score = row.scores[category];
      if (score === null || score < target) out.push({ page: row.page, category, score, target });
    }
  return out;
}

/** A plain-text table: one line per page, the four scores, the performance runs and a mark under target. */
export function scoreTable(rows: readonly PageScores[], targets: Scores = TARGETS): string {
  const cell = (row: PageScores, c: Category) => {
    const score = row.scores[c];
    const low = score === null || score < (targets[c] ?? 0);
    return `${score ?? "–"}${low ? " ✗" : ""}`;
  };
  const header = ["page", ...CATEGORIES.map((c) => `${HEADINGS[c]} ≥${targets[c]}`), "perf runs"];
  const body = rows.map((r) => [
    `${r.page} (${r.path})`,
    ...CATEGORIES.map((c) => cell(r, c)),
    r.performanceRuns.join(" "),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => line[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
