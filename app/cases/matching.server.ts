// The published cases a firm's report suggests: those illustrating its weak scenes or articles,
// most similar firm first.
import { and, desc, eq, sql } from "drizzle-orm";
import { cases, firms } from "~db/schema";
import { type PublicCase, publicColumns, toPublic } from "~/cases/public.server";
import { industryGroupOf } from "~/content/taxonomies.server";
import { prepared } from "~/platform/prepared.server";

/**
 * Published cases for a firm's report: those illustrating any of the given scenes or articles,
 * most similar firm first (same division, then same group; same size; same region).
 */
export async function casesForFirm(
  firm: { industryDivision: string; sizeClass: string; regionCode: string },
  about: { scenes: string[]; articles: number[] },
  opts: { excludeFirmId?: string; limit?: number } = {},
): Promise<Array<PublicCase & { sceneSlugs: string[]; articles: number[] }>> {
  if (!about.scenes.length && !about.articles.length) return [];
  const rows = await casesForFirmQuery().execute({
    scenes: about.scenes,
    articles: about.articles,
    division: firm.industryDivision,
    group: industryGroupOf(firm.industryDivision) ?? "",
    size: firm.sizeClass,
    region: firm.regionCode,
    exclude: opts.excludeFirmId ?? null,
    limit: opts.limit ?? 30,
  });
  return rows.map((r) => ({ ...toPublic(r), sceneSlugs: r.sceneSlugs, articles: r.articles }));
}

// Every firm's report runs this: prepared once, one shape for all inputs (an empty list overlaps nothing).
const casesForFirmQuery = () =>
  prepared("cases_for_firm", (d) => {
    const p = sql.placeholder;
    const similarity = sql<number>`(case when ${cases.industryDivision} = ${p("division")} then 4 when ${cases.industryGroup} = ${p("group")} then 2 else 0 end
      + case when ${cases.sizeClass}::text = ${p("size")} then 1 else 0 end + case when ${cases.regionCode} = ${p("region")} then 1 else 0 end)`;
    return d
      .select({ ...publicColumns, sceneSlugs: cases.sceneSlugs, articles: cases.articles })
      .from(cases)
      .innerJoin(firms, eq(firms.id, cases.firmId))
      .where(
        and(
          eq(cases.status, "published"),
          sql`(${cases.sceneSlugs} && ${p("scenes")}::text[] or ${cases.articles} && ${p("articles")}::int[])`,
          sql`${cases.firmId} is distinct from ${p("exclude")}::uuid`,
        ),
      )
      .orderBy(desc(similarity), desc(cases.publishedAt))
      .limit(p("limit"))
      .prepare("cases_for_firm");
  });
