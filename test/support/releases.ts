// Statistics releases written straight into a database with hand-made cells that respect the contract
// (published cells have n ≥ 10, quartiles only from 20 firms, deciles from 50; suppressed cells carry a
// reason and no metrics), for the read model, API, page and e2e tests. Works on any drizzle handle.
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "~db/connect";
import { releaseCells, statisticsReleases } from "~db/schema";
import {
  DISCLOSURE_RULES,
  type PublishedMetrics,
  type ReleaseCell,
  type ReleaseStatus,
  SUPPRESSION_REASONS,
  type SuppressionReason,
} from "~/statistics/types";

const model = JSON.parse(readFileSync("content/models/qmd-2025.json", "utf8")) as {
  id: string;
  version: number;
  title: unknown;
  dimensions: Array<{ id: string; name: { zh: string; en: string } }>;
};
export const FIXTURE_DIMENSIONS = model.dimensions.map((d) => ({ id: d.id, name: d.name }));

/** The questionnaire version a release refers to, stored as the portal's start-up would store it. */
export async function ensureQuestionnaireVersion(db: Db, id = "qmd-2025"): Promise<void> {
  const definition = readFileSync(`content/questionnaires/${id}.json`, "utf8");
  const modelText = readFileSync(`content/models/${id}.json`, "utf8");
  await db.execute(sql`insert into questionnaire_versions (id, title, definition, model, status, published_at)
    values (${id}, ${JSON.stringify(JSON.parse(modelText).title)}::jsonb, ${definition}::jsonb, ${modelText}::jsonb, 'published', now())
    on conflict (id) do nothing`);
}

/** The small cube the fixtures use: a few industries, regions and sizes with their margins. */
export const FIXTURE_KEYS = {
  industries: ["*", "G:equipment", "C34", "C36", "G:consumer-goods", "C13"],
  regions: ["*", "330000", "320000", "440000", "110000", "650000"],
  sizes: ["*", "medium", "small", "micro"],
};

