// Release members are kept as spans (one row per version of a member): an unchanged population adds no
// rows, each release's member list reads back exactly as it was when built, and two releases' difference
// is what the across-time check counts.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { db } from "~/platform/db.server";
import { rowsOf } from "~/platform/db.server";
import { buildRelease, publishRelease } from "~/statistics/release/build.server";
import { useIsolatedDatabase } from "~test/support/database";
import { addAssessments, spread } from "~test/support/statistics-population";

useIsolatedDatabase();
beforeAll(async () => {
  await syncQuestionnaireVersions();
});
const version = async () => (await getQuestionnaireVersion("qmd-2025"))!;

const count = async (q: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await db().execute(q))[0]!.n;
const spans = () => count(sql`select count(*)::int as n from member_spans`);
const members = async (releaseId: string, period?: string) =>
  rowsOf<{ m: string }>(
    await db().execute(
      sql`select assessment_id || '|' || digest as m from release_members where release_id = ${releaseId} ${period ? sql`and period = ${period}` : sql``} order by 1`,
    ),
  ).map((r) => r.m);

async function build(label: string, periods?: string[]) {
  const built = await buildRelease({ version: await version(), actorId: null, label, periods });
  await publishRelease(built.id, null);
  return built;
}

describe("member spans", () => {
  it("add rows only for changes, and give back every release's members as built", async () => {
    const first = await addAssessments([...spread(120, "2024", 3), ...spread(80, "2025", 4)]);
    const r1 = await build("跨度1");
    expect(await spans()).toBe(200);
    const list1 = await members(r1.id);
    expect(list1).toHaveLength(200);

    // Nothing changed: a new release writes no span, and lists the same members.
    const r2 = await build("跨度2");
    expect(await spans()).toBe(200);
    expect(await members(r2.id)).toEqual(list1);

    // One score changed, one withdrawn, one firm added: one span ends for each of the first two and two begin.
    await db().execute(
      sql`update assessments set overall_score = 12.5, stage = 1 where id = ${first[0]!.assessmentId}`,
    );
    await db().execute(
      sql`update assessments set status = 'withdrawn', withdrawn_at = now() where id = ${first[1]!.assessmentId}`,
    );
    const [added] = await addAssessments([
      { division: "C36", region: "330000", size: "small", period: "2024", overall: 50, stage: 3 },
    ]);
    const r3 = await build("跨度3");
    expect(await spans()).toBe(202);
    expect(await count(sql`select count(*)::int as n from member_spans where to_release is not null`)).toBe(2);
    const list3 = await members(r3.id);
    expect(list3).toHaveLength(200);
    expect(list3.some((m) => m.startsWith(first[1]!.assessmentId))).toBe(false);
    expect(list3.some((m) => m.startsWith(added!.assessmentId))).toBe(true);
    expect(list3.find((m) => m.startsWith(first[0]!.assessmentId))).not.toBe(
      list1.find((m) => m.startsWith(first[0]!.assessmentId)),
    );
    // The earlier releases still read as they were.
    expect(await members(r1.id)).toEqual(list1);
    expect(await members(r2.id)).toEqual(list1);

    // A release of one period leaves the other period's spans alone.
    await db().execute(
      sql`update assessments set overall_score = 77.5, stage = 4 where id = ${first[150]!.assessmentId}`,
    ); // a 2025 assessment
    const r4 = await build("跨度4", ["2024"]);
    expect(await spans()).toBe(202);
    expect(await members(r4.id)).toEqual(await members(r3.id, "2024"));
    const r5 = await build("跨度5");
    expect(await spans()).toBe(203);
    expect(await members(r5.id, "2024")).toEqual(await members(r3.id, "2024"));
    expect(await members(r5.id, "2025")).not.toEqual(await members(r3.id, "2025"));
    expect(await members(r3.id, "2025")).toHaveLength(80);
  });
});
