// Synthetic firms with their submitted assessments, scored by the real engine, as plain rows ready
// for the bulk writer. A generator: firms come one at a time, so memory stays flat at any N.
import { type AnswerPlan, answerPlan, drawTraits, generateAnswers, latentAt } from "~db/synth/answers";
import {
  buildTables,
  drawFirm,
  type FirmSpec,
  newGroupState,
  type Tables,
  type Taxonomy,
} from "~db/synth/distributions";
import { type Answers, checkAnswers } from "~/assessment/answers";
import { questionsOf } from "~/assessment/questions";
import { scoreAssessment, type StoredResult } from "~/assessment/scoring";
import type { QuestionnaireVersion } from "~/assessment/versions.server";
import type { SizeClassId } from "~/firms/size-class";
import { hashString, Rng } from "~/platform/seeded-random";

export interface SynthOptions {
  /** a number, or any text (hashed) */
  seed: number | string;
  firms: number;
  /** e.g. ["2023", "2024", "2025"], oldest first; a wave label like "2026-H2" works too */
  periods: readonly string[];
  /** no submission is dated after this instant */
  now: Date;
}

export interface FirmRow {
  id: string;
  name: string;
  credit_code: string;
  industry_division: string;
  region_code: string;
  city_code: string | null;
  size_class: SizeClassId;
  employees: number;
  revenue_wan_yuan: number;
  group_key: string | null;
  created_at: string;
}

/** What submitAssessment stores, less the columns the writer takes from the firm row. */
export interface AssessmentRow {
  id: string;
  firm_id: string;
  period: string;
  answers: Answers;
  current_page: number;
  version: number;
  overall_score: number;
  stage: number;
  dimension_scores: Record<string, number | null>;
  result: StoredResult;
  submitted_at: string;
  created_at: string;
}

export interface SyntheticFirm {
  row: FirmRow;
  assessments: AssessmentRow[];
}

/** The seed as an unsigned 32-bit number: digits are read as a number, other text is hashed. */
export function normaliseSeed(seed: number | string): number {
  if (typeof seed === "number") return seed >>> 0;
  return /^\d{1,9}$/.test(seed) ? Number(seed) >>> 0 : hashString(seed);
}

/** The last three full years: 2023, 2024, 2025 in 2026. */
export function defaultPeriods(now = new Date()): string[] {
  const y = now.getUTCFullYear();
  return [y - 3, y - 2, y - 1].map(String);
}

/** Periods that are a year, or a year with a wave label (as ASSESSMENT_PERIOD). */
export const PERIOD_PATTERN = /^\d{4}(-[A-Za-z0-9]{1,8})?$/;

/** The window in which a period's assessments are submitted: the year, or its half or quarter. */
export function periodWindow(period: string): { start: number; end: number } {
  if (!PERIOD_PATTERN.test(period))
    throw new Error(`period "${period}" is not a year or a year-wave label like 2026-H2`);
  const year = Number(period.slice(0, 4));
  const wave = period.slice(5).toUpperCase();
  const at = (month: number, day: number) => Date.UTC(year, month, day, 1, 0, 0);
  const half = /^H([12])$/.exec(wave);
  const quarter = /^Q([1-4])$/.exec(wave);
  if (half) return half[1] === "1" ? { start: at(0, 10), end: at(5, 28) } : { start: at(6, 1), end: at(11, 20) };
  if (quarter) {
    const q = Number(quarter[1]) - 1;
    return { start: at(q * 3, 5), end: at(q * 3 + 2, 25) };
  }
  return { start: at(1, 15), end: at(11, 20) };
}

const DAY = 86_400_000;

/** Chance of joining at each of the periods (earlier more likely), and of taking part again. */
export function joinWeights(periods: number): number[] {
  return Array.from({ length: periods }, (_, i) => periods - i);
}
export const RETURN_PROBABILITY = 0.85;

/** The expected number of assessments per firm for a number of periods (to size a run). */
export function expectedAssessmentsPerFirm(periods: number): number {
  const w = joinWeights(periods);
  const total = w.reduce((a, b) => a + b, 0);
  return w.reduce((sum, wi, i) => sum + (wi / total) * (1 + (periods - 1 - i) * RETURN_PROBABILITY), 0);
}

