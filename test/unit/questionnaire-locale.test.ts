// The questionnaire in the reader's language and the portal's look: SurveyJS's model as the browser
// builds it (survey-core runs in Node), and the labelled progress indicator.
import { describe, expect, it } from "vitest";
import { isAnswered, progressLabel, questionnaireProgress } from "~/assessment/questionnaire-progress";
import { createSurveyModel, PORTAL_SURVEY_THEME } from "~/assessment/survey-model";
import { i18nFor } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { loadVersion } from "~test/support/assessment-fixtures";

const { definition, model } = loadVersion("qmd-2025");
const scored = model.indicators.map((i) => i.question);
const build = (locale: Locale, answers: Record<string, unknown> = {}, page = 0) =>
  createSurveyModel(definition, { locale, completeText: "review", answers, page });

describe("the questionnaire's language", () => {
  it("shows every page title, question and option in English when the interface is English", () => {
    const survey = build("en");
    definition.pages.forEach((p, i) => expect(survey.pages[i]!.title).toBe(p.title?.en ?? p.name));
    for (const q of definition.pages.flatMap((p) => p.elements)) {
      const question = survey.getQuestionByName(q.name);
      expect(question.title).toBe(q.title.en);
      expect(question.choices.map((c: { text: string }) => c.text)).toEqual(q.choices.map((c) => c.text.en));
      if (q.description) expect(question.description).toBe(q.description.en);
    }
    expect(survey.pageNextText).toBe("Next");
    expect(survey.pagePrevText).toBe("Previous");
  });

  it("keeps Chinese for the Chinese interface, SurveyJS's own strings included", () => {
    const survey = build("zh");
    expect(survey.pages[1]!.title).toBe(definition.pages[1]!.title!.default);
    const first = definition.pages[1]!.elements[0]!;
    expect(survey.getQuestionByName(first.name).title).toBe(first.title.default);
    expect(survey.pageNextText).toBe("下一页");
  });

  it("gives validation messages in the reader's language", () => {
    const name = definition.pages[0]!.elements[0]!.name;
    const message = (locale: Locale) => {
      const q = build(locale).getQuestionByName(name);
      q.isRequired = true;
      q.validate(true);
      return q.errors[0]!.getText();
    };
    expect(message("en")).toMatch(/required/i);
    expect(message("zh")).toMatch(/[\u4e00-\u9fff]/);
  });

  it("uses the site's font and colours, with no serif fallback", () => {
    const survey = build("en");
    const vars = survey.themeVariables as Record<string, string>;
    const font = vars["--sjs2-typography-font-family-text"]!;
    expect(font).toMatch(/sans-serif$/);
    expect(font).not.toMatch(/Open Sans|(^|[ ,])serif/);
    expect(vars["--sjs2-color-project-brand-600"]).toBe("var(--brand)");
    expect(PORTAL_SURVEY_THEME.cssVariables!["--sjs2-color-fg-basic-secondary"]).toBe("var(--muted)");
    expect(survey.showProgressBar).toBe(false);
  });
});

describe("the progress indicator", () => {
  it("counts answered scored questions only, never empty tick lists or profile answers", () => {
    const answers = { [scored[0]!]: 3, [scored[1]!]: [], [scored[2]!]: ["a"], profile_production_mode: "discrete" };
    expect(questionnaireProgress(2, 11, answers, scored)).toEqual({ page: 3, pages: 11, answered: 2, total: 51 });
    expect([undefined, null, "", [], 0, "x", ["none"]].map(isAnswered)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(questionnaireProgress(99, 11, {}, scored).page).toBe(11);
    expect(questionnaireProgress(-1, 0, {}, []).page).toBe(1);
  });

  it("reads 第 3 / 11 页 · 已答 17 / 51 and Page 3 of 11 · 17 of 51 answered", () => {
    const p = { page: 3, pages: 11, answered: 17, total: 51 };
    expect(progressLabel(i18nFor("zh").t, p)).toBe("第 3 / 11 页 · 已答 17 / 51");
    expect(progressLabel(i18nFor("en").t, p)).toBe("Page 3 of 11 · 17 of 51 answered");
  });

  it("starts where the member left off, with the answers already given counted", () => {
    const answers = Object.fromEntries(scored.slice(0, 17).map((q) => [q, 1]));
    const survey = build("en", answers, 2);
    expect(survey.currentPageNo).toBe(2);
    expect(questionnaireProgress(survey.currentPageNo, survey.pageCount, survey.data, scored)).toEqual({
      page: 3,
      pages: 11,
      answered: 17,
      total: 51,
    });
  });
});

describe("the 2026 options' scope", () => {
  it("is a declared property: SurveyJS reads the 2026 questionnaire with no unknown-property error", () => {
    const survey = createSurveyModel(loadVersion("qmd-2026").definition, {
      locale: "zh",
      completeText: "review",
      answers: {},
      page: 0,
    });
    const errors = (survey.jsonErrors ?? []).map((e: { message: string }) => e.message);
    expect(errors.filter((m: string) => m.includes("scope"))).toEqual([]);
  });
});
