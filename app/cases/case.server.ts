// The case library (典型案例): firms draft and submit, analysts review and publish, every
// transition is one transaction with its case event, audit entry and outbox notifications.
import { and, arrayContains, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "~db/connect";
import { caseEvents, cases, firms, memberships, roleGrants, users } from "~db/schema";
import type { CaseContent } from "~/cases/schema";
import { type CaseActor, type CaseStatus, type CaseStep, transition } from "~/cases/workflow";
import type { CatalogueFilters } from "~/catalogue/filters.server";
import { normaliseSearchText, planSearch, searchGrams } from "~/catalogue/search-grams";
import {
  COUNT_CAP,
  countCapped,
  filterToken,
  gramsCondition,
  scanWith,
  textCondition,
} from "~/catalogue/search-sql.server";
import type { Scene } from "~/content/schemas";
import { industryGroupOf } from "~/content/taxonomies.server";
import { i18nFor } from "~/i18n/i18n";
import { isLocale } from "~/i18n/locales";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { enqueueEmail } from "~/platform/outbox.server";
import { prepared } from "~/platform/prepared.server";
import { scenesBySlugs } from "~/scenes/scene.server";

export const CASES_PER_PAGE = 12;

export function caseSearchText(content: CaseContent): string {
  const parts = [
    content.title,
    content.summary,
    content.problem,
    content.approach,
    ...content.results.map((r) => r.metric),
  ];
  return normaliseSearchText(parts.join("\n"));
}

/** Filter and search columns derived from the content and from the scenes it names. */
export function caseColumns(content: CaseContent, scenes: readonly Scene[], status: CaseStatus) {
  const named = scenes.filter((s) => content.sceneSlugs.includes(s.slug));
  const searchText = caseSearchText(content);
  return {
    title: content.title,
    content,
    sceneSlugs: content.sceneSlugs,
    articles: [...new Set(content.articles)].sort((a, b) => a - b),
    industryDivision: content.industryDivision,
    industryGroup: industryGroupOf(content.industryDivision) ?? "",
    regionCode: content.regionCode,
    sizeClass: content.sizeClass,
    technologies: content.technologies,
    businessLinks: [...new Set(named.flatMap((s) => s.businessLinks))],
    tiers: [...new Set(named.map((s) => s.tier))],
    searchText,
    searchGrams: [...searchGrams(searchText), ...caseTokens(content, named, status)],
  };
}

/** The filter values of a case, stored among its grams so a search with filters is one index lookup. */
function caseTokens(content: CaseContent, scenes: readonly Scene[], status: CaseStatus): string[] {
  const group = industryGroupOf(content.industryDivision) ?? "";
  return [
    filterToken("status", status),
    filterToken("group", group),
    filterToken("division", content.industryDivision),
    filterToken("region", content.regionCode),
    filterToken("size", content.sizeClass),
    ...new Set([
      ...scenes.flatMap((s) => s.businessLinks.map((l) => filterToken("link", l))),
      ...scenes.map((s) => filterToken("tier", s.tier)),
    ]),
    ...content.technologies.map((t) => filterToken("technology", t)),
    ...new Set(content.articles.map((a) => filterToken("article", a))),
  ];
}

/** The tokens a search of published cases with these filters requires. */
function filterTokens(filters: CaseFilters): string[] {
  const tokens = [filterToken("status", "published")];
  for (const field of ["group", "division", "region", "size", "link", "tier", "technology", "article"] as const) {
    const value = filters[field];
    if (value !== undefined) tokens.push(filterToken(field, value));
  }
  return tokens;
}

async function derivedColumns(content: CaseContent, executor: Db, status: CaseStatus) {
  return caseColumns(content, await scenesBySlugs(content.sceneSlugs, executor), status);
}

export interface CaseInput {
  content: CaseContent;
  anonymised: boolean;
}

export async function createCase(
  input: CaseInput & { firmId: string; userId: string; isFictional?: boolean; isSynthetic?: boolean },
  executor: Db = db(),
): Promise<string> {
  return executor.transaction(async (tx) => {
    const [row] = await tx
      .insert(cases)
      .values({
        firmId: input.firmId,
        anonymised: input.anonymised,
        createdBy: input.userId,
        isFictional: input.isFictional ?? false,
        isSynthetic: input.isSynthetic ?? false,
        ...(await derivedColumns(input.content, tx, "draft")),
      })
      .returning({ id: cases.id });
    await tx.insert(caseEvents).values({ caseId: row!.id, fromStatus: null, toStatus: "draft", actorId: input.userId });
    await recordAudit({ actorId: input.userId, action: "case.created", subjectType: "case", subjectId: row!.id }, tx);
    return row!.id;
  });
}

export type UpdateCaseResult =
  { ok: true; revision: number } | { ok: false; reason: "not_found" | "not_editable" | "stale" };

/** A firm's edit of its draft or returned case, only from the revision the editor read. */
export async function updateCase(
  input: CaseInput & { firmId: string; caseId: string; userId: string; baseRevision: number },
): Promise<UpdateCaseResult> {
  return db().transaction(async (tx) => {
    const [current] = await tx
      .select({ status: cases.status, revision: cases.revision })
      .from(cases)
      .where(and(eq(cases.id, input.caseId), eq(cases.firmId, input.firmId)))
      .for("update");
    if (!current) return { ok: false, reason: "not_found" } as const;
    if (current.status !== "draft" && current.status !== "returned")
      return { ok: false, reason: "not_editable" } as const;
    if (current.revision !== input.baseRevision) return { ok: false, reason: "stale" } as const;
    await tx
      .update(cases)
      .set({
        ...(await derivedColumns(input.content, tx, current.status)),
        anonymised: input.anonymised,
        revision: current.revision + 1,
        updatedAt: new Date(),
      })
      .where(eq(cases.id, input.caseId));
    await recordAudit(
      {
        actorId: input.userId,
        action: "case.updated",
        subjectType: "case",
        subjectId: input.caseId,
        details: { revision: current.revision + 1 },
      },
      tx,
    );
    return { ok: true, revision: current.revision + 1 } as const;
  });
}

export type StepResult =
  | { ok: true; status: CaseStatus }
  | { ok: false; reason: "not_found" | "not_allowed" | "comment_required" | "consent_required" | "stale" };

export interface StepInput {
  caseId: string;
  step: CaseStep;
  actor: CaseActor;
  userId: string;
  /** For a firm: the firm the caller acts for; the case must belong to it. */
  firmId?: string;
  comment?: string;
  /** Submission only: the explicit consent to publish. */
  consent?: boolean;
  /** Submission only: the revision the member saw, so an unseen edit is not submitted. */
  baseRevision?: number;
  /** Base URL for links in notifications. */
  origin: string;
}

/** One workflow step: checked against the rules, recorded, audited and notified in one transaction. */
export async function takeCaseStep(input: StepInput): Promise<StepResult> {
  const comment = input.comment?.trim() || null;
  return db().transaction(async (tx) => {
    const where = input.firmId
      ? and(eq(cases.id, input.caseId), eq(cases.firmId, input.firmId))
      : eq(cases.id, input.caseId);
    const [current] = await tx
      .select({
        status: cases.status,
        title: cases.title,
        firmId: cases.firmId,
        consentAt: cases.consentAt,
        revision: cases.revision,
      })
      .from(cases)
      .where(where)
      .for("update");
    if (!current) return { ok: false, reason: "not_found" } as const;
    const next = transition(input.step, input.actor, current.status);
    if (!next.ok) return { ok: false, reason: "not_allowed" } as const;
    if (next.needsComment && !comment) return { ok: false, reason: "comment_required" } as const;
    if (input.step === "submit") {
      if (!input.consent) return { ok: false, reason: "consent_required" } as const;
      if (input.baseRevision !== undefined && input.baseRevision !== current.revision)
        return { ok: false, reason: "stale" } as const;
    }
    if (input.step === "publish" && !current.consentAt) return { ok: false, reason: "consent_required" } as const;
    const now = new Date();
    await tx
      .update(cases)
      .set({
        status: next.to,
        searchGrams: sql`array_append(array_remove(${cases.searchGrams}, ${filterToken("status", current.status)}::text), ${filterToken("status", next.to)}::text)`,
        updatedAt: now,
        ...(input.step === "submit" ? { consentAt: now, submittedAt: now } : {}),
        ...(input.step === "publish" ? { publishedAt: now } : {}),
      })
      .where(eq(cases.id, input.caseId));
    await tx
      .insert(caseEvents)
      .values({ caseId: input.caseId, fromStatus: current.status, toStatus: next.to, actorId: input.userId, comment });
    await recordAudit(
      {
        actorId: input.userId,
        action: `case.${input.step}`,
        subjectType: "case",
        subjectId: input.caseId,
        details: { from: current.status, to: next.to },
      },
      tx,
    );
    await notify(tx, { ...input, comment, title: current.title, firmId: current.firmId, status: next.to });
    return { ok: true, status: next.to } as const;
  });
}

/** The firm's members hear of every step an analyst takes and of a withdrawal; analysts hear of submissions. */
async function notify(
  tx: Db,
  n: Omit<StepInput, "comment"> & { comment: string | null; title: string; firmId: string; status: CaseStatus },
) {
  const firmUrl = `${n.origin}/firms/${n.firmId}/cases/${n.caseId}`;
  if (n.actor === "analyst" || n.step === "withdraw") {
    const members = await tx
      .select({ email: users.email, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.firmId, n.firmId));
    for (const m of members) {
      const t = i18nFor(isLocale(m.locale) ? m.locale : "zh").t;
      const status = t(`cases.statuses.${n.status}`);
      await enqueueEmail(
        {
          to: m.email,
          kind: "notification",
          subject: t("caseMail.subject", { title: n.title, status, interpolation: { escapeValue: false } }),
          body: t("caseMail.body", {
            title: n.title,
            status,
            url: firmUrl,
            comment: n.comment
              ? t("caseMail.commentLine", { comment: n.comment, interpolation: { escapeValue: false } })
              : "",
            interpolation: { escapeValue: false },
          }),
        },
        tx,
      );
    }
  }
  if (n.step === "submit") {
    const analysts = await tx
      .select({ email: users.email, locale: users.locale })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(eq(roleGrants.role, "analyst"));
    for (const a of analysts) {
      const t = i18nFor(isLocale(a.locale) ? a.locale : "zh").t;
      await enqueueEmail(
        {
          to: a.email,
          kind: "notification",
          subject: t("caseMail.reviewSubject", { title: n.title, interpolation: { escapeValue: false } }),
          body: t("caseMail.reviewBody", {
            title: n.title,
            url: `${n.origin}/review/cases/${n.caseId}`,
            interpolation: { escapeValue: false },
          }),
        },
        tx,
      );
    }
  }
}

const caseRow = {
  id: cases.id,
  status: cases.status,
  title: cases.title,
  content: cases.content,
  anonymised: cases.anonymised,
  consentAt: cases.consentAt,
  revision: cases.revision,
  isFictional: cases.isFictional,
  publishedAt: cases.publishedAt,
  submittedAt: cases.submittedAt,
  updatedAt: cases.updatedAt,
  firmId: cases.firmId,
  firmName: firms.name,
};

async function caseWithEvents(where: SQL) {
  const [row] = await db().select(caseRow).from(cases).innerJoin(firms, eq(firms.id, cases.firmId)).where(where);
  if (!row) return null;
  const events = await db()
    .select({
      id: caseEvents.id,
      from: caseEvents.fromStatus,
      to: caseEvents.toStatus,
      comment: caseEvents.comment,
      at: caseEvents.createdAt,
      who: users.displayName,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(asc(caseEvents.id));
  return { ...row, content: row.content as CaseContent, events };
}

/** A case of this firm, in any status, with its history: for the firm's own pages. */
export function getFirmCase(firmId: string, caseId: string) {
  return caseWithEvents(and(eq(cases.id, caseId), eq(cases.firmId, firmId))!);
}

export async function firmOwnsCase(firmId: string, caseId: string): Promise<boolean> {
  const [row] = await db()
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.firmId, firmId)));
  return Boolean(row);
}

