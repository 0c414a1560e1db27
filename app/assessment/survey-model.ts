// The SurveyJS model of a questionnaire in the reader's language, in the portal's look. Used by the
// questionnaire in the browser; it imports survey-core, so only client code and unit tests load it.
import "survey-core/i18n/simplified-chinese";
import { type ITheme, Model, Serializer, surveyLocalization } from "survey-core";
import type { SurveyDefinition } from "~/assessment/schemas";
import type { Locale } from "~/i18n/locales";

// The definitions' "default" texts are Chinese (their other texts are "en"). SurveyJS reads "default"
// as the text of its default locale, English unless told otherwise, so with the locale set to "en" it
// kept showing "default": the Chinese. Chinese is the default locale here; "en" then picks the English
// texts and SurveyJS's own English strings (buttons, validation messages).
surveyLocalization.defaultLocale = "zh-cn";

// Options declare whom they depend on (`scope`, decision 040). SurveyJS warns "Unknown property 'scope'"
// for every such option unless the property is declared; it is data for the content checks, never shown.
if (!Serializer.findProperty("itemvalue", "scope"))
  Serializer.addProperty("itemvalue", { name: "scope", visible: false });

export const surveyLocale = (locale: Locale): string => (locale === "en" ? "en" : "zh-cn");

// The site's stack (app.css :root): SurveyJS's default is "Open Sans", a web font the fontless
// stylesheet does not load, so Latin text fell back to the browser's serif.
const SITE_FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif';

/**
 * The portal's colours (the CSS variables of app.css, all AA on white) in place of SurveyJS's green.
 * Text colours are solid: SurveyJS's secondary texts are the primary at 60% opacity, which on the
 * survey's tinted surface falls under 4.5:1.
 */
export const PORTAL_SURVEY_THEME: ITheme = {
  themeName: "default",
  colorPalette: "light",
  isPanelless: false,
  headerView: "basic",
  cssVariables: {
    "--sjs2-typography-font-family-text": SITE_FONT,
    "--sjs2-typography-font-family-code": "ui-monospace, monospace",
    "--sjs2-color-project-brand-400": "#2f6fa8",
    "--sjs2-color-project-brand-600": "var(--brand)",
    "--sjs2-color-project-brand-700": "var(--brand-dark)",
    "--sjs2-color-project-brand-800": "#062b4d",
    "--sjs2-color-utility-surface-survey": "var(--surface)",
    "--sjs2-color-utility-a11y": "var(--focus)",
    "--sjs2-color-fg-basic-primary": "var(--text)",
    "--sjs2-color-fg-basic-primary-muted": "var(--text)",
    "--sjs2-color-fg-basic-secondary": "var(--muted)",
    "--sjs2-color-fg-basic-tertiary": "var(--muted)",
    "--sjs2-color-fg-alert-primary": "var(--error)",
    "--sjs2-color-bg-alert-primary": "var(--error)",
  },
};

export interface SurveyModelOptions {
  locale: Locale;
  /** the text of the last page's button (it opens the review page) */
  completeText: string;
  answers: Record<string, unknown>;
  page: number;
}

export function createSurveyModel(definition: SurveyDefinition, options: SurveyModelOptions): Model {
  const model = new Model({
    ...definition,
    // The portal draws its own labelled progress indicator (SurveyJS's page bar is a row of unlabelled dots).
    showProgressBar: "off",
    showQuestionNumbers: "on",
    completeText: options.completeText,
    showCompletedPage: false,
    widthMode: "responsive",
  });
  model.locale = surveyLocale(options.locale);
  model.applyTheme(PORTAL_SURVEY_THEME);
  model.data = options.answers;
  model.currentPageNo = Math.min(Math.max(0, options.page), model.pageCount - 1);
  return model;
}
