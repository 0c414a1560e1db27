// Schemas of a questionnaire version: the SurveyJS definition (the subset the portal uses)
// and its benchmark model. Both are data files under content/, validated when loaded.
import { z } from "zod";
import { localized } from "~/content/schemas";

/** A SurveyJS localizable string: "default" is Simplified Chinese. */
export const surveyText = z.object({ default: z.string().trim().min(1), en: z.string().trim().min(1) });

const choice = z.object({
  value: z.union([z.number().int(), z.string().regex(/^[a-z0-9-]+$/)]),
  text: surveyText,
  /**
   * Whom the option depends on: the firm alone ("internal"), or partners along the chain or in
   * an ecosystem ("chain"). Declared per option from the 2026 edition on (decision 040).
   */
  scope: z.enum(["internal", "chain"]).optional(),
});

const question = z.object({
  type: z.enum(["radiogroup", "checkbox"]),
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, "question names are snake_case ASCII"),
  title: surveyText,
  description: surveyText.optional(),
  choices: z.array(choice).min(2),
  showNoneItem: z.boolean().optional(),
  noneText: surveyText.optional(),
});

export const surveyDefinition = z
  .object({
    title: surveyText,
    description: surveyText.optional(),
    pages: z
      .array(
        z.object({
          name: z.string().regex(/^[a-z][a-z0-9-]*$/),
          title: surveyText.optional(),
          description: surveyText.optional(),
          elements: z.array(question).min(1),
        }),
      )
      .min(1),
  })
  .superRefine((d, ctx) => {
    const names = new Set<string>();
    for (const p of d.pages)
      for (const q of p.elements) {
        if (names.has(q.name)) ctx.addIssue({ code: "custom", message: `duplicate question "${q.name}"` });
        names.add(q.name);
        const values = q.choices.map((c) => String(c.value));
        if (new Set(values).size !== values.length)
          ctx.addIssue({ code: "custom", message: `question "${q.name}" repeats a choice value` });
        if (q.showNoneItem && values.includes("none"))
          ctx.addIssue({ code: "custom", message: `question "${q.name}": "none" is reserved for the none item` });
        if (q.type === "radiogroup" && q.showNoneItem)
          ctx.addIssue({
            code: "custom",
            message: `question "${q.name}": use an explicit choice, not showNoneItem, on a radiogroup`,
          });
      }
  });

const articles = z.array(z.number().int().min(1).max(23)).min(1);
const weight = z.number().gt(0).lte(1);

const levelIndicator = z.object({
  question: z.string(),
  dimension: z.string(),
  weight,
  kind: z.literal("level"),
  /** choice value → level 1..5 */
  levels: z.record(z.string(), z.number().int().min(1).max(5)),
  notApplicable: z.string().optional(),
  articles,
});

const coverageIndicator = z.object({
  question: z.string(),
  dimension: z.string(),
  weight,
  kind: z.literal("coverage"),
  /** the value of the "none of these" item, which counts as zero coverage */
  none: z.string().optional(),
  /**
   * Per-item "not applicable": the value of an N/A choice → the item it excuses. An excused item
   * that is not ticked leaves the denominator; when every item is excused the indicator drops out.
   */
  notApplicableItems: z.record(z.string(), z.string()).optional(),
  articles,
});

export const benchmarkModel = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  questionnaire: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().min(1),
  title: localized,
  comparableWith: z.array(z.string()),
  /**
   * Dimensions whose scores compare with another edition's (decision 040). comparableWith above
   * is for whole editions: overall score, stages and every dimension.
   */
  comparability: z
    .array(
      z.object({ edition: z.string().regex(/^[a-z0-9-]+$/), dimensions: z.array(z.string()).min(1), note: localized }),
    )
    .optional(),
  /**
   * The status the start-up sync stores a new edition with (default "published"); after that the
   * database row's status is what counts.
   */
  status: z.enum(["draft", "published"]).optional(),
  dimensions: z
    .array(z.object({ id: z.string().regex(/^[a-z-]+$/), name: localized, description: localized, articles, weight }))
    .min(1),
  indicators: z.array(z.discriminatedUnion("kind", [levelIndicator, coverageIndicator])).min(1),
  stages: z
    .array(
      z.object({
        stage: z.number().int().min(1).max(5),
        name: localized,
        min: z.number().min(0).max(100),
        max: z.number().min(0).max(100),
        description: localized,
        nextStep: localized,
        articles,
      }),
    )
    .length(5),
  gates: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      fromStage: z.number().int().min(2).max(5),
      dimension: z.string(),
      minScore: z.number().min(0).max(100),
      explanation: localized,
    }),
  ),
  /**
   * Weakest-link rules: the stage is at most `maxStageAbove` above the band (level) of the weakest
   * dimension among `foundation`. Dimensions with no score (all not applicable) are left out.
   */
  weakestLink: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        foundation: z.array(z.string()).min(1),
        maxStageAbove: z.number().int().min(0).max(4),
        explanation: localized,
      }),
    )
    .optional(),
  recommendations: z.array(
    z.object({
      dimension: z.string(),
      level: z.number().int().min(1).max(5),
      title: localized,
      actions: z.array(localized).min(1),
      articles,
      scenes: z.array(z.string()).optional(),
    }),
  ),
});

export type SurveyDefinition = z.infer<typeof surveyDefinition>;
export type BenchmarkModel = z.infer<typeof benchmarkModel>;
export type Indicator = BenchmarkModel["indicators"][number];
export type Stage = BenchmarkModel["stages"][number];
export type Gate = BenchmarkModel["gates"][number];
export type Recommendation = BenchmarkModel["recommendations"][number];