/** Any case with its history: for analysts. */
export function getCaseForReview(caseId: string) {
  return caseWithEvents(eq(cases.id, caseId));
}

export function listFirmCases(firmId: string) {
  return db()
    .select({ id: cases.id, title: cases.title, status: cases.status, updatedAt: cases.updatedAt })
    .from(cases)
    .where(eq(cases.firmId, firmId))
    .orderBy(desc(cases.updatedAt));
}

export function listReviewQueue() {
  return db()
    .select({
      id: cases.id,
      title: cases.title,
      status: cases.status,
      submittedAt: cases.submittedAt,
      firmName: firms.name,
    })
    .from(cases)
    .innerJoin(firms, eq(firms.id, cases.firmId))
    .where(inArray(cases.status, ["submitted", "in_review"]))
    .orderBy(asc(cases.submittedAt));
}

export function listRecentlyPublished(limit = 20) {
  return db()
    .select({
      id: cases.id,
      title: cases.title,
      status: cases.status,
      submittedAt: cases.publishedAt,
      firmName: firms.name,
    })
    .from(cases)
    .innerJoin(firms, eq(firms.id, cases.firmId))
    .where(eq(cases.status, "published"))
    .orderBy(desc(cases.publishedAt))
    .limit(limit);
}

/** What the public sees of a published case: the firm's name only when it chose to be named. */
export interface PublicCase {
  id: string;
  content: CaseContent;
  publisher: string | null;
  isFictional: boolean;
  publishedAt: Date | null;
}

