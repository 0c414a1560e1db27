// Demo data for a newcomer: a few clearly labelled fictional firms and one user per role.
// Written in one transaction, only into an empty database.
import { sql } from "drizzle-orm";
import { DEMO_FIRMS } from "~db/demo-firms";
import { DEMO_HISTORY_FIRM, demoFirmHistory } from "~db/demo-history";
import { assessments, firms, memberships, roleGrants, statisticsReleases, users } from "~db/schema";
import { defaultPeriods, Synthesiser } from "~db/synth/generate";
import { writeSynthetic } from "~db/synth/run";
import { taxonomyFromContent } from "~db/synth/taxonomy";
import { type Executor, hasSynthetic } from "~db/synth/writer";
import { hashPassword } from "~/accounts/password.server";
import { publishEdition } from "~/assessment/edition-admin.server";
import {
  currentQuestionnaireVersion,
  getQuestionnaireVersion,
  syncQuestionnaireVersions,
} from "~/assessment/questionnaire.server";
import { publishSeededCase } from "~/cases/demo-cases.server";
import { demoCasesOnDisk } from "~/cases/demo-cases.server";
import { creditCodeCheckCharacter } from "~/firms/credit-code";
import { seedDemoPlan } from "~/plan/demo-plan.server";
import { db } from "~/platform/db.server";
import { logger } from "~/platform/logger.server";
import { buildRelease, publishRelease, ReleaseError } from "~/statistics/release/build.server";

export const DEMO_PASSWORD = "qmd-demo-2026";

export const DEMO_USERS = [
  { key: "admin", email: "admin@demo.qmd.example", displayName: "演示管理员 Demo Admin", locale: "zh" },
  { key: "analyst", email: "analyst@demo.qmd.example", displayName: "演示协会分析员 Demo Analyst", locale: "zh" },
  {
    key: "government",
    email: "gov@demo.qmd.example",
    displayName: "演示政府查看者（全国） Demo Government",
    locale: "zh",
  },
  {
    key: "governmentZj",
    email: "gov-zj@demo.qmd.example",
    displayName: "演示政府查看者（浙江） Demo Government ZJ",
    locale: "zh",
  },
  { key: "owner", email: "owner@demo.qmd.example", displayName: "演示企业负责人 Demo Owner", locale: "zh" },
  { key: "member", email: "member@demo.qmd.example", displayName: "演示企业成员 Demo Member", locale: "en" },
] as const;

/** A valid credit code for demo and test data: registration 9/1, the region, then a serial. */
export function demoCreditCode(regionCode: string, serial: number): string {
  const first17 = `91${regionCode}${String(serial).padStart(8, "0")}X`;
  return first17 + creditCodeCheckCharacter(first17);
}

/**
 * Synthetic firms (decision 014) the demo adds, so that statistics, peer groups and disclosure
 * control have something to work on: about 2,000 firms with ~4,300 submitted assessments over the
 * last three years, a few seconds on PGlite. Same seed every time.
 */
export const DEMO_SYNTHETIC_FIRMS = 2000;

/**
 * The demo's synthetic history and its release are of 2025; once seeded, the demo opens 2026 for new
 * assessments (issue 13 item 7, decision 042), as an administrator would publish it.
 */
export const DEMO_HISTORY_EDITION = "qmd-2025";
export const DEMO_OPEN_EDITION = "qmd-2026";

const demoHistoryVersion = async () =>
  (await getQuestionnaireVersion(DEMO_HISTORY_EDITION)) ?? (await currentQuestionnaireVersion());
export const DEMO_SYNTHETIC_SEED = "qmd-demo";

async function demoSynthesiser(): Promise<Synthesiser | null> {
  // Read before any transaction opens: PGlite runs one statement at a time.
  await syncQuestionnaireVersions();
  const version = await demoHistoryVersion();
  if (!version) return null;
  return new Synthesiser(version, taxonomyFromContent(), {
    seed: DEMO_SYNTHETIC_SEED,
    firms: DEMO_SYNTHETIC_FIRMS,
    periods: defaultPeriods(),
    now: new Date(),
  });
}

async function addDemoSyntheticFirms(ex: Executor, synth: Synthesiser | null): Promise<void> {
  if (!synth) return;
  const report = await writeSynthetic(ex, synth);
  logger.info(
    { firms: report.firms, assessments: report.assessments, seconds: report.seconds },
    "synthetic demo firms added",
  );
}

async function userCount(): Promise<number> {
  const [{ n } = { n: 0 }] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(users);
  return n;
}

/** Demo users and no synthetic firm: a demo database from before synthetic data. */
async function demoLacksSynthetic(): Promise<boolean> {
  const [demo] = await db()
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.isDemo}`)
    .limit(1);
  return Boolean(demo) && !(await hasSynthetic(db()));
}

/** Synthetic firms and no statistics release yet. */
async function syntheticLacksRelease(): Promise<boolean> {
  const [{ releases } = { releases: 0 }] = await db()
    .select({ releases: sql<number>`count(*)::int` })
    .from(statisticsReleases);
  return releases === 0 && (await hasSynthetic(db()));
}

/**
 * Whether seedDemoIfEmpty would add anything (the same tests, in the same order): an embedded server has
 * that work done in a child process, and skips the child when there is none (decision 045).
 */
export async function demoSeedPending(): Promise<boolean> {
  return (await userCount()) === 0 || (await demoLacksSynthetic()) || (await syntheticLacksRelease());
}

/** A demo database from before synthetic data (demo users, no synthetic firm) gets its synthetic firms. */
async function topUpDemoSynthetic(): Promise<void> {
  if (!(await demoLacksSynthetic())) return;
  const synth = await demoSynthesiser();
  await db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4751204)`);
    if (await hasSynthetic(tx)) return;
    await addDemoSyntheticFirms(tx, synth);
  });
}

