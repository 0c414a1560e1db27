// The case form's fields, for a new case and for editing a draft or returned case.
import type { CaseFormValues } from "~/cases/form.server";
import type { CatalogueOptions } from "~/catalogue/catalogue-filters";
import { pick } from "~/i18n/locales";
import { useRouteLocale } from "~/i18n/use-locale";
import { useText } from "~/i18n/use-text";
import { useTranslation } from "~/i18n/use-translation";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "~/ui/form";

export interface CaseFormOptions extends CatalogueOptions {
  scenes: Array<{ slug: string; title: { zh: string; en: string }; industryGroup: string }>;
}

export function useCaseFieldLabels(): Record<string, string> {
  const { t } = useTranslation();
  return {
    title: t("caseForm.title"),
    summary: t("caseForm.summary"),
    problem: t("caseForm.problem"),
    approach: t("caseForm.approach"),
    language: t("caseForm.language"),
    technologies: t("caseForm.technologies"),
    sceneSlugs: t("caseForm.scenes"),
    articles: t("caseForm.articles"),
    industryDivision: t("caseForm.industry"),
    regionCode: t("caseForm.region"),
    sizeClass: t("caseForm.size"),
    results: t("caseForm.results"),
    consent: t("caseForm.submitHeading"),
    comment: t("review.comment"),
  };
}

export function CaseFormFields({
  values,
  errors,
  options,
}: {
  values: CaseFormValues;
  errors: Record<string, string>;
  options: CaseFormOptions;
}) {
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const rows = Math.min(12, Math.max(3, values.results.length + 1));
  const named = (list: Array<{ id: string; zh: string; en: string }>) =>
    list.map((o) => ({ value: o.id, label: o[locale] }));
  return (
    <>
      <TextField
        name="title"
        label={`${t("caseForm.title")} *`}
        defaultValue={values.title}
        maxLength={120}
        error={errors.title}
      />
      <TextAreaField
        name="summary"
        label={`${t("caseForm.summary")} *`}
        defaultValue={values.summary}
        maxLength={500}
        rows={3}
        error={errors.summary}
      />
      <TextAreaField
        name="problem"
        label={`${t("caseForm.problem")} *`}
        defaultValue={values.problem}
        maxLength={20000}
        rows={8}
        error={errors.problem}
        hint={t("caseForm.intro")}
      />
      <TextAreaField
        name="approach"
        label={`${t("caseForm.approach")} *`}
        defaultValue={values.approach}
        maxLength={20000}
        rows={10}
        error={errors.approach}
      />
      <fieldset
        className="checkboxes"
        id="results"
        aria-describedby={errors.results ? "results-error results-hint" : "results-hint"}
      >
        <legend>{t("caseForm.results")} *</legend>
        <p className="hint" id="results-hint">
          {t("caseForm.resultsHint")}
        </p>
        {errors.results ? <ResultsError error={errors.results} /> : null}
        {Array.from({ length: rows }, (_, i) => {
          const r = values.results[i] ?? { metric: "", before: "", after: "", unit: "", period: "" };
          return (
            <fieldset className="result-row" key={i}>
              <legend>{t("caseForm.resultRow", { n: i + 1 })}</legend>
              <TextField
                name={`result-${i}-metric`}
                label={t("cases.metric")}
                defaultValue={r.metric}
                maxLength={120}
              />
              <TextField
                name={`result-${i}-before`}
                label={t("cases.before")}
                defaultValue={r.before}
                inputMode="text"
                maxLength={30}
              />
              <TextField
                name={`result-${i}-after`}
                label={t("cases.after")}
                defaultValue={r.after}
                inputMode="text"
                maxLength={30}
              />
              <TextField name={`result-${i}-unit`} label={t("cases.unit")} defaultValue={r.unit} maxLength={30} />
              <TextField name={`result-${i}-period`} label={t("cases.period")} defaultValue={r.period} maxLength={60} />
            </fieldset>
          );
        })}
      </fieldset>
      <CheckboxGroup
        name="sceneSlugs"
        legend={t("caseForm.scenes")}
        error={errors.sceneSlugs}
        checked={values.sceneSlugs}
        options={options.scenes.map((s) => ({ value: s.slug, label: pick(s.title, locale) }))}
      />
      <CheckboxGroup
        name="technologies"
        legend={t("caseForm.technologies")}
        error={errors.technologies}
        checked={values.technologies}
        options={named(options.technologies)}
      />
      <CheckboxGroup
        name="articles"
        legend={t("caseForm.articles")}
        error={errors.articles}
        checked={values.articles}
        options={Array.from({ length: 23 }, (_, i) => ({
          value: String(i + 1),
          label: t("guide.article", { number: i + 1 }),
        }))}
      />
      <SelectField
        name="industryDivision"
        label={t("caseForm.industry")}
        options={named(options.divisions)}
        defaultValue={values.industryDivision}
        error={errors.industryDivision}
        hint={t("caseForm.profileHint")}
      />
      <SelectField
        name="regionCode"
        label={t("caseForm.region")}
        options={named(options.regions)}
        defaultValue={values.regionCode}
        error={errors.regionCode}
      />
      <SelectField
        name="sizeClass"
        label={t("caseForm.size")}
        options={named(options.sizes)}
        defaultValue={values.sizeClass}
        error={errors.sizeClass}
      />
      <SelectField
        name="language"
        label={t("caseForm.language")}
        options={[
          { value: "zh", label: t("caseForm.languages.zh") },
          { value: "en", label: t("caseForm.languages.en") },
        ]}
        defaultValue={values.language}
        error={errors.language}
      />
      <fieldset className="checkboxes">
        <legend>{t("caseForm.publication")}</legend>
        <div className="checkbox">
          <input
            type="radio"
            id="publication-anonymised"
            name="publication"
            value="anonymised"
            defaultChecked={values.publication !== "named"}
          />
          <label htmlFor="publication-anonymised">{t("caseForm.anonymised")}</label>
        </div>
        <div className="checkbox">
          <input
            type="radio"
            id="publication-named"
            name="publication"
            value="named"
            defaultChecked={values.publication === "named"}
          />
          <label htmlFor="publication-named">{t("caseForm.named")}</label>
        </div>
      </fieldset>
    </>
  );
}

function ResultsError({ error }: { error: string }) {
  const text = useText();
  return (
    <p className="field-error" id="results-error">
      {text(error)}
    </p>
  );
}