/** Which fixture cells are suppressed, and why: Beijing below the threshold, Xinjiang secondary, micro firms below the threshold, C13 nationally and in Guangdong dominated by one stage. */
export function fixtureReason(industry: string, region: string, size: string): SuppressionReason | null {
  if (region === "110000" || size === "micro") return "threshold";
  if (region === "650000") return "secondary";
  if (industry === "C13" && (region === "440000" || region === "*")) return "dominance";
  return null;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const one = (v: number) => Math.round(v * 10) / 10;

/** Deterministic published metrics for a key: firms and scores vary with the key, 1-decimal means, whole quantiles. */
export function fixtureMetrics(key: string, shift = 0, firmsOverride?: number): PublishedMetrics {
  const h = hash(key);
  const firms = firmsOverride ?? 10 + (h % 190);
  const mean = one(38 + (h % 300) / 10 + shift);
  const spread = 8 + (h % 5);
  const q = (v: number) => Math.round(Math.max(0, Math.min(100, v)));
  const dimensions: PublishedMetrics["dimensions"] = {};
  model.dimensions.forEach((d, i) => {
    const m = one(Math.max(0, Math.min(100, mean + (i - 4.5) * 2.3 + ((h >> i) % 3))));
    dimensions[d.id] = {
      mean: m,
      median: q(m),
      p25: firms >= 20 ? q(m - spread) : null,
      p75: firms >= 20 ? q(m + spread) : null,
    };
  });
  const raw = [8 + (h % 7), 22 + (h % 9), 35, 20, 5];
  const total = raw.reduce((a, b) => a + b, 0);
  const shares = raw.map((x) => one((x / total) * 100));
  return {
    firms,
    overall: {
      mean,
      median: q(mean + 0.4),
      p25: firms >= 20 ? q(mean - spread) : null,
      p75: firms >= 20 ? q(mean + spread) : null,
      deciles: firms >= 50 ? Array.from({ length: 9 }, (_, i) => q(mean - 2 * spread + i * (spread / 2))) : null,
    },
    dimensions,
    stageShares: shares,
    histogram: { edges: [0, 100], counts: [firms] },
  };
}

/** Every cell of the fixture cube for these periods (all combinations of the fixture keys). */
export function fixtureCells(periods: string[], shift = 0): ReleaseCell[] {
  const cells: ReleaseCell[] = [];
  for (const period of periods)
    for (const industry of FIXTURE_KEYS.industries)
      for (const region of FIXTURE_KEYS.regions)
        for (const size of FIXTURE_KEYS.sizes) {
          const reason = fixtureReason(industry, region, size);
          const key = { period, industry, region, size };
          cells.push(
            reason
              ? { ...key, suppressed: true, reason, metrics: null }
              : {
                  ...key,
                  suppressed: false,
                  reason: null,
                  metrics: fixtureMetrics(`${industry}|${region}|${size}`, shift + periods.indexOf(period) * 1.5),
                },
          );
        }
  return cells;
}

export interface ReleaseFixture {
  number: number;
  status?: ReleaseStatus;
  periods?: string[];
  label?: string;
  containsSynthetic?: boolean;
  cells?: ReleaseCell[];
  /** Added to every mean, so releases differ. */
  shift?: number;
  /** The questionnaire edition the release counts (default qmd-2025). */
  edition?: string;
}

/** Insert a release and its cells; returns its id and the cells as inserted. */
export async function insertRelease(db: Db, f: ReleaseFixture): Promise<{ id: string; cells: ReleaseCell[] }> {
  const edition = f.edition ?? "qmd-2025";
  await ensureQuestionnaireVersion(db, edition);
  const periods = f.periods ?? ["2024", "2025"];
  const cells = f.cells ?? fixtureCells(periods, f.shift ?? 0);
  const status = f.status ?? "published";
  // Every reason is counted, as the release builder does (Object.fromEntries cannot type the keys).
  const suppressed = Object.fromEntries(
    SUPPRESSION_REASONS.map((r) => [r, cells.filter((c) => c.reason === r).length]),
  ) as Record<SuppressionReason, number>;
  const firmsByPeriod = Object.fromEntries(
    periods.map((p) => [
      p,
      cells.find((c) => c.period === p && c.industry === "*" && c.region === "*" && c.size === "*")?.metrics?.firms ??
        null,
    ]),
  );
  const [row] = await db
    .insert(statisticsReleases)
    .values({
      number: f.number,
      label: f.label ?? `测试发布 ${f.number}`,
      questionnaireVersionId: edition,
      periods,
      status,
      cutoff: new Date(Date.UTC(2026, f.number, 1)),
      methodology: {
        rules: DISCLOSURE_RULES,
        questionnaire: "qmd-2025",
        model: { id: model.id, version: model.version },
        dimensions: FIXTURE_DIMENSIONS,
        note: { zh: "测试用统计发布。", en: "A statistics release for tests." },
      },
      summary: { cells: cells.length, suppressed, firmsByPeriod },
      containsSynthetic: f.containsSynthetic ?? false,
      builtAt: status === "building" ? null : new Date(Date.UTC(2026, f.number, 2)),
      publishedAt: status === "published" || status === "superseded" ? new Date(Date.UTC(2026, f.number, 3)) : null,
    })
    .returning({ id: statisticsReleases.id });
  for (let k = 0; k < cells.length; k += 1000)
    await db.insert(releaseCells).values(
      cells.slice(k, k + 1000).map((c) => ({
        releaseId: row!.id,
        period: c.period,
        industry: c.industry,
        region: c.region,
        size: c.size,
        suppressed: c.suppressed,
        reason: c.reason,
        metrics: c.metrics ?? {},
      })),
    );
  return { id: row!.id, cells };
}

/** A full-size cube (every group, division, province and size for `periods`): ~30,000 cells for five periods. */
export function fullCubeCells(periods: string[], industries: string[], regions: string[]): ReleaseCell[] {
  const sizes = ["*", "large", "medium", "small", "micro"];
  const cells: ReleaseCell[] = [];
  for (const period of periods)
    for (const industry of industries)
      for (const region of regions)
        for (const size of sizes) {
          const key = { period, industry, region, size };
          const h = hash(`${period}|${industry}|${region}|${size}`);
          cells.push(
            h % 3 === 0
              ? { ...key, suppressed: true, reason: "threshold", metrics: null }
              : { ...key, suppressed: false, reason: null, metrics: fixtureMetrics(`${industry}|${region}|${size}`) },
          );
        }
  return cells;
}