function toPublic(row: {
  id: string;
  content: unknown;
  anonymised: boolean;
  firmName: string;
  isFictional: boolean;
  publishedAt: Date | null;
}): PublicCase {
  return {
    id: row.id,
    content: row.content as CaseContent,
    publisher: row.anonymised ? null : row.firmName,
    isFictional: row.isFictional,
    publishedAt: row.publishedAt,
  };
}

const publicColumns = {
  id: cases.id,
  content: cases.content,
  anonymised: cases.anonymised,
  firmName: firms.name,
  isFictional: cases.isFictional,
  publishedAt: cases.publishedAt,
};

export async function getPublishedCase(caseId: string): Promise<PublicCase | null> {
  const [row] = await db()
    .select(publicColumns)
    .from(cases)
    .innerJoin(firms, eq(firms.id, cases.firmId))
    .where(and(eq(cases.id, caseId), eq(cases.status, "published")));
  return row ? toPublic(row) : null;
}

export type CaseFilters = CatalogueFilters;

/** The filters in force as conditions on the plain columns (the case must be published). */
function filterConditions(filters: CaseFilters): SQL[] {
  const where: SQL[] = [eq(cases.status, "published")];
  if (filters.group) where.push(eq(cases.industryGroup, filters.group));
  if (filters.division) where.push(eq(cases.industryDivision, filters.division));
  if (filters.region) where.push(eq(cases.regionCode, filters.region));
  if (filters.size) where.push(sql`${cases.sizeClass} = ${filters.size}`);
  if (filters.link) where.push(arrayContains(cases.businessLinks, [filters.link]));
  if (filters.tier) where.push(arrayContains(cases.tiers, [filters.tier]));
  if (filters.technology) where.push(arrayContains(cases.technologies, [filters.technology]));
  if (filters.article) where.push(arrayContains(cases.articles, [filters.article]));
  return where;
}

