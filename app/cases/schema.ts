// What a case (典型案例) holds: the firm's own text, in the language the firm wrote it.
// The same schema validates the case form, the demo files under content/cases and the JSONB column.
import { z } from "zod";
import { SIZE_CLASSES } from "~/firms/size-class";

export const CASE_LIMITS = {
  title: 120,
  summary: 500,
  markdown: 20_000,
  results: 12,
  scenes: 8,
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);

/** One measured result: what changed, from what to what, in which unit, over which period. */
export const caseResult = z.object({
  metric: text(120),
  before: z.number().finite().nullable(),
  after: z.number().finite(),
  unit: text(30),
  period: text(60),
});
export type CaseResult = z.infer<typeof caseResult>;

export const caseContent = z.object({
  language: z.enum(["zh", "en"]),
  title: text(CASE_LIMITS.title),
  summary: text(CASE_LIMITS.summary),
  /** Markdown; rendered through the sanitiser, never as raw HTML. */
  problem: text(CASE_LIMITS.markdown),
  approach: text(CASE_LIMITS.markdown),
  technologies: z.array(z.string().min(1)).max(16),
  results: z.array(caseResult).min(1).max(CASE_LIMITS.results),
  sceneSlugs: z.array(z.string().regex(/^[a-z0-9-]+$/)).max(CASE_LIMITS.scenes),
  articles: z.array(z.number().int().min(1).max(23)).max(23),
  industryDivision: z.string().regex(/^C\d{2}$/),
  regionCode: z.string().regex(/^\d{2}0000$/),
  sizeClass: z.enum(SIZE_CLASSES),
});
export type CaseContent = z.infer<typeof caseContent>;

/** A demo case file: fictional, published at seed time on one of the demo firms. */
export const demoCaseFile = caseContent.extend({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  /** Index into the demo firms of db/seed.ts (0–3). */
  demoFirm: z.number().int().min(0).max(3),
  anonymised: z.boolean(),
});
export type DemoCaseFile = z.infer<typeof demoCaseFile>;
