// Builds and publishes statistics releases. A build is one repeatable-read transaction: it reads one
// snapshot, computes each period's cube under disclosure control (app/statistics/disclosure), and stores the release, its
// cells and its private member list together, or nothing at all.
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { type JobProgress, releaseCells, type StatisticsRelease, statisticsReleases } from "~db/schema";
import type { QuestionnaireVersion } from "~/assessment/versions.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { rowsOf } from "~/platform/db.server";
import { seededRandom } from "~/platform/seeded-random";
import { layerOfRegion } from "~/statistics/disclosure/cube-shape";
import { buildPeriodCube } from "~/statistics/disclosure/period-cube";
import { cubeContext } from "~/statistics/release/cube-context.server";
import {
  advanceSpans,
  earlierPeriod,
  loadPeriodRecords,
  snapshotMembers,
  submittedPeriods,
} from "~/statistics/release/data.server";
import { DISCLOSURE_RULES, SUPPRESSION_REASONS, type SuppressionReason } from "~/statistics/types";

export interface ReleaseSummary {
  cells: number;
  suppressed: Record<SuppressionReason, number>;
  firmsByPeriod: Record<string, number | null>;
  /** Cells an audit found computable (from earlier releases) that this release could not protect; publishing is refused. */
  unresolved: number;
  auditRounds: number;
  records: number;
  skipped: number;
  buildMs: number;
}

export class ReleaseError extends Error {
  constructor(
    readonly code:
      | "no_data"
      | "label_taken"
      | "not_found"
      | "not_built"
      | "newer_exists"
      | "unresolved"
      | "bad_period"
      | "not_public",
  ) {
    super(code);
  }
}

const METHODOLOGY_NOTE = {
  zh: "统计表为行业×地区×规模×周期的固定立方体（含全部合计）。得分统计至少需10家独立企业（同一企业集团计为1家），四分位数至少需20家，十分位数至少需50家；同一阶段集中n−1家及以上时整格隐去。阶段占比乘以企业数即为各阶段的企业数，因此某一阶段只有1或2家企业时，该格不公布阶段分布（其余指标照常公布）；阶段为0家的可以公布。为防止推算，必要时其他格的阶段分布也不公布，并同样经线性代数核验。为防止通过合计相减推算，另行隐去必要的格（次级隐去），并用线性代数核验任何被隐去格都不能由公开格计算得出。新一期沿用以往各期的隐去，且与以往每一期比较：变化少于10家的格不再公开。另有地级市表（城市×行业大类，仅向辖区内的工作人员提供，不公开），与立方体作为一个整体执行同样的规则和核验。",
  en: "Tables are a fixed cube of industry × region × size × period with every margin. Score statistics need at least 10 independent firms (firms of one group of companies count once), quartiles at least 20, deciles at least 50; a cell where n−1 or more firms share one stage is suppressed. A stage share times the firms is a count of firms, so a cell with a stage of 1 or 2 firms publishes everything but its stage distribution (a stage of 0 firms is shown); further stage distributions are withheld where needed so that none withheld can be computed, which the same audit verifies. Further cells are suppressed so that no suppressed cell can be computed from published ones, which a linear-algebra audit verifies. Each release keeps the suppressions of earlier releases and is compared with every one of them: a cell that changed by fewer than 10 firms is not republished. A city table (city × industry group, for staff within their jurisdiction only, never public) follows the same rules and is audited together with the cube.",
};

export interface BuildInput {
  version: QuestionnaireVersion;
  periods?: string[];
  label?: string;
  actorId: string | null;
  /** Where the build has got to: the stage, the period, its cells written, and the share of the whole. */
  onProgress?: (p: JobProgress) => void;
}

/** The share of a build done: a tenth for the snapshot, the rest split evenly between the periods. */
export function buildShare(periodIndex: number, periods: number, withinPeriod: number): number {
  return Math.min(1, 0.1 + (0.9 * (periodIndex + Math.min(1, Math.max(0, withinPeriod)))) / periods);
}