/** What a list of cases shows of each one's content: its title and summary, and what names an anonymised publisher. */
export type CaseCardContent = Pick<CaseContent, "title" | "summary" | "regionCode" | "industryDivision" | "sizeClass">;
export type CaseCard = Omit<PublicCase, "content"> & { content: CaseCardContent };

const cardContent = sql<CaseCardContent>`jsonb_build_object(${sql.join(
  (["title", "summary", "regionCode", "industryDivision", "sizeClass"] as const).map(
    (key) => sql`${key}::text, ${cases.content}->${key}::text`,
  ),
  sql`, `,
)})`;

/** One page of published cases meeting a condition, newest first (the order of the (status, published_at, id) index). */
async function casePage(executor: Db, where: SQL | undefined, page: number): Promise<CaseCard[]> {
  const rows = await executor
    .select({ ...publicColumns, content: cardContent })
    .from(cases)
    .innerJoin(firms, eq(firms.id, cases.firmId))
    .where(where)
    .orderBy(desc(cases.publishedAt), desc(cases.id))
    .limit(CASES_PER_PAGE)
    .offset((page - 1) * CASES_PER_PAGE);
  return rows.map((row) => ({ ...toPublic(row), content: row.content }));
}

export interface CaseSearchResult {
  items: CaseCard[];
  total: number;
  capped: boolean;
}