/** A demo with synthetic firms and no statistics release yet gets one, built and published as an analyst would. */
async function ensureDemoRelease(): Promise<void> {
  if (!(await syntheticLacksRelease())) return;
  const version = await demoHistoryVersion();
  if (!version) return;
  try {
    const built = await buildRelease({ version, label: "演示数据第1期 Demo release 1", actorId: null });
    await publishRelease(built.id, null);
    logger.info({ number: built.number, cells: built.summary.cells }, "demo statistics release published");
  } catch (e) {
    // Another process built it first, or there is nothing to release: the demo still starts.
    if (!(e instanceof ReleaseError) && !String(e).includes("statistics_releases_")) throw e;
  }
}

export async function seedDemoIfEmpty(): Promise<boolean> {
  const seeded = await seedDemoData();
  await ensureDemoRelease();
  if (seeded) await openDemoEdition();
  return seeded;
}

/** A newly seeded demo publishes 2026 when it is still a draft; an existing demo keeps its admins' choices. */
async function openDemoEdition(): Promise<void> {
  const opened = await publishEdition(null, DEMO_OPEN_EDITION);
  if (opened.ok) logger.info({ edition: DEMO_OPEN_EDITION }, "demo opens this questionnaire edition");
}

async function seedDemoData(): Promise<boolean> {
  if ((await userCount()) > 0) {
    await topUpDemoSynthetic();
    return false;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const synth = await demoSynthesiser();
  return db().transaction(async (tx) => {
    // Several processes may start at once: one seeds, the others find users and stop.
    await tx.execute(sql`select pg_advisory_xact_lock(4751204)`);
    const [{ m } = { m: 0 }] = await tx.select({ m: sql<number>`count(*)::int` }).from(users);
    if (m > 0) return false;
    const created = await tx
      .insert(users)
      .values(
        DEMO_USERS.map((u) => ({
          email: u.email,
          displayName: u.displayName,
          locale: u.locale,
          passwordHash,
          isDemo: true,
        })),
      )
      .returning();
    const id = (key: (typeof DEMO_USERS)[number]["key"]) =>
      created.find((u) => u.email === DEMO_USERS.find((d) => d.key === key)!.email)!.id;
    await tx.insert(roleGrants).values([
      { userId: id("admin"), role: "admin", scope: null },
      { userId: id("analyst"), role: "analyst", scope: null },
      { userId: id("government"), role: "government", scope: null },
      { userId: id("governmentZj"), role: "government", scope: "330000" },
    ]);
    const demoFirms = await tx
      .insert(firms)
      .values(DEMO_FIRMS.map((f, i) => ({ ...f, creditCode: demoCreditCode(f.regionCode, 900001 + i), isDemo: true })))
      .returning();
    await tx
      .insert(memberships)
      .values([
        ...demoFirms.map((f) => ({ firmId: f.id, userId: id("owner"), role: "owner" as const })),
        { firmId: demoFirms[0]!.id, userId: id("member"), role: "member" as const },
      ]);
    if (synth) {
      const firm = demoFirms[DEMO_HISTORY_FIRM]!;
      const history = await tx
        .insert(assessments)
        .values(
          demoFirmHistory(synth.version, synth.options.periods, synth.options.now).map((a) => ({
            firmId: firm.id,
            questionnaireVersionId: synth.version.id,
            period: a.period,
            status: "submitted" as const,
            answers: a.answers,
            currentPage: a.current_page,
            version: a.version,
            overallScore: a.overall_score,
            stage: a.stage,
            dimensionScores: a.dimension_scores,
            result: a.result,
            submittedAt: new Date(a.submitted_at),
            submittedBy: id("owner"),
            industryDivision: firm.industryDivision,
            regionCode: firm.regionCode,
            cityCode: firm.cityCode,
            sizeClass: firm.sizeClass,
            unitKey: firm.id,
            createdAt: new Date(a.created_at),
            updatedAt: new Date(a.submitted_at),
          })),
        )
        .returning({ id: assessments.id, period: assessments.period });
      // The plan starts from the next-to-last wave, so its actions show what moved at the last one.
      const from = [...history].sort((a, b) => a.period.localeCompare(b.period)).at(-2) ?? history[0];
      if (from)
        await seedDemoPlan(tx, {
          firmId: firm.id,
          ownerId: id("owner"),
          memberId: id("member"),
          assessmentId: from.id,
        });
    }
    for (const demo of demoCasesOnDisk()) {
      const { slug: _slug, demoFirm, anonymised, ...content } = demo;
      await publishSeededCase(tx, {
        firmId: demoFirms[demoFirm]!.id,
        ownerId: id("owner"),
        analystId: id("analyst"),
        content,
        anonymised,
      });
    }
    await addDemoSyntheticFirms(tx, synth);
    return true;
  });
}