export async function buildRelease(input: BuildInput): Promise<StatisticsRelease> {
  const started = Date.now();
  const { version } = input;
  const progress = input.onProgress ?? (() => undefined);
  const ctx = cubeContext(version.model);
  return db().transaction(
    async (tx) => {
      // One build at a time: numbers and the across-time checks depend on order.
      await tx.execute(sql`select pg_advisory_xact_lock(4751207)`);
      // The cut-off is stored and compared with millisecond precision (a JS Date), while submitted_at has
      // microseconds: rounding now() down could drop a row submitted in the same millisecond, so round up.
      const [{ ms }] = rowsOf<{ ms: string }>(
        await tx.execute(sql`select ceil(extract(epoch from now()) * 1000)::bigint::text as ms`),
      ) as [{ ms: string }];
      const cutoff = new Date(Number(ms));
      const available = await submittedPeriods(tx, version.id);
      const periods = input.periods?.length ? [...new Set(input.periods)].sort() : available;
      if (periods.some((p) => !available.includes(p))) throw new ReleaseError("bad_period");
      if (periods.length === 0) throw new ReleaseError("no_data");
      const [last] = await tx
        .select({ number: statisticsReleases.number })
        .from(statisticsReleases)
        .orderBy(desc(statisticsReleases.number))
        .limit(1);
      const number = (last?.number ?? 0) + 1;
      const label = input.label?.trim() || `R${number}`;
      const [taken] = await tx
        .select({ id: statisticsReleases.id })
        .from(statisticsReleases)
        .where(eq(statisticsReleases.label, label));
      if (taken) throw new ReleaseError("label_taken");
      // Every release that was ever public, withdrawn ones included: their figures were seen.
      const earlierReleases = await tx
        .select({ id: statisticsReleases.id, number: statisticsReleases.number, periods: statisticsReleases.periods })
        .from(statisticsReleases)
        .where(
          and(eq(statisticsReleases.questionnaireVersionId, version.id), isNotNull(statisticsReleases.publishedAt)),
        )
        .orderBy(statisticsReleases.number);
      const methodology = {
        rules: DISCLOSURE_RULES,
        questionnaire: version.id,
        model: { id: version.model.id, version: version.model.version },
        dimensions: version.model.dimensions.map((d) => ({ id: d.id, name: d.name })),
        note: METHODOLOGY_NOTE,
      };
      const [release] = await tx
        .insert(statisticsReleases)
        .values({
          number,
          label,
          questionnaireVersionId: version.id,
          periods,
          cutoff,
          methodology,
          status: "building",
          createdBy: input.actorId,
        })
        .returning();
      progress({ stage: "snapshot", share: 0 });
      await snapshotMembers(tx, version.id, periods, cutoff);
      await advanceSpans(tx, version.id, number, periods);
      const random = seededRandom(number);
      const suppressed = Object.fromEntries(SUPPRESSION_REASONS.map((r) => [r, 0])) as Record<
        SuppressionReason,
        number
      >;
      let cellCount = 0;
      const firmsByPeriod: Record<string, number | null> = {};
      let synthetic = false;
      let unresolved = 0;
      let auditRounds = 0;
      let records = 0;
      let skipped = 0;
      // One period at a time, its cells written before the next is read: memory holds one period.
      for (const [index, period] of periods.entries()) {
        progress({ stage: "loading", period, share: buildShare(index, periods.length, 0) });
        const loaded = await loadPeriodRecords(tx, ctx.shape, ctx.dimensionIds, version.id, period, cutoff);
        const earlier = [];
        for (const r of earlierReleases.filter((e) => e.periods.includes(period)))
          earlier.push(await earlierPeriod(tx, ctx.shape, ctx.interior, r, number, period, version.id));
        progress({ stage: "computing", period, share: buildShare(index, periods.length, 0.2) });
        const cube = buildPeriodCube(ctx, period, loaded.records, earlier, random);
        for (let k = 0; k < cube.cells.length; k += 1000) {
          const cellsDone = Math.min(cube.cells.length, k + 1000);
          progress({
            stage: "writing",
            period,
            cellsDone: k,
            cellsTotal: cube.cells.length,
            share: buildShare(index, periods.length, 0.6 + (0.4 * k) / cube.cells.length),
          });
          await tx.insert(releaseCells).values(
            cube.cells.slice(k, k + 1000).map((c) => ({
              releaseId: release!.id,
              period: c.period,
              industry: c.industry,
              region: c.region,
              size: c.size,
              suppressed: c.suppressed,
              reason: c.reason,
              metrics: c.metrics ?? {},
              layer: layerOfRegion(c.region),
            })),
          );
          if (cellsDone === cube.cells.length)
            progress({
              stage: "writing",
              period,
              cellsDone,
              cellsTotal: cellsDone,
              share: buildShare(index, periods.length, 1),
            });
        }
        for (const c of cube.cells) if (c.reason) suppressed[c.reason]++;
        cellCount += cube.cells.length;
        const national = cube.cells.find((c) => c.industry === "*" && c.region === "*" && c.size === "*");
        firmsByPeriod[period] = national && !national.suppressed ? national.metrics.firms : null;
        synthetic ||= loaded.synthetic;
        unresolved += cube.unresolved;
        auditRounds = Math.max(auditRounds, cube.rounds);
        records += loaded.records.count;
        skipped += loaded.skipped;
      }
      if (records === 0) throw new ReleaseError("no_data");
      const summary: ReleaseSummary = {
        cells: cellCount,
        suppressed,
        firmsByPeriod,
        unresolved,
        auditRounds,
        records,
        skipped,
        buildMs: 0,
      };
      summary.buildMs = Date.now() - started;
      const [built] = await tx
        .update(statisticsReleases)
        .set({ status: "built", builtAt: new Date(), summary, containsSynthetic: synthetic })
        .where(eq(statisticsReleases.id, release!.id))
        .returning();
      await recordAudit(
        {
          actorId: input.actorId,
          action: "release.built",
          subjectType: "release",
          subjectId: release!.id,
          details: { number, label, periods, cells: cellCount, unresolved },
        },
        tx,
      );
      return built!;
    },
    { isolationLevel: "repeatable read" },
  );
}