/**
 * The case library: published cases meeting the filters and containing the search text, newest
 * first, with a count that stops at COUNT_CAP.
 *
 * A text search with grams takes two steps, so that no row's gram array is ever read (see scanWith):
 * 1. the GIN index alone (the query's grams and the filters' tokens) finds candidates, and LIKE on
 *    their text keeps the true matches, stopping at COUNT_CAP + 1 of them;
 * 2. at most COUNT_CAP matches: they are all there is, so the page is taken from them by id.
 *    More: the query is common, so walking the cases newest first and testing each one's text
 *    (LIKE, with the filters on plain columns) fills the page after a few rows.
 */
export async function searchCases(filters: CaseFilters, page: number): Promise<CaseSearchResult> {
  const where = filterConditions(filters);
  const plan = filters.q ? planSearch(filters.q) : null;
  if (!plan?.query) {
    const condition = and(...where);
    const [items, count] = await Promise.all([casePage(db(), condition, page), countCapped(db(), cases, condition)]);
    return { items, ...count };
  }
  const text = textCondition(cases.searchText, plan.query);
  return db().transaction(async (tx): Promise<CaseSearchResult> => {
    if (plan.grams.length) {
      await scanWith(tx, "bitmap");
      const matches = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(
          and(
            gramsCondition(cases.searchGrams, [...plan.grams, ...filterTokens(filters)]),
            plan.gramsSuffice ? undefined : text,
          ),
        )
        .limit(COUNT_CAP + 1);
      if (matches.length <= COUNT_CAP) {
        const ids = matches.map((m) => m.id);
        await scanWith(tx, "default");
        const items = ids.length ? await casePage(tx, sql`${cases.id} = any(${sql.param(ids)}::uuid[])`, page) : [];
        return { items, total: ids.length, capped: false };
      }
      await scanWith(tx, "index");
      return { items: await casePage(tx, and(...where, text), page), total: COUNT_CAP, capped: true };
    }
    // A query with no gram (one character): only the walk newest first, testing each row's text.
    await scanWith(tx, "index");
    const condition = and(...where, text);
    return { items: await casePage(tx, condition, page), ...(await countCapped(tx, cases, condition)) };
  });
}

export async function publishedCasesFor(
  where: { scene?: string; article?: number },
  limit = 20,
): Promise<PublicCase[]> {
  const conditions: SQL[] = [eq(cases.status, "published")];
  if (where.scene) conditions.push(arrayContains(cases.sceneSlugs, [where.scene]));
  if (where.article) conditions.push(arrayContains(cases.articles, [where.article]));
  const rows = await db()
    .select(publicColumns)
    .from(cases)
    .innerJoin(firms, eq(firms.id, cases.firmId))
    .where(and(...conditions))
    .orderBy(desc(cases.publishedAt))
    .limit(limit);
  return rows.map(toPublic);
}

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

/**
 * A demo case, marked fictional and published as if the demo owner had submitted it and the
 * demo analyst published it; no notifications. Only the demo seed calls this.
 */
export async function publishSeededCase(
  tx: Db,
  input: { firmId: string; ownerId: string; analystId: string; content: CaseContent; anonymised: boolean },
): Promise<string> {
  const caseId = await createCase(
    {
      firmId: input.firmId,
      userId: input.ownerId,
      content: input.content,
      anonymised: input.anonymised,
      isFictional: true,
    },
    tx,
  );
  const now = new Date();
  await tx
    .update(cases)
    .set({
      status: "published",
      searchGrams: sql`array_append(array_remove(${cases.searchGrams}, ${filterToken("status", "draft")}::text), ${filterToken("status", "published")}::text)`,
      consentAt: now,
      submittedAt: now,
      publishedAt: now,
    })
    .where(eq(cases.id, caseId));
  await tx.insert(caseEvents).values([
    { caseId, fromStatus: "draft", toStatus: "submitted", actorId: input.ownerId },
    { caseId, fromStatus: "submitted", toStatus: "published", actorId: input.analystId },
  ]);
  return caseId;
}
