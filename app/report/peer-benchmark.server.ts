// The firm report's peer benchmark: a few primary-key reads of the newest public release that covers the
// assessment's period, so its cost does not grow with the number of firms.
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { statisticsReleases, type Assessment } from "~db/schema";
import { db, perDatabase } from "~/platform/db.server";
import { prepared } from "~/platform/prepared.server";
import { Lru } from "~/platform/lru";
import { industries } from "~/content/taxonomies.server";
import { choosePeerGroup, histogramBin, positionBand, type PeerChoice, type PeerLevel, type PositionBand } from "~/report/peer-position";
import { ALL, DISCLOSURE_RULES, GROUP_PREFIX } from "~/statistics/types";
import { rowsOf } from "~/statistics/release/data.server";
import { toCell } from "~/statistics/release/read.server";

export interface PeerBenchmark {
  release: { number: number; label: string; publishedAt: string; synthetic: boolean };
  level: PeerLevel;
  skipped: PeerChoice["skipped"];
  firms: number;
  band: PositionBand | null;
  overall: { median: number | null; p75: number | null; mean: number };
  /** Per dimension id: the peer median and top quartile (null when not published). */
  dimensions: Record<string, { median: number | null; p75: number | null }>;
  histogram: { edges: number[]; counts: number[]; firmBin: number };
}

export type PeerOutcome = { status: "ok"; peers: PeerBenchmark } | { status: "no-release" | "not-submitted" | "no-group" };

const benchmarkable = (a: Assessment): a is Assessment & { industryDivision: string; sizeClass: string; overallScore: number } =>
  a.status === "submitted" && a.overallScore !== null && !!a.industryDivision && !!a.sizeClass;

export async function peerBenchmark(assessment: Assessment): Promise<PeerOutcome> {
  if (!benchmarkable(assessment)) return { status: "not-submitted" };
  // The newest public release that covers the period and has a usable group: a late submission can make a
  // newer release suppress the firm's groups (across-time rule) while an older one still serves.
  const releases = await releaseCandidates().execute({ version: assessment.questionnaireVersionId, period: assessment.period, assessmentId: assessment.id });
  if (releases.length === 0) return { status: "no-release" };
  for (const release of releases) {
    const peers = await fromRelease(assessment, release);
    if (peers) return { status: "ok", peers };
  }
  return { status: "no-group" };
}

const RELEASES_TRIED = 4;

/** Up to RELEASES_TRIED public releases covering the period, newest first, each saying whether the assessment is one of its members. */
const releaseCandidates = () =>
  prepared("peer_releases", (d) =>
    d
      .select({
        id: statisticsReleases.id,
        number: statisticsReleases.number,
        label: statisticsReleases.label,
        publishedAt: statisticsReleases.publishedAt,
        containsSynthetic: statisticsReleases.containsSynthetic,
        // The release covers the assessment's period, so a span of it open at the release's number means counted.
        counted: sql<boolean>`exists (select 1 from member_spans m where m.assessment_id = ${sql.placeholder("assessmentId")}
          and m.from_release <= ${statisticsReleases.number} and (m.to_release is null or m.to_release > ${statisticsReleases.number}))`,
      })
      .from(statisticsReleases)
      .where(and(eq(statisticsReleases.questionnaireVersionId, sql.placeholder("version")), isNotNull(statisticsReleases.publishedAt), sql`${sql.placeholder("period")} = any(${statisticsReleases.periods})`))
      .orderBy(desc(statisticsReleases.number))
      .limit(RELEASES_TRIED)
      .prepare("peer_releases"),
  );

type ReleaseCandidate = Awaited<ReturnType<ReturnType<typeof releaseCandidates>["execute"]>>[number];

type PeerCellRow = { industry: string; size: string; suppressed: boolean; reason: string | null; metrics: unknown };
// A release's cells never change: the few a peer group needs are kept per release, period and key.
const cellCache = perDatabase(() => new Lru<string, PeerCellRow[]>(5000));

function peerCells(releaseId: string, period: string, industries: string[], sizes: string[]): Promise<PeerCellRow[]> {
  return cellCache().through(`${releaseId}|${period}|${industries.join(",")}|${sizes.join(",")}`, async () =>
    rowsOf<PeerCellRow>(
      await db().execute(sql`select industry, size, suppressed, reason, metrics from release_cells
        where release_id = ${releaseId} and period = ${period} and industry in (${sql.join(industries.map((i) => sql`${i}`), sql`, `)})
          and region = '*' and size in (${sql.join(sizes.map((z) => sql`${z}`), sql`, `)})`),
    ),
  );
}

async function fromRelease(assessment: Assessment & { industryDivision: string; sizeClass: string; overallScore: number }, release: ReleaseCandidate): Promise<PeerBenchmark | null> {
  const division = assessment.industryDivision;
  const group = industries().divisions.find((d) => d.code === division)?.group;
  const keys: Array<[PeerLevel, string, string]> = [
    ["division-size", division, assessment.sizeClass],
    ["division", division, "*"],
    ["group", group ? GROUP_PREFIX + group : "-", "*"],
    ["all", "*", "*"],
  ];
  const rows = await peerCells(release.id, assessment.period, [...new Set(keys.map(([, i]) => i))], [...new Set(keys.map(([, , s]) => s))]);
  const candidates = keys.map(([level, industry, size]) => {
    const row = rows.find((r) => r.industry === industry && r.size === size);
    return { level, cell: row ? toCell({ ...row, period: assessment.period, region: ALL }) : undefined };
  });
  const choice = choosePeerGroup(candidates, release.counted, DISCLOSURE_RULES.kBenchmark);
  if (!choice) return null;
  const m = choice.metrics;
  const score = assessment.overallScore;
  return {
    release: { number: release.number, label: release.label, publishedAt: release.publishedAt!.toISOString(), synthetic: release.containsSynthetic },
    level: choice.level,
    skipped: choice.skipped,
    firms: m.firms,
    band: positionBand(score, m.overall),
    overall: { median: m.overall.median, p75: m.overall.p75, mean: m.overall.mean },
    dimensions: Object.fromEntries(Object.entries(m.dimensions).map(([id, d]) => [id, { median: d?.median ?? null, p75: d?.p75 ?? null }])),
    histogram: { edges: m.histogram.edges, counts: m.histogram.counts, firmBin: histogramBin(m.histogram.edges, score) },
  };
}
