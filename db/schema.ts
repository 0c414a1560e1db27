// The whole domain of DESIGN.md in one typed schema; migrations under db/migrations are
// generated from it with `npm run db:generate` and committed. The enums take their values from the pure
// app modules that own each list (imported through `~/`, which drizzle-kit resolves from tsconfig).
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  pgView,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { FIRM_ROLES, STAFF_ROLES } from "~/accounts/access";
import type { Answers } from "~/assessment/answers";
import type { BenchmarkModel, SurveyDefinition } from "~/assessment/schemas";
import type { StoredResult } from "~/assessment/scoring";
import { ASSESSMENT_STATUSES } from "~/assessment/status";
import type { CaseContent } from "~/cases/schema";
import { CASE_STATUSES } from "~/cases/workflow";
import type { Localized, Scene } from "~/content/schemas";
import { SIZE_CLASSES } from "~/firms/size-class";
import { PLAN_SOURCES, PLAN_STATUSES } from "~/plan/status";
import type { ReleaseSummary } from "~/statistics/release/build.server";
import type { ReleaseMethodology } from "~/statistics/release/read.server";
import { type PublishedMetrics, RELEASE_STATUSES } from "~/statistics/types";

/** The empty object (`'{}'`) a jsonb column holds where it has no T. */
type Empty<T> = { [K in keyof T]?: never };

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const sizeClass = pgEnum("size_class", SIZE_CLASSES);
export const membershipRole = pgEnum("membership_role", FIRM_ROLES);
export const grantRole = pgEnum("grant_role", STAFF_ROLES);
export const questionnaireStatus = pgEnum("questionnaire_status", ["draft", "published", "retired"]);
export const assessmentStatus = pgEnum("assessment_status", ASSESSMENT_STATUSES);
export const caseStatus = pgEnum("case_status", CASE_STATUSES);
export const releaseStatus = pgEnum("release_status", RELEASE_STATUSES);
export const planStatus = pgEnum("plan_status", PLAN_STATUSES);
export const planSource = pgEnum("plan_source", PLAN_SOURCES);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    displayName: text("display_name").notNull(),
    locale: text("locale").notNull().default("zh"),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

// Lucia-guide sessions: the id is the SHA-256 (hex) of the token held in the cookie.
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Rate-limit counters shared by every web node (rate-limiter-flexible's drizzle store): the login throttle
 * and the password-reset email limit. Keys hold a hash of the account or client address, never either.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: text("id").primaryKey(), // SHA-256 of the emailed token
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("password_reset_user_idx").on(t.userId)],
);

