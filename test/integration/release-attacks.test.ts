// Attacks on releases from the real builder and database: exact linear algebra over the published cells of
// one release, and snapshot differencing (add, remove or change one firm, rebuild, combine both releases).
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { db } from "~/platform/db.server";
import { rowsOf } from "~/platform/db.server";
import { layerOfRegion, unknownCity } from "~/statistics/disclosure/cube-shape";
import { buildRelease, publishRelease } from "~/statistics/release/build.server";
import { cubeContext } from "~/statistics/release/cube-context.server";
import type { PublishedMetrics } from "~/statistics/types";
import { useIsolatedDatabase } from "~test/support/database";
import { ExactSpan } from "~test/support/exact-span";
import { stageCountLeaks } from "~test/support/stage-leaks";
import { addAssessments, spread, stageOf } from "~test/support/statistics-population";

useIsolatedDatabase();
beforeAll(async () => {
  await syncQuestionnaireVersions();
});
const version = async () => (await getQuestionnaireVersion("qmd-2025"))!;

interface Cell {
  period: string;
  industry: string;
  region: string;
  size: string;
  suppressed: boolean;
  reason: string | null;
  metrics: PublishedMetrics;
}
interface Member {
  assessment_id: string;
  period: string;
  industry_division: string;
  region_code: string;
  size_class: string;
  city_code: string | null;
}

async function release(id: string) {
  const cells = rowsOf<Cell>(
    await db().execute(
      sql`select period, industry, region, size, suppressed, reason, metrics from release_cells where release_id = ${id}`,
    ),
  );
  const members = rowsOf<Member>(
    await db().execute(
      sql`select m.assessment_id, m.period, m.industry_division, m.region_code, m.size_class::text as size_class,
        (select s.city_code from member_spans s where s.assessment_id = m.assessment_id and s.digest = m.digest limit 1) as city_code
        from release_members m where m.release_id = ${id}`,
    ),
  );
  return { cells, members };
}

interface Interior {
  period: string;
  division: string;
  region: string;
  size: string;
  /** The city slot: a city code, or the province's "not given" key. */
  city: string;
}

/**
 * Does cell `c` hold the finest unit (period, division, city, size)? From keys and the taxonomy alone: a
 * cube cell by industry, province and size; a city-layer cell (all sizes) by industry and city.
 */
async function container() {
  const { shape } = cubeContext((await version()).model);
  const groupOf = (division: string) =>
    shape.industry.values[shape.industry.parent[shape.industry.indexOf.get(division)!]!]!;
  return (c: Cell, i: Interior) =>
    c.period === i.period &&
    (c.industry === "*" || c.industry === i.division || c.industry === groupOf(i.division)) &&
    (layerOfRegion(c.region) === "city"
      ? c.region === i.city
      : (c.region === "*" || c.region === i.region) && (c.size === "*" || c.size === i.size));
}

const interiorOf = (m: Member): Interior => ({
  period: m.period,
  division: m.industry_division,
  region: m.region_code,
  size: m.size_class,
  city: m.city_code ?? unknownCity(m.region_code),
});
const keyOf = (i: Interior) => `${i.period}|${i.division}|${i.region}|${i.size}|${i.city}`;

/**
 * The attacker's unknowns: every (period, division, city, size) a reader cannot rule out. Nothing publishes
 * division × city × size, so a combination is possible wherever its province's cell (division × province ×
 * size) and its city's cell (city × group) are both non-empty, not only where a member happens to be.
 */
async function unknowns(members: readonly Member[]): Promise<Interior[]> {
  const { shape } = cubeContext((await version()).model);
  const groupOf = (division: string) =>
    shape.industry.values[shape.industry.parent[shape.industry.indexOf.get(division)!]!]!;
  const seen = members.map(interiorOf);
  const leaves = new Map(seen.map((i) => [`${i.period}|${i.division}|${i.region}|${i.size}`, i]));
  const cities = new Set(seen.map((i) => `${i.period}|${groupOf(i.division)}|${i.region}|${i.city}`));
  const out: Interior[] = [];
  for (const leaf of leaves.values())
    for (const key of cities) {
      const [period, group, region, city] = key.split("|");
      if (period === leaf.period && region === leaf.region && group === groupOf(leaf.division))
        out.push({ ...leaf, city: city! });
    }
  return out;
}

