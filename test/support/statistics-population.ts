// Firms with submitted assessments written straight into the database, for release and benchmark tests.
// Scores are given, not answered: the release builder reads only the stored scores and classification.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "~/platform/db.server";
import { uniqueCreditCode } from "./factories";

export interface PopulationFirm {
  division: string;
  region: string;
  size: "large" | "medium" | "small" | "micro";
  period: string;
  overall: number;
  stage: number;
  /** Defaults to the overall score for every dimension. */
  dimensions?: Record<string, number | null>;
  groupKey?: string;
  /** GB/T 2260 city code within the region; none by default. */
  city?: string;
  firmId?: string;
  synthetic?: boolean;
}

export const DIMENSIONS = [
  "strategy",
  "planning",
  "people",
  "equipment",
  "materials",
  "inspection",
  "data-management",
  "data-modelling",
  "data-security",
  "scenarios",
];

/** Insert firms (or reuse `firmId`) and one submitted assessment each; returns the assessment ids. */
export async function addAssessments(
  firms: PopulationFirm[],
  version = "qmd-2025",
): Promise<Array<{ assessmentId: string; firmId: string }>> {
  const out: Array<{ assessmentId: string; firmId: string }> = [];
  for (const f of firms) {
    const firmId = f.firmId ?? randomUUID();
    if (!f.firmId)
      await db()
        .execute(sql`insert into firms (id, name, credit_code, industry_division, region_code, city_code, size_class, group_key, is_synthetic)
        values (${firmId}, ${"测试企业 " + firmId.slice(0, 6)}, ${uniqueCreditCode(f.region)}, ${f.division}, ${f.region}, ${f.city ?? null}, ${f.size}, ${f.groupKey ?? null}, ${f.synthetic ?? false})`);
    const assessmentId = randomUUID();
    const dims = f.dimensions ?? Object.fromEntries(DIMENSIONS.map((d) => [d, f.overall]));
    await db()
      .execute(sql`insert into assessments (id, firm_id, questionnaire_version_id, period, status, answers, overall_score, stage, dimension_scores, result,
        submitted_at, industry_division, region_code, city_code, size_class, unit_key, is_synthetic)
      values (${assessmentId}, ${firmId}, ${version}, ${f.period}, 'submitted', '{}'::jsonb, ${f.overall}, ${f.stage}, ${JSON.stringify(dims)}::jsonb, '{}'::jsonb,
        now(), ${f.division}, ${f.region}, ${f.city ?? null}, ${f.size}, ${f.groupKey ?? firmId}, ${f.synthetic ?? false})`);
    out.push({ assessmentId, firmId });
  }
  return out;
}

export const stageOf = (score: number) => Math.min(5, 1 + Math.floor(score / 20));

/** Cities the spread can place firms in, per province; null leaves the city out ("not given"). */
const SPREAD_CITIES: Record<string, Array<string | null>> = {
  "330000": ["330100", "330200", "330100", null],
  "320000": ["320100", "320500", "320500"],
  "440000": ["440100", "440300", null],
  "370000": ["370100", "370200"],
};

/**
 * A deterministic spread of firms over a few divisions, provinces and sizes; with `cities`, over a few
 * cities of each province too (drawn from the firm's position, so every other draw stays the same).
 */
export function spread(count: number, period: string, seed = 1, options: { cities?: boolean } = {}): PopulationFirm[] {
  const divisions = ["C36", "C38", "C26", "C13", "C39"];
  const regions = ["330000", "320000", "440000", "370000"];
  const sizes = ["small", "micro", "medium", "large"] as const;
  let s = seed;
  const next = () => (s = (s * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: count }, (_, k) => {
    const overall = Math.round(next() * 1000) / 10;
    const division = divisions[Math.floor(next() * divisions.length)]!;
    const region = regions[Math.floor(next() * regions.length)]!;
    const size = sizes[Math.floor(next() * next() * sizes.length)]!;
    const choices = SPREAD_CITIES[region]!;
    const city = options.cities ? choices[(k * 7 + seed) % choices.length] : null;
    return { division, region, size, period, overall, stage: stageOf(overall), ...(city ? { city } : {}) };
  });
}