export const firms = pgTable(
  "firms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    creditCode: text("credit_code").notNull(),
    industryDivision: text("industry_division").notNull(),
    regionCode: text("region_code").notNull(),
    sizeClass: sizeClass("size_class").notNull(),
    // The two inputs of the national size rule, kept so the profile can be edited.
    employees: integer("employees"),
    revenueWanYuan: integer("revenue_wan_yuan"),
    // Free text from before coded cities (decision 022); no longer written.
    city: text("city"),
    // Prefecture-level city, GB/T 2260 six digits (app/firms/cities.ts); null when not given.
    cityCode: varchar("city_code", { length: 6 }),
    // Firms of one group of companies count as one in disclosure control.
    groupKey: text("group_key"),
    isDemo: boolean("is_demo").notNull().default(false),
    isSynthetic: boolean("is_synthetic").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("firms_credit_code_key").on(t.creditCode),
    index("firms_peer_idx").on(t.industryDivision, t.sizeClass, t.regionCode),
    check(
      "firms_city_code_in_province",
      sql`${t.cityCode} is null or (${t.cityCode} ~ '^[0-9]{6}$' and left(${t.cityCode}, 2) = left(${t.regionCode}, 2))`,
    ),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    firmId: uuid("firm_id")
      .notNull()
      .references(() => firms.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    firmId: uuid("firm_id")
      .notNull()
      .references(() => firms.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: membershipRole("role").notNull().default("member"),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invitations_token_key").on(t.tokenHash), index("invitations_firm_idx").on(t.firmId)],
);

// Staff roles. `scope` is null for national reach or a GB/T 2260 province code (government only).
export const roleGrants = pgTable(
  "role_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: grantRole("role").notNull(),
    scope: text("scope"),
    grantedBy: uuid("granted_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("role_grants_unique").on(t.userId, t.role, sql`coalesce(${t.scope}, '')`),
    check("role_grants_scope_only_government", sql`${t.scope} is null or ${t.role} = 'government'`),
  ],
);

export const questionnaireVersions = pgTable("questionnaire_versions", {
  id: text("id").primaryKey(),
  title: jsonb("title").$type<Localized>().notNull(),
  definition: jsonb("definition").$type<SurveyDefinition>().notNull(),
  model: jsonb("model").$type<BenchmarkModel>().notNull(),
  status: questionnaireStatus("status").notNull().default("draft"),
  comparableWith: text("comparable_with")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  // SHA-256 (hex) of the canonical JSON of { definition, model }, recorded when the edition is
  // published; a published or retired edition's content never changes (a trigger refuses it).
  contentHash: text("content_hash"),
  createdAt: createdAt(),
});

export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    firmId: uuid("firm_id")
      .notNull()
      .references(() => firms.id, { onDelete: "cascade" }),
    questionnaireVersionId: text("questionnaire_version_id")
      .notNull()
      .references(() => questionnaireVersions.id),
    period: text("period").notNull(),
    status: assessmentStatus("status").notNull().default("draft"),
    answers: jsonb("answers")
      .$type<Answers>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    currentPage: integer("current_page").notNull().default(0),
    // Optimistic concurrency: every save must name the version it read.
    version: integer("version").notNull().default(1),
    overallScore: real("overall_score"),
    stage: smallint("stage"),
    // Set at submission: each dimension's score by its id, and the result without the indicator scores.
    dimensionScores: jsonb("dimension_scores").$type<Record<string, number | null>>(),
    result: jsonb("result").$type<StoredResult>(),
    isSynthetic: boolean("is_synthetic").notNull().default(false),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: uuid("submitted_by").references(() => users.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    // The firm's classification when it submitted, so statistics never move when a profile is edited.
    industryDivision: text("industry_division"),
    regionCode: text("region_code"),
    // The firm's city when it submitted (GB/T 2260, decision 025); null when the profile named none.
    cityCode: varchar("city_code", { length: 6 }),
    sizeClass: sizeClass("size_class"),
    // Disclosure control counts firms of one group of companies as one unit: the group key, else the firm.
    unitKey: text("unit_key"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("assessments_firm_period_key").on(t.firmId, t.questionnaireVersionId, t.period),
    index("assessments_version_period_idx").on(t.questionnaireVersionId, t.period, t.status),
  ],
);

export const scenes = pgTable(
  "scenes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    industryGroup: text("industry_group").notNull(),
    tier: text("tier").notNull(),
    businessLinks: text("business_links").array().notNull(),
    technologies: text("technologies").array().notNull(),
    articles: integer("articles").array().notNull(),
    content: jsonb("content").$type<Scene>().notNull(),
    divisions: text("divisions")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Normalised zh and en text of the scene, for substring search that works for Chinese.
    searchText: text("search_text").notNull().default(""),
    // Its character bigrams and trigrams, GIN-indexed (decision 011).
    searchGrams: text("search_grams")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    revision: integer("revision").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("scenes_slug_key").on(t.slug), index("scenes_search_grams_idx").using("gin", t.searchGrams)],
);

export const sceneRevisions = pgTable(
  "scene_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sceneId: uuid("scene_id")
      .notNull()
      .references(() => scenes.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    content: jsonb("content").$type<Scene>().notNull(),
    editedBy: uuid("edited_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("scene_revisions_key").on(t.sceneId, t.revision)],
);

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    firmId: uuid("firm_id")
      .notNull()
      .references(() => firms.id, { onDelete: "cascade" }),
    status: caseStatus("status").notNull().default("draft"),
    title: text("title").notNull(),
    content: jsonb("content").$type<CaseContent>().notNull(),
    anonymised: boolean("anonymised").notNull().default(true),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    sceneSlugs: text("scene_slugs")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    articles: integer("articles")
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    // Filter columns, copied from the content (industry, region, size, technologies) and from the
    // case's scenes (business links, tiers) at every save, so the library filters on plain columns.
    industryGroup: text("industry_group").notNull().default(""),
    industryDivision: text("industry_division").notNull().default(""),
    regionCode: text("region_code").notNull().default(""),
    sizeClass: sizeClass("size_class"),
    technologies: text("technologies")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    businessLinks: text("business_links")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    tiers: text("tiers")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    searchText: text("search_text").notNull().default(""),
    searchGrams: text("search_grams")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Optimistic concurrency for edits by several members of the firm.
    revision: integer("revision").notNull().default(1),
    isFictional: boolean("is_fictional").notNull().default(false),
    isSynthetic: boolean("is_synthetic").notNull().default(false),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("cases_firm_idx").on(t.firmId),
    index("cases_status_published_idx").on(t.status, t.publishedAt, t.id),
    index("cases_search_grams_idx").using("gin", t.searchGrams),
  ],
);

export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    fromStatus: caseStatus("from_status"),
    toStatus: caseStatus("to_status").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    comment: text("comment"),
    createdAt: createdAt(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId)],
);