export class Synthesiser {
  readonly seed: number;
  readonly plan: AnswerPlan;
  readonly tables: Tables;
  private readonly required: Set<string>;
  private readonly windows: Array<{ start: number; end: number }>;

  constructor(
    readonly version: QuestionnaireVersion,
    taxonomy: Taxonomy,
    readonly options: SynthOptions,
  ) {
    if (!Number.isInteger(options.firms) || options.firms < 0) throw new Error("firms must be a whole number ≥ 0");
    if (options.periods.length === 0) throw new Error("at least one period");
    if (new Set(options.periods).size !== options.periods.length) throw new Error("periods repeat");
    this.seed = normaliseSeed(options.seed);
    this.plan = answerPlan(version.definition, version.compiled);
    this.tables = buildTables(taxonomy);
    this.required = new Set(version.model.indicators.map((i) => i.question));
    const now = options.now.getTime();
    this.windows = options.periods.map((p) => {
      const w = periodWindow(p);
      if (w.start > now) throw new Error(`period ${p} has not started yet`);
      return { start: w.start, end: Math.min(w.end, now) };
    });
  }

  /** Every firm of the run, in order. */
  *firms(): Generator<SyntheticFirm> {
    const structure = new Rng(this.seed, 0x53);
    const group = newGroupState();
    for (let i = 0; i < this.options.firms; i++) yield this.firm(drawFirm(this.tables, this.seed, i, structure, group));
  }

  private firm(spec: FirmSpec): SyntheticFirm {
    const rng = new Rng(this.seed, 0x41, spec.index);
    const traits = drawTraits(rng, spec, this.plan);
    const periods = this.options.periods;
    const weights = joinWeights(periods.length);
    let u = rng.next() * weights.reduce((a, b) => a + b, 0);
    let join = 0;
    while (join < periods.length - 1 && u >= weights[join]!) u -= weights[join++]!;
    const pages = this.version.definition.pages.length;
    const assessments: AssessmentRow[] = [];
    let firstCreated = Infinity;
    for (let p = join; p < periods.length; p++) {
      if (p > join && !rng.chance(RETURN_PROBABILITY)) continue;
      const window = this.windows[p]!;
      const submitted = Math.floor(window.start + rng.next() * (window.end - window.start));
      const created = submitted - Math.floor(rng.uniform(0.02, 40) * DAY);
      firstCreated = Math.min(firstCreated, created);
      const answers = generateAnswers(this.plan, latentAt(traits, p, rng), traits, rng);
      assessments.push(
        this.scored(rng.uuid(), spec.id, periods[p]!, answers, pages - 1, 2 + rng.int(0, 9), submitted, created),
      );
    }
    const row: FirmRow = {
      id: spec.id,
      name: spec.name,
      credit_code: spec.creditCode,
      industry_division: spec.industryDivision,
      region_code: spec.regionCode,
      city_code: spec.cityCode,
      size_class: spec.sizeClass,
      employees: spec.employees,
      revenue_wan_yuan: spec.revenueWanYuan,
      group_key: spec.groupKey,
      created_at: new Date(firstCreated - Math.floor(rng.uniform(1, 90) * DAY)).toISOString(),
    };
    return { row, assessments };
  }

  /** Validate and score exactly as submitAssessment does, and keep what it keeps. */
  private scored(
    id: string,
    firmId: string,
    period: string,
    raw: Answers,
    page: number,
    version: number,
    submitted: number,
    created: number,
  ): AssessmentRow {
    const checked = checkAnswers(questionsOf(this.version.definition), raw, this.required);
    if (!checked.ok) throw new Error(`generated answers are invalid: ${JSON.stringify(checked.problems.slice(0, 3))}`);
    const result = scoreAssessment(this.version.compiled, checked.answers);
    const dimensionScores = Object.fromEntries(result.dimensions.map((d) => [d.id, d.score]));
    const { indicators: _indicators, ...stored } = result;
    return {
      id,
      firm_id: firmId,
      period,
      answers: checked.answers,
      current_page: page,
      version,
      overall_score: result.overall,
      stage: result.stage,
      dimension_scores: dimensionScores,
      result: stored,
      submitted_at: new Date(submitted).toISOString(),
      created_at: new Date(created).toISOString(),
    };
  }
}
