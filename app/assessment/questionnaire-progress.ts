// The questionnaire's progress indicator: the page the member is on and how many scored questions
// have an answer ("第 3 / 11 页 · 已答 17 / 51"), the same count as the review page's.

export interface QuestionnaireProgress {
  /** 1-based */
  page: number;
  pages: number;
  answered: number;
  total: number;
}

/** An answer SurveyJS holds counts once it says something: not empty, not an empty tick list. */
export const isAnswered = (value: unknown): boolean =>
  value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);

export function questionnaireProgress(
  pageIndex: number,
  pageCount: number,
  data: Readonly<Record<string, unknown>>,
  scored: readonly string[],
): QuestionnaireProgress {
  const pages = Math.max(1, pageCount);
  return {
    page: Math.min(Math.max(0, pageIndex), pages - 1) + 1,
    pages,
    answered: scored.filter((name) => isAnswered(data[name])).length,
    total: scored.length,
  };
}

/** The indicator's text in the reader's language (`questionnaire.progress`). */
export const progressLabel = (
  t: (key: "questionnaire.progress", values: Record<string, number>) => string,
  p: QuestionnaireProgress,
): string => t("questionnaire.progress", { page: p.page, pages: p.pages, answered: p.answered, total: p.total });