export const statisticsReleases = pgTable(
  "statistics_releases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // 1, 2, 3, … in build order: the public name of a release and the order of the across-time checks.
    number: integer("number").notNull(),
    label: text("label").notNull(),
    questionnaireVersionId: text("questionnaire_version_id")
      .notNull()
      .references(() => questionnaireVersions.id),
    periods: text("periods").array().notNull(),
    status: releaseStatus("status").notNull().default("building"),
    // Submissions up to this instant are in the release.
    cutoff: timestamp("cutoff", { withTimezone: true }).notNull(),
    methodology: jsonb("methodology").$type<ReleaseMethodology>().notNull(),
    // Headline figures of the release (counts of cells, suppressions, firms): what the history page lists.
    // Empty ('{}') while the release is building; the readers take every field as possibly absent.
    summary: jsonb("summary")
      .$type<Partial<ReleaseSummary>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    containsSynthetic: boolean("contains_synthetic").notNull().default(false),
    builtAt: timestamp("built_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    // Set together when a public release is withdrawn; publishedAt stays, so the across-time checks count it.
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnReason: text("withdrawn_reason"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("statistics_releases_label_key").on(t.label),
    uniqueIndex("statistics_releases_number_key").on(t.number),
  ],
);

// One row per cube cell of a release: (industry, region, size, period) with "*" for a margin.
export const releaseCells = pgTable(
  "release_cells",
  {
    releaseId: uuid("release_id")
      .notNull()
      .references(() => statisticsReleases.id, { onDelete: "cascade" }),
    industry: text("industry").notNull(),
    region: text("region").notNull(),
    size: text("size").notNull(),
    period: text("period").notNull(),
    suppressed: boolean("suppressed").notNull(),
    reason: text("reason"),
    // Empty for a suppressed cell.
    metrics: jsonb("metrics").$type<PublishedMetrics | Empty<PublishedMetrics>>().notNull(),
    // "cube": the public cube; "city": the city layer (decision 025), served to staff within scope only.
    layer: text("layer").$type<"cube" | "city">().notNull().default("cube"),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.period, t.industry, t.region, t.size] })],
);

// Private, never served: which assessments (and in what state) each release counted, so the next release
// can be checked for differences against every earlier one. One row per version of a member: counted from
// release number `fromRelease` up to, not including, `toRelease` (null: still counted by the newest release
// covering its period). `digest` changes when anything a release used changes, and then a new span begins.
// An unchanged population adds no rows, and a comparison reads only the spans that changed in between.
/** What a release used of a member: its period, classification and unit, and the digest of everything used. */
const memberColumns = () => ({
  period: text("period").notNull(),
  industryDivision: text("industry_division").notNull(),
  regionCode: text("region_code").notNull(),
  sizeClass: sizeClass("size_class").notNull(),
  unitKey: text("unit_key").notNull(),
  digest: text("digest").notNull(),
});

export const memberSpans = pgTable(
  "member_spans",
  {
    assessmentId: uuid("assessment_id").notNull(),
    fromRelease: integer("from_release").notNull(),
    toRelease: integer("to_release"),
    ...memberColumns(),
    // The member's city (the release's city layer); null when not given.
    cityCode: varchar("city_code", { length: 6 }),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.fromRelease] }),
    index("member_spans_to_idx").on(t.period, t.toRelease),
    index("member_spans_from_idx").on(t.period, t.fromRelease),
  ],
);

