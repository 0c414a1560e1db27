// Answers drawn from the questionnaire definition itself, guided by a latent maturity per dimension:
// higher for larger firms, for the coastal east and for some industries, different across dimensions,
// and rising over the periods for the firms that improve.
import {
  DIVISION_EFFECT,
  type FirmSpec,
  PROVINCE_EFFECT,
  SIZE_BASE,
  ZONE_EFFECT,
  zoneOf,
} from "~db/synth/distributions";
import { clamp } from "~db/synth/random";
import type { Answers, AnswerValue } from "~/assessment/answers";
import type { SurveyDefinition } from "~/assessment/schemas";
import type { CompiledModel } from "~/assessment/scoring";
import type { SizeClassId } from "~/firms/size-class";
import type { Rng } from "~/platform/seeded-random";

/** Latent points by dimension id: firms are stronger on strategy and inspection than on data models. */
export const DIMENSION_EFFECT: Readonly<Record<string, number>> = {
  strategy: 6,
  planning: 2,
  people: 0,
  equipment: 3,
  materials: 0,
  inspection: 6,
  "data-management": -3,
  "data-modelling": -9,
  "data-security": -5,
  scenarios: -7,
};

type Choice = number | string;

/** How one question of the definition is answered. */
export type QuestionPlan =
  | { name: string; kind: "level"; dimension: number; byLevel: Choice[]; notApplicable: Choice | null; naRate: number }
  | { name: string; kind: "coverage"; dimension: number; choices: Choice[]; none: string | null }
  | { name: string; kind: "single"; choices: Choice[] }
  | { name: string; kind: "multiple"; choices: Choice[]; none: string | null };

export interface AnswerPlan {
  dimensions: string[];
  questions: QuestionPlan[];
}

/** Questions where "not applicable" is a common, honest answer for a small firm. */
const SMALL_FIRM_NA = new Set(["pln_design_tools", "sec_external_sharing", "mat_one_item_one_code"]);

/**
 * One plan per questionnaire version: every question of the definition, in order, with the choice
 * values exactly as the definition writes them (numbers stay numbers).
 */
export function answerPlan(definition: SurveyDefinition, compiled: CompiledModel): AnswerPlan {
  const dimensions = compiled.model.dimensions.map((d) => d.id);
  const indicators = new Map(compiled.indicators.map((ind) => [ind.question, ind]));
  const questions: QuestionPlan[] = [];
  for (const page of definition.pages)
    for (const q of page.elements) {
      const choices = q.choices.map((c) => c.value);
      const none = q.showNoneItem ? "none" : null;
      const ind = indicators.get(q.name);
      if (!ind) {
        questions.push(
          q.type === "radiogroup"
            ? { name: q.name, kind: "single", choices }
            : { name: q.name, kind: "multiple", choices, none },
        );
      } else if (ind.kind === "level") {
        const byLevel: Choice[] = [];
        for (let level = 1; level <= 5; level++) {
          const value = choices.find((c) => ind.levels[String(c)] === level);
          if (value !== undefined) byLevel.push(value);
        }
        if (byLevel.length === 0) throw new Error(`question ${q.name}: no choice maps to a level`);
        const na =
          ind.notApplicable === undefined ? null : (choices.find((c) => String(c) === ind.notApplicable) ?? null);
        questions.push({
          name: q.name,
          kind: "level",
          dimension: dimensions.indexOf(ind.dimension),
          byLevel,
          notApplicable: na,
          naRate: SMALL_FIRM_NA.has(q.name) ? 0.1 : 0.05,
        });
      } else {
        const scored = choices.filter((c) => String(c) !== ind.none);
        questions.push({
          name: q.name,
          kind: "coverage",
          dimension: dimensions.indexOf(ind.dimension),
          choices: scored,
          none: none ?? (ind.none !== undefined && choices.some((c) => String(c) === ind.none) ? ind.none : null),
        });
      }
    }
  return { dimensions, questions };
}

/** A firm's lasting traits: its level, its strengths and weaknesses, and its course over the periods. */
export interface FirmTraits {
  /** latent maturity per dimension of the plan, at the first period */
  dimensions: number[];
  /** points gained (or lost) per period */
  trend: number;
  /** extra chance of answering "not applicable" */
  naBoost: number;
}

export type Course = "improving" | "steady" | "declining";

export function firmBase(firm: Pick<FirmSpec, "sizeClass" | "regionCode" | "industryDivision" | "groupKey">): number {
  return (
    SIZE_BASE[firm.sizeClass] +
    ZONE_EFFECT[zoneOf(firm.regionCode)] +
    (PROVINCE_EFFECT[firm.regionCode] ?? 0) +
    (DIVISION_EFFECT[firm.industryDivision] ?? 0) +
    (firm.groupKey ? 4 : 0)
  );
}

export function drawTraits(rng: Rng, firm: FirmSpec, plan: AnswerPlan): FirmTraits {
  const own = firmBase(firm) + rng.normal(0, 9);
  const course: Course = rng.chance(0.4) ? "improving" : rng.chance(5 / 6) ? "steady" : "declining";
  const trend =
    course === "improving" ? rng.uniform(3, 9) : course === "steady" ? rng.normal(0, 1.5) : -rng.uniform(1, 4);
  const small: Record<SizeClassId, number> = { large: 0, medium: 0.01, small: 0.04, micro: 0.08 };
  return {
    dimensions: plan.dimensions.map((d) => own + (DIMENSION_EFFECT[d] ?? 0) + rng.normal(0, 7)),
    trend,
    naBoost: small[firm.sizeClass],
  };
}

/** The latent maturity (0–100) per dimension in the firm's `step`-th period (0 = first period of the run). */
export function latentAt(traits: FirmTraits, step: number, rng: Rng): number[] {
  return traits.dimensions.map((d) => clamp(d + traits.trend * step + rng.normal(0, 3), 0, 100));
}

/**
 * One answer set: every question of the definition answered with a value it allows. Level questions
 * land around the dimension's latent level; tick-box coverage ticks about that share of the choices.
 */
export function generateAnswers(
  plan: AnswerPlan,
  latent: readonly number[],
  traits: Pick<FirmTraits, "naBoost">,
  rng: Rng,
): Answers {
  const answers: Answers = {};
  for (const q of plan.questions) {
    let value: AnswerValue;
    switch (q.kind) {
      case "level": {
        if (q.notApplicable !== null && rng.chance(q.naRate + traits.naBoost)) {
          value = q.notApplicable;
          break;
        }
        const l = latent[q.dimension] ?? 50;
        const x = 1 + (4 * l) / 100 + rng.normal(0, 0.75);
        const level = clamp(Math.round(x), 1, q.byLevel.length);
        value = q.byLevel[level - 1]!;
        break;
      }
      case "coverage": {
        const p = clamp((latent[q.dimension] ?? 50) / 100 + rng.normal(0, 0.12), 0.02, 0.98);
        value = tick(q.choices, p, q.none, rng);
        break;
      }
      case "single":
        value = q.choices[rng.int(0, q.choices.length - 1)]!;
        break;
      case "multiple":
        value = tick(q.choices, 0.3, q.none, rng);
        break;
    }
    answers[q.name] = value;
  }
  return answers;
}

function tick(choices: readonly Choice[], p: number, none: string | null, rng: Rng): Choice[] {
  const picked = choices.filter(() => rng.chance(p));
  if (picked.length > 0) return picked;
  return none !== null ? [none] : [choices[rng.int(0, choices.length - 1)]!];
}