describe("attacks on built releases", () => {
  it("linear algebra: no suppressed cell is a combination of published cells", async () => {
    await addAssessments([...spread(260, "2024", 3, { cities: true }), ...spread(180, "2025", 4, { cities: true })]);
    const built = await buildRelease({ version: await version(), actorId: null });
    await publishRelease(built.id, null);
    const { cells, members } = await release(built.id);
    const holds = await container();
    const interior = await unknowns(members);
    expect(cells.some((c) => layerOfRegion(c.region) === "city" && !c.suppressed)).toBe(true);
    const row = (c: Cell) => interior.map((i) => (holds(c, i) ? 1 : 0));
    const span = new ExactSpan(interior.length);
    for (const c of cells) if (!c.suppressed) span.add(row(c));
    const suppressed = cells.filter((c) => c.suppressed);
    expect(suppressed.length).toBeGreaterThan(10);
    for (const c of suppressed)
      expect(span.inSpan(row(c)), `${c.period}/${c.industry}/${c.region}/${c.size}`).toBe(false);
    // The attack is not vacuous: publish the city layer's complementary suppressions one at a time, as if
    // they had leaked, and it recovers some other suppressed cell.
    const planted = suppressed.filter((c) => c.reason === "secondary" && layerOfRegion(c.region) === "city");
    expect(planted.length).toBeGreaterThan(0);
    let caught = 0;
    for (const leak of planted) {
      const leaky = new ExactSpan(interior.length);
      for (const c of cells) if (!c.suppressed || c === leak) leaky.add(row(c));
      if (suppressed.some((c) => c !== leak && leaky.inSpan(row(c)))) caught++;
    }
    expect(caught).toBeGreaterThan(0);
  });

  it("stage distributions: none has a stage of 1 or 2 firms, none withheld is a combination of published ones", async () => {
    const [published] = rowsOf<{ id: string }>(
      await db().execute(sql`select id from statistics_releases where status = 'published'`),
    );
    const { cells, members } = await release(published!.id);
    expect(stageCountLeaks(cells)).toEqual([]);
    const withheld = cells.filter((c) => !c.suppressed && !c.metrics.stageShares);
    expect(withheld.length).toBeGreaterThan(10);
    expect(new Set(withheld.map((c) => c.metrics.stageReason))).toContain("threshold");
    // A stage's counts add up like firms: the published distributions give one equation per stage each.
    const holds = await container();
    const interior = [...new Map(members.map((m) => [keyOf(interiorOf(m)), interiorOf(m)])).values()];
    const row = (c: Cell) => interior.map((i) => (holds(c, i) ? 1 : 0));
    const span = new ExactSpan(interior.length);
    for (const c of cells) if (!c.suppressed && c.metrics.stageShares) span.add(row(c));
    for (const c of [...withheld, ...cells.filter((x) => x.suppressed)])
      expect(span.inSpan(row(c)), `${c.period}/${c.industry}/${c.region}/${c.size}`).toBe(false);
  });

  it("the stage check catches a planted leak: one stored cell tampered to show a stage of 1 firm", async () => {
    const [published] = rowsOf<{ id: string }>(
      await db().execute(sql`select id from statistics_releases where status = 'published'`),
    );
    const target = (await release(published!.id)).cells.find((c) => !c.suppressed && c.metrics.stageShares)!;
    const where = sql`release_id = ${published!.id} and period = ${target.period} and industry = ${target.industry}
      and region = ${target.region} and size = ${target.size}`;
    const n = target.metrics.firms;
    const planted = [100 / n, 100 - 100 / n, 0, 0, 0].map((x) => Math.round(x * 10) / 10);
    await db().execute(
      sql`update release_cells set metrics = jsonb_set(metrics, '{stageShares}', ${JSON.stringify(planted)}::jsonb) where ${where}`,
    );
    try {
      const key = `${target.period}|${target.industry}|${target.region}|${target.size}`;
      expect(stageCountLeaks((await release(published!.id)).cells)).toEqual([`${key}: stage 1 holds 1 firm(s)`]);
    } finally {
      await db().execute(
        sql`update release_cells set metrics = jsonb_set(metrics, '{stageShares}', ${JSON.stringify(target.metrics.stageShares)}::jsonb) where ${where}`,
      );
    }
    expect(stageCountLeaks((await release(published!.id)).cells)).toEqual([]);
  });

  for (const kind of ["add", "remove", "change"] as const)
    it(`snapshot differencing: one firm ${kind === "add" ? "added" : kind === "remove" ? "removed" : "changed"} between two releases cannot be recovered`, async () => {
      const [previous] = rowsOf<{ id: string }>(
        await db().execute(sql`select id from statistics_releases where status = 'published'`),
      );
      const before = await release(previous!.id);
      let target: Interior;
      if (kind === "add") {
        target = { period: "2024", division: "C36", region: "330000", size: "small", city: "330100" };
        await addAssessments([{ ...target, size: "small", overall: 77.7, stage: stageOf(77.7) }]);
      } else {
        const victim = before.members.find((m) => m.period === "2024")!;
        target = interiorOf(victim);
        if (kind === "remove")
          await db().execute(
            sql`update assessments set status = 'withdrawn', withdrawn_at = now() where id = ${victim.assessment_id}`,
          );
        else
          await db().execute(
            sql`update assessments set overall_score = 12.3, stage = 1 where id = ${victim.assessment_id}`,
          );
      }
      const built = await buildRelease({ version: await version(), actorId: null });
      await publishRelease(built.id, null);
      const after = await release(built.id);
      const holds = await container();
      const interior = await unknowns([...before.members, ...after.members]);
      expect(interior.some((i) => keyOf(i) === keyOf(target))).toBe(true);
      // Unknowns: the old interior values and d, the one firm's contribution; the new release knows x + d·[cell holds the firm].
      const span = new ExactSpan(interior.length + 1);
      for (const c of before.cells) if (!c.suppressed) span.add([...interior.map((i) => (holds(c, i) ? 1 : 0)), 0]);
      for (const c of after.cells)
        if (!c.suppressed) span.add([...interior.map((i) => (holds(c, i) ? 1 : 0)), holds(c, target) ? 1 : 0]);
      expect(span.inSpan([...interior.map(() => 0), 1])).toBe(false);
      // What was suppressed stays suppressed.
      const was = new Map(before.cells.map((c) => [`${c.period}|${c.industry}|${c.region}|${c.size}`, c.suppressed]));
      for (const c of after.cells)
        if (was.get(`${c.period}|${c.industry}|${c.region}|${c.size}`) === true) expect(c.suppressed).toBe(true);
    });
});