// Each release's members as a list (private, like the spans): for checks and tests, and the report's
// question "did this release count this assessment?". Only members of the release's own edition
// (decision 042): the spans of a period are shared by the releases of every edition covering it.
export const releaseMembers = pgView("release_members", {
  releaseId: uuid("release_id").notNull(),
  assessmentId: uuid("assessment_id").notNull(),
  ...memberColumns(),
})
  .as(sql`select r.id as release_id, s.assessment_id, s.period, s.industry_division, s.region_code, s.size_class, s.unit_key, s.digest
  from statistics_releases r join member_spans s on s.period = any(r.periods) and s.from_release <= r.number and (s.to_release is null or s.to_release > r.number)
  where not exists (select 1 from assessments a where a.id = s.assessment_id and a.questionnaire_version_id <> r.questionnaire_version_id)`);

// Append-only: a trigger in the migrations refuses UPDATE and DELETE.
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    details: jsonb("details")
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_actor_idx").on(t.actorId)],
);

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    kind: text("kind").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** A delivery worker holds the message until then (decision 030): no other worker takes it meanwhile. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_pending_idx").on(t.sentAt)],
);

export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Where a job has got to, as its page shows it: a stage and the share done (0 to 1). */
export interface JobProgress {
  stage: string;
  share: number;
  period?: string;
  cellsDone?: number;
  cellsTotal?: number;
}

// Tracked background jobs (decision 030): what a user started and waits for, with its progress and result.
// The queue (pg-boss on PostgreSQL, the in-process runner on PGlite) only carries a job's id; this row is
// the record. A running job's worker beats its heart every few seconds; a job whose heart stopped (its
// process died) is queued again or, after its last attempt, marked failed with the reason.
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    progress: jsonb("progress").$type<JobProgress>(),
    result: jsonb("result").$type<Record<string, unknown>>(),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(2),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("jobs_kind_created_idx").on(t.kind, t.createdAt), index("jobs_status_idx").on(t.status)],
);
export type Job = typeof jobs.$inferSelect;

// A firm's improvement plan (decision 026): one row per action, chosen from a report's priorities or written
// by the firm. The title of a recommended action or scene is kept as it read when it was added.
export const planActions = pgTable(
  "plan_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    firmId: uuid("firm_id")
      .notNull()
      .references(() => firms.id, { onDelete: "cascade" }),
    // The assessment whose report it came from: the "before" of its progress. Kept if that row goes.
    assessmentId: uuid("assessment_id").references(() => assessments.id, { onDelete: "set null" }),
    source: planSource("source").notNull(),
    // Identifies a recommended action or scene within the firm, so adding it twice adds it once.
    sourceKey: text("source_key"),
    dimension: text("dimension").notNull(),
    recommendationLevel: smallint("recommendation_level"),
    actionIndex: smallint("action_index"),
    sceneSlug: text("scene_slug"),
    sourceTitle: jsonb("source_title").$type<Localized>(),
    title: text("title"),
    articles: integer("articles")
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    // A deleted user leaves the action unassigned rather than deleting the firm's plan.
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    dueDate: date("due_date", { mode: "string" }),
    status: planStatus("status").notNull().default("planned"),
    notes: text("notes").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    lastRemindedAt: timestamp("last_reminded_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("plan_actions_firm_idx").on(t.firmId, t.createdAt),
    uniqueIndex("plan_actions_source_key").on(t.firmId, t.sourceKey),
    index("plan_actions_due_idx")
      .on(t.dueDate)
      .where(sql`${t.status} in ('planned', 'in_progress')`),
    check("plan_actions_titled", sql`${t.title} is not null or ${t.sourceTitle} is not null`),
  ],
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Firm = typeof firms.$inferSelect;
export type NewFirm = typeof firms.$inferInsert;
export type Assessment = typeof assessments.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type RoleGrant = typeof roleGrants.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type OutboxMessage = typeof emailOutbox.$inferSelect;
export type StatisticsRelease = typeof statisticsReleases.$inferSelect;
export type PlanAction = typeof planActions.$inferSelect;