/** Publish a built release; the release it follows becomes superseded. Only the newest release may be published. */
export async function publishRelease(id: string, actorId: string | null): Promise<StatisticsRelease> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4751207)`);
    const [release] = await tx.select().from(statisticsReleases).where(eq(statisticsReleases.id, id)).for("update");
    if (!release) throw new ReleaseError("not_found");
    if (release.status !== "built") throw new ReleaseError("not_built");
    if ((release.summary.unresolved ?? 0) > 0) throw new ReleaseError("unresolved");
    const [newest] = await tx
      .select({ id: statisticsReleases.id })
      .from(statisticsReleases)
      .orderBy(desc(statisticsReleases.number))
      .limit(1);
    if (newest!.id !== id) throw new ReleaseError("newer_exists");
    await tx.update(statisticsReleases).set({ status: "superseded" }).where(eq(statisticsReleases.status, "published"));
    const [published] = await tx
      .update(statisticsReleases)
      .set({ status: "published", publishedAt: new Date() })
      .where(eq(statisticsReleases.id, id))
      .returning();
    await recordAudit(
      {
        actorId,
        action: "release.published",
        subjectType: "release",
        subjectId: id,
        details: { number: release.number, label: release.label },
      },
      tx,
    );
    return published!;
  });
}

/**
 * Withdraw a public release: it stays in the history marked withdrawn with the reason, its cells are no
 * longer served, and (its published_at kept) every later build still compares against it, since its figures
 * were public once. Withdrawing the published release makes the newest superseded one the published one
 * again, so the public site falls back to it rather than to nothing.
 */
export async function withdrawRelease(
  id: string,
  reason: string,
  actorId: string | null,
): Promise<{ number: number; restored: number | null }> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4751207)`);
    const [release] = await tx.select().from(statisticsReleases).where(eq(statisticsReleases.id, id)).for("update");
    if (!release) throw new ReleaseError("not_found");
    if (release.status !== "published" && release.status !== "superseded") throw new ReleaseError("not_public");
    await tx
      .update(statisticsReleases)
      .set({ status: "withdrawn", withdrawnAt: new Date(), withdrawnReason: reason })
      .where(eq(statisticsReleases.id, id));
    let restored: number | null = null;
    if (release.status === "published") {
      const [previous] = await tx
        .select({ id: statisticsReleases.id, number: statisticsReleases.number })
        .from(statisticsReleases)
        .where(eq(statisticsReleases.status, "superseded"))
        .orderBy(desc(statisticsReleases.number))
        .limit(1);
      if (previous) {
        await tx.update(statisticsReleases).set({ status: "published" }).where(eq(statisticsReleases.id, previous.id));
        restored = previous.number;
      }
    }
    await recordAudit(
      {
        actorId,
        action: "release.withdrawn",
        subjectType: "release",
        subjectId: id,
        details: { number: release.number, label: release.label, reason, restored },
      },
      tx,
    );
    return { number: release.number, restored };
  });
}

/** Every release, newest first, for the staff page (public pages read only published ones). */
export async function listAllReleases() {
  return db().select().from(statisticsReleases).orderBy(desc(statisticsReleases.number));
}
