// Attacks on releases from the real builder and database: exact linear algebra over the published cells of
// one release, and snapshot differencing (add, remove or change one firm, rebuild, combine both releases).
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { db } from "~/platform/db.server";
import { rowsOf } from "~/platform/db.server";
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
  metrics: PublishedMetrics;
}
interface Member {
  assessment_id: string;
  period: string;
  industry_division: string;
  region_code: string;
  size_class: string;
}

async function release(id: string) {
  const cells = rowsOf<Cell>(
    await db().execute(
      sql`select period, industry, region, size, suppressed, metrics from release_cells where release_id = ${id}`,
    ),
  );
  const members = rowsOf<Member>(
    await db().execute(
      sql`select assessment_id, period, industry_division, region_code, size_class::text as size_class from release_members where release_id = ${id}`,
    ),
  );
  return { cells, members };
}

/** Does cell `c` hold an interior cell (period, division, region, size)? From keys and the taxonomy alone. */
async function container() {
  const { shape } = cubeContext((await version()).model);
  const groupOf = (division: string) =>
    shape.industry.values[shape.industry.parent[shape.industry.indexOf.get(division)!]!]!;
  return (c: Cell, i: { period: string; division: string; region: string; size: string }) =>
    c.period === i.period &&
    (c.industry === "*" || c.industry === i.division || c.industry === groupOf(i.division)) &&
    (c.region === "*" || c.region === i.region) &&
    (c.size === "*" || c.size === i.size);
}

const interiorOf = (m: Member) => ({
  period: m.period,
  division: m.industry_division,
  region: m.region_code,
  size: m.size_class,
});
const keyOf = (i: { period: string; division: string; region: string; size: string }) =>
  `${i.period}|${i.division}|${i.region}|${i.size}`;

describe("attacks on built releases", () => {
  it("linear algebra: no suppressed cell is a combination of published cells", async () => {
    await addAssessments([...spread(260, "2024", 3), ...spread(180, "2025", 4)]);
    const built = await buildRelease({ version: await version(), actorId: null });
    await publishRelease(built.id, null);
    const { cells, members } = await release(built.id);
    const holds = await container();
    const interior = [...new Map(members.map((m) => [keyOf(interiorOf(m)), interiorOf(m)])).values()];
    const row = (c: Cell) => interior.map((i) => (holds(c, i) ? 1 : 0));
    const span = new ExactSpan(interior.length);
    for (const c of cells) if (!c.suppressed) span.add(row(c));
    const suppressed = cells.filter((c) => c.suppressed);
    expect(suppressed.length).toBeGreaterThan(10);
    for (const c of suppressed)
      expect(span.inSpan(row(c)), `${c.period}/${c.industry}/${c.region}/${c.size}`).toBe(false);
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
      let target: { period: string; division: string; region: string; size: string };
      if (kind === "add") {
        target = { period: "2024", division: "C36", region: "330000", size: "small" };
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
      const interior = [
        ...new Map([...before.members, ...after.members].map((m) => [keyOf(interiorOf(m)), interiorOf(m)])).values(),
      ];
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
