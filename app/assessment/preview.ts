// The read-only preview of an edition, and the index between its questions and the guide's
// articles (from the model's indicators: a question assesses the articles its indicator names).
// Pure: from any edition's definition and model, in one language.
import type { BenchmarkModel, SurveyDefinition } from "~/assessment/schemas";
import { type Locale, pick } from "~/i18n/locales";

/** The anchor of a question on its edition's preview page. */
export const questionAnchor = (name: string): string => `q-${name}`;
export const pageAnchor = (name: string): string => `page-${name}`;
export const previewHref = (edition: string, question?: string): string =>
  `/questionnaires/${edition}${question ? `#${questionAnchor(question)}` : ""}`;

const text = (t: { default: string; en: string }, locale: Locale): string => (locale === "zh" ? t.default : t.en);

export interface QuestionRef {
  name: string;
  /** the question's number in the questionnaire, 1-based, as the questionnaire shows it */
  number: number;
  title: { zh: string; en: string };
  dimension: string;
}

export interface QuestionArticleIndex {
  /** question name → the articles it assesses (ascending); unscored questions assess none */
  articlesOf: Map<string, number[]>;
  /** article → the questions that assess it, in questionnaire order */
  questionsFor: Map<number, QuestionRef[]>;
}

export function questionArticleIndex(model: BenchmarkModel, definition: SurveyDefinition): QuestionArticleIndex {
  const indicators = new Map(model.indicators.map((i) => [i.question, i]));
  const articlesOf = new Map<string, number[]>();
  const questionsFor = new Map<number, QuestionRef[]>();
  let number = 0;
  for (const page of definition.pages)
    for (const q of page.elements) {
      number++;
      const ind = indicators.get(q.name);
      const articles = ind ? [...new Set(ind.articles)].sort((a, b) => a - b) : [];
      articlesOf.set(q.name, articles);
      if (!ind) continue;
      const ref = { name: q.name, number, title: { zh: q.title.default, en: q.title.en }, dimension: ind.dimension };
      for (const a of articles) {
        const list = questionsFor.get(a) ?? [];
        list.push(ref);
        questionsFor.set(a, list);
      }
    }
  return { articlesOf, questionsFor };
}

export interface PreviewOption {
  value: string;
  text: string;
  /** the level (1–5) this option scores, for level questions */
  level: number | null;
  notApplicable: boolean;
}

export interface PreviewQuestion {
  name: string;
  anchor: string;
  number: number;
  title: string;
  /** the evidence hint (the question's description) */
  hint: string | null;
  multiple: boolean;
  options: PreviewOption[];
  /** the "none of these" item of a tick list */
  none: string | null;
  /** null for profile questions, which are not scored */
  dimension: { id: string; name: string } | null;
  articles: number[];
}

export interface PreviewPage {
  name: string;
  anchor: string;
  title: string;
  description: string | null;
  questions: PreviewQuestion[];
}

export interface Preview {
  title: string;
  description: string | null;
  pages: PreviewPage[];
  questionCount: number;
  scoredCount: number;
}

export function previewOf(model: BenchmarkModel, definition: SurveyDefinition, locale: Locale): Preview {
  const indicators = new Map(model.indicators.map((i) => [i.question, i]));
  const dimensions = new Map(model.dimensions.map((d) => [d.id, pick(d.name, locale)]));
  const { articlesOf } = questionArticleIndex(model, definition);
  let number = 0;
  const pages = definition.pages.map((page, i) => ({
    name: page.name,
    anchor: pageAnchor(page.name),
    title: page.title ? text(page.title, locale) : String(i + 1),
    description: page.description ? text(page.description, locale) : null,
    questions: page.elements.map((q): PreviewQuestion => {
      const ind = indicators.get(q.name);
      return {
        name: q.name,
        anchor: questionAnchor(q.name),
        number: ++number,
        title: text(q.title, locale),
        hint: q.description ? text(q.description, locale) : null,
        multiple: q.type === "checkbox",
        options: q.choices.map((c) => {
          const value = String(c.value);
          return {
            value,
            text: text(c.text, locale),
            level: ind?.kind === "level" ? (ind.levels[value] ?? null) : null,
            notApplicable: ind?.kind === "level" && ind.notApplicable === value,
          };
        }),
        none: q.showNoneItem ? (q.noneText ? text(q.noneText, locale) : "") : null,
        dimension: ind ? { id: ind.dimension, name: dimensions.get(ind.dimension) ?? ind.dimension } : null,
        articles: articlesOf.get(q.name) ?? [],
      };
    }),
  }));
  return {
    title: text(definition.title, locale),
    description: definition.description ? text(definition.description, locale) : null,
    pages,
    questionCount: number,
    scoredCount: model.indicators.length,
  };
}

export interface DimensionQuestions {
  id: string;
  name: { zh: string; en: string };
  /** the dimension's share of the overall score (weights re-normalised to 1) */
  share: number;
  questions: Array<QuestionRef & { kind: "level" | "coverage"; weight: number; share: number; articles: number[] }>;
}

/**
 * Each dimension's questions with their weight within the dimension and their share of the overall
 * score, both re-normalised as the scoring does when every question is answered.
 */
export function dimensionQuestions(model: BenchmarkModel, definition: SurveyDefinition): DimensionQuestions[] {
  const refs = new Map<string, QuestionRef>();
  let number = 0;
  for (const page of definition.pages)
    for (const q of page.elements)
      refs.set(q.name, {
        name: q.name,
        number: ++number,
        title: { zh: q.title.default, en: q.title.en },
        dimension: "",
      });
  const dimTotal = model.dimensions.reduce((s, d) => s + d.weight, 0);
  return model.dimensions.map((d) => {
    const members = model.indicators.filter((i) => i.dimension === d.id);
    const total = members.reduce((s, i) => s + i.weight, 0);
    const share = d.weight / dimTotal;
    return {
      id: d.id,
      name: d.name,
      share,
      questions: members
        .map((i) => ({
          ...refs.get(i.question)!,
          dimension: d.id,
          kind: i.kind,
          weight: i.weight / total,
          share: (share * i.weight) / total,
          articles: [...new Set(i.articles)].sort((a, b) => a - b),
        }))
        .sort((a, b) => a.number - b.number),
    };
  });
}
