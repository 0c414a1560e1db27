import type { SurveyDefinition } from "~/assessment/schemas";
import type { Localized } from "~/content/schemas";

export interface QuestionInfo {
  name: string;
  type: "radiogroup" | "checkbox";
  page: string;
  pageIndex: number;
  title: Localized;
  /** the allowed values, as strings (radiogroup values may be numbers in the definition) */
  values: string[];
  /** the value of SurveyJS's "none" item, when the question shows one */
  noneValue: string | null;
}

export const SURVEY_NONE_VALUE = "none";

export const toLocalized = (t: { default: string; en: string }): Localized => ({ zh: t.default, en: t.en });

const flattened = new WeakMap<SurveyDefinition, QuestionInfo[]>();

/** Flatten a definition into its questions, in order (computed once per definition). */
export function questionsOf(definition: SurveyDefinition): QuestionInfo[] {
  let questions = flattened.get(definition);
  if (!questions) {
    questions = flatten(definition);
    flattened.set(definition, questions);
  }
  return questions;
}

function flatten(definition: SurveyDefinition): QuestionInfo[] {
  return definition.pages.flatMap((page, pageIndex) =>
    page.elements.map((q) => ({
      name: q.name,
      type: q.type,
      page: page.name,
      pageIndex,
      title: toLocalized(q.title),
      values: q.choices.map((c) => String(c.value)),
      noneValue: q.showNoneItem ? SURVEY_NONE_VALUE : null,
    })),
  );
}
