// The interval audit (decision 038) on a real release: an outsider's LP attack (test/support/lp-attack.ts,
// written apart from the audit) over the stored cells of a build, cube and city layer, with the bounds every
// reader knows, pins no suppressed count below 3 firms and no small cell's score total within the
// protection interval. The same data built without the audit is caught, so the attack cannot pass vacuously.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { db, rowsOf } from "~/platform/db.server";
import { layerOfRegion, unknownCity } from "~/statistics/disclosure/cube-shape";
import { buildRelease } from "~/statistics/release/build.server";
import { cubeContext } from "~/statistics/release/cube-context.server";
import { DISCLOSURE_RULES, type PublishedMetrics } from "~/statistics/types";
import { useIsolatedDatabase } from "~test/support/database";
import { type AttackCell, lpAttack } from "~test/support/lp-attack";
import { addAssessments, type PopulationFirm, spread, stageOf } from "~test/support/statistics-population";

useIsolatedDatabase();

const version = async () => (await getQuestionnaireVersion("qmd-2025"))!;
const firm = (f: Omit<PopulationFirm, "period" | "stage">): PopulationFirm => ({
  ...f,
  period: "2025",
  stage: stageOf(f.overall),
});

beforeAll(async () => {
  await syncQuestionnaireVersions();
  const many = (n: number, f: Omit<PopulationFirm, "period" | "stage" | "overall">, base: number) =>
    Array.from({ length: n }, (_, k) => firm({ ...f, overall: base + ((k * 7) % 30) }));
  await addAssessments([
    ...spread(40, "2025", 7, { cities: true }),
    // Tianjin's auto makers, as the outside attack on the demo release found them: a dozen small firms, and
    // one large and one medium firm that only bounds tell apart (each listed cell holds at least one firm).
    ...many(12, { division: "C36", region: "120000", size: "small" }, 40),
    firm({ division: "C36", region: "120000", size: "large", overall: 89.2 }),
    firm({ division: "C36", region: "120000", size: "medium", overall: 81.5 }),
    // Zhejiang and Jiangsu, by city: a large cell per province, and a few strays in other cities and sizes.
    ...many(11, { division: "C38", region: "330000", size: "small", city: "330100" }, 35),
    ...many(2, { division: "C38", region: "330000", size: "medium", city: "330200" }, 60),
    firm({ division: "C13", region: "330000", size: "micro", city: "330100", overall: 22.4 }),
    ...many(12, { division: "C36", region: "320000", size: "small", city: "320100" }, 45),
    firm({ division: "C36", region: "320000", size: "large", city: "320500", overall: 95.1 }),
    firm({ division: "C38", region: "320000", size: "small", city: "320100", overall: 58 }),
  ]);
});

interface Cell {
  industry: string;
  region: string;
  size: string;
  suppressed: boolean;
  metrics: PublishedMetrics | null;
}

/** The finest parts a reader cannot rule out: (division, province, size, city slot). */
interface Part {
  division: string;
  region: string;
  size: string;
  city: string;
}

/**
 * What the LP attack confines in a build, as the judge (who knows the true counts) states it: a suppressed
 * cell of fewer than 3 firms whose count cannot reach 3, or a suppressed cell of fewer than 10 firms whose
 * score total lies in an interval no wider than the protection interval.
 */
async function confined(releaseId: string): Promise<string[]> {
  const { shape } = cubeContext((await version()).model);
  const groupOf = (division: string) =>
    shape.industry.values[shape.industry.parent[shape.industry.indexOf.get(division)!]!]!;
  const cells = rowsOf<Cell>(
    await db().execute(
      sql`select industry, region, size, suppressed, metrics from release_cells where release_id = ${releaseId} and period = '2025'`,
    ),
  );
  // Listed cells only: a leaf cell (division × province × size) and a city's group cell, both listed, may
  // share firms, so the reader must allow every such pair; nothing finer is published.
  const leaves = cells.filter((c) => /^C\d\d$/.test(c.industry) && /^\d{2}0000$/.test(c.region) && c.size !== "*");
  const cityCells = cells.filter((c) => layerOfRegion(c.region) === "city" && c.industry.startsWith("G:"));
  const parts: Part[] = leaves.flatMap((l) =>
    cityCells
      .filter((z) => z.industry === groupOf(l.industry) && z.region.slice(0, 2) === l.region.slice(0, 2))
      .map((z) => ({ division: l.industry, region: l.region, size: l.size, city: z.region })),
  );
  expect(parts.some((p) => p.city === unknownCity("120000"))).toBe(true);
  const holds = (c: Cell, p: Part) =>
    (c.industry === "*" || c.industry === p.division || c.industry === groupOf(p.division)) &&
    (layerOfRegion(c.region) === "city"
      ? c.region === p.city
      : (c.region === "*" || c.region === p.region) && (c.size === "*" || c.size === p.size));
  const attackCells: AttackCell[] = cells.map((c) => ({
    parts: parts.flatMap((p, j) => (holds(c, p) ? [j] : [])),
    published: c.suppressed ? null : { firms: c.metrics!.firms, mean: c.metrics!.overall.mean! },
  }));
  // The true counts, to judge: the builder's members per cell.
  const members = rowsOf<Part>(
    await db().execute(
      sql`select m.industry_division as division, m.region_code as region, m.size_class::text as size,
        coalesce(a.city_code, ${"XX"}) as city
        from release_members m join assessments a on a.id = m.assessment_id where m.release_id = ${releaseId}`,
    ),
  ).map((m) => ({ ...m, city: m.city === "XX" ? unknownCity(m.region) : m.city }));
  const firms = cells.map((c) => members.filter((m) => holds(c, m)).length);
  const { minUnitsForCounts, minUnitsForScores, scoreProtection } = DISCLOSURE_RULES;
  const exposures = await lpAttack(parts.length, attackCells, (k) => firms[k]! < minUnitsForScores);
  const out: string[] = [];
  for (const e of exposures) {
    const c = cells[e.cell]!;
    const name = `${c.industry}/${c.region}/${c.size}`;
    if (firms[e.cell]! < minUnitsForCounts && e.maxCount < minUnitsForCounts - 1e-6)
      out.push(`${name}: at most ${e.maxCount} firms`);
    if (e.maxSum - e.minSum <= scoreProtection + 1e-6) out.push(`${name}: total within [${e.minSum}, ${e.maxSum}]`);
  }
  return out;
}

describe("the interval audit in a release build", () => {
  it("leaves no suppressed count below 3 firms and no small cell's total within the protection interval", async () => {
    const built = await buildRelease({ version: await version(), actorId: null });
    const work = built.summary.interval!;
    // The audit found cells to free and withheld published cells for them.
    expect(work.confined).toBeGreaterThan(0);
    expect(work.withheld).toBeGreaterThan(0);
    expect(built.summary.unresolved).toBe(0);
    expect(await confined(built.id)).toEqual([]);
  });

  it("catches a planted leak: the same data built without the interval audit", async () => {
    const built = await buildRelease({ version: await version(), actorId: null, intervalAudit: false });
    expect(built.summary.interval).toBeUndefined();
    const found = await confined(built.id);
    expect(found).toContain("C36/120000/large: at most 1 firms");
    expect(found.some((f) => f.startsWith("C36/120000/large: total within"))).toBe(true);
  });
});
