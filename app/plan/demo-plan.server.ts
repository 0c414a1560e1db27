// The demo firm's plan (issue 14): one action in each status, one overdue, one owned by a colleague,
// chosen from the recommendations of the demo assessment's weakest dimensions. db/seed.ts calls it.
import { eq } from "drizzle-orm";
import type { Db } from "~db/connect";
import { assessments, planActions, questionnaireVersions } from "~db/schema";
import type { PlanStatus } from "~/plan/status";

const day = (offset: number, now: Date) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoPlan(
  tx: Db,
  ids: { firmId: string; ownerId: string; memberId: string; assessmentId: string },
  now = new Date(),
): Promise<number> {
  const [row] = await tx
    .select({ result: assessments.result, model: questionnaireVersions.model })
    .from(assessments)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, assessments.questionnaireVersionId))
    .where(eq(assessments.id, ids.assessmentId));
  if (!row?.result) throw new Error(`demo plan: assessment ${ids.assessmentId} is not submitted`);
  const { model, result } = row;
  const weakest = [...result.dimensions]
    .filter((d) => d.level !== null)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .map((d) => model.recommendations.find((r) => r.dimension === d.id && r.level === d.level))
    .filter((r): r is NonNullable<typeof r> => Boolean(r));
  const plan: Array<{ status: PlanStatus; due: number; owner: string; notes: string }> = [
    { status: "planned", due: -14, owner: ids.ownerId, notes: "" },
    { status: "in_progress", due: 45, owner: ids.memberId, notes: "已完成需求调研，正在选型。" },
    { status: "done", due: -60, owner: ids.ownerId, notes: "已在管理评审中通过。" },
    { status: "dropped", due: 90, owner: ids.memberId, notes: "与年度预算冲突，明年再议。" },
    { status: "planned", due: 120, owner: ids.memberId, notes: "" },
  ];
  const values = plan.flatMap((p, i) => {
    const rec = weakest[i % Math.max(weakest.length, 1)];
    const actionIndex = Math.floor(i / Math.max(weakest.length, 1));
    const title = rec?.actions[actionIndex] ?? rec?.actions[0];
    if (!rec || !title) return [];
    return [
      {
        firmId: ids.firmId,
        assessmentId: ids.assessmentId,
        source: "recommendation" as const,
        sourceKey: `rec:${ids.assessmentId}:${rec.dimension}:${rec.level}:${actionIndex}`,
        dimension: rec.dimension,
        recommendationLevel: rec.level,
        actionIndex,
        sourceTitle: title,
        articles: rec.articles,
        sceneSlug: rec.scenes?.[0] ?? null,
        ownerId: p.owner,
        dueDate: day(p.due, now),
        status: p.status,
        notes: p.notes,
        createdBy: ids.ownerId,
      },
    ];
  });
  if (values.length) await tx.insert(planActions).values(values).onConflictDoNothing();
  return values.length;
}
