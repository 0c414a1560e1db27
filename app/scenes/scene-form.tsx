// The analysts' scene form: every text in Chinese and English, the taxonomy choices, prerequisites.
import type { CatalogueOptions } from "~/catalogue/catalogue-filters";
import { pick } from "~/i18n/locales";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import type { SceneFormValues } from "~/scenes/form.server";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "~/ui/form";

export interface SceneFormOptions extends CatalogueOptions {
  dimensions: Array<{ id: string; name: { zh: string; en: string } }>;
}

const TEXTS = ["title", "summary", "problem", "practice", "data", "measures"] as const;

export function useSceneFieldLabels(): Record<string, string> {
  const { t } = useTranslation();
  const labels: Record<string, string> = { slug: t("sceneEdit.slug") };
  for (const f of TEXTS) {
    const name = t(`sceneEdit.${f === "title" ? "titleField" : f}`);
    labels[`${f}_zh`] = `${name}（${t("sceneEdit.zh")}）`;
    labels[`${f}_en`] = `${name}（${t("sceneEdit.en")}）`;
  }
  return labels;
}

export function SceneFormFields({
  values,
  errors,
  options,
  isNew,
}: {
  values: SceneFormValues;
  errors: Record<string, string>;
  options: SceneFormOptions;
  isNew: boolean;
}) {
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const labels = useSceneFieldLabels();
  const named = (list: Array<{ id: string; zh: string; en: string }>) =>
    list.map((o) => ({ value: o.id, label: o[locale] }));
  return (
    <>
      {isNew ? (
        <TextField
          name="slug"
          label={t("sceneEdit.slug")}
          defaultValue={values.slug}
          maxLength={100}
          error={errors.slug}
        />
      ) : null}
      {TEXTS.map((f) =>
        (["zh", "en"] as const).map((l) =>
          f === "title" ? (
            <TextField
              key={`${f}_${l}`}
              name={`${f}_${l}`}
              label={labels[`${f}_${l}`]!}
              defaultValue={values.text[f][l]}
              maxLength={4000}
              error={errors[`${f}_${l}`]}
            />
          ) : (
            <TextAreaField
              key={`${f}_${l}`}
              name={`${f}_${l}`}
              label={labels[`${f}_${l}`]!}
              defaultValue={values.text[f][l]}
              maxLength={4000}
              rows={f === "summary" ? 3 : 5}
              error={errors[`${f}_${l}`]}
            />
          ),
        ),
      )}
      <SelectField
        name="industryGroup"
        label={t("sceneEdit.group")}
        options={named(options.groups)}
        defaultValue={values.industryGroup}
      />
      <SelectField name="tier" label={t("sceneEdit.tier")} options={named(options.tiers)} defaultValue={values.tier} />
      <CheckboxGroup
        name="divisions"
        legend={t("sceneEdit.divisions")}
        options={named(options.divisions)}
        checked={values.divisions}
      />
      <CheckboxGroup
        name="businessLinks"
        legend={t("sceneEdit.links")}
        options={named(options.links)}
        checked={values.businessLinks}
      />
      <CheckboxGroup
        name="technologies"
        legend={t("sceneEdit.technologies")}
        options={named(options.technologies)}
        checked={values.technologies}
      />
      <CheckboxGroup
        name="articles"
        legend={t("sceneEdit.articles")}
        options={Array.from({ length: 23 }, (_, i) => ({
          value: String(i + 1),
          label: t("guide.article", { number: i + 1 }),
        }))}
        checked={values.articles}
      />
      <CheckboxGroup
        name="dimensions"
        legend={t("sceneEdit.dimensions")}
        options={options.dimensions.map((d) => ({ value: d.id, label: pick(d.name, locale) }))}
        checked={values.dimensions}
      />
      <fieldset className="checkboxes">
        <legend>{t("sceneEdit.prerequisites")}</legend>
        {options.dimensions.map((d) => (
          <SelectField
            key={d.id}
            name={`prereq-${d.id}`}
            label={pick(d.name, locale)}
            placeholder={t("sceneEdit.none")}
            options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t("sceneEdit.level", { level: n }) }))}
            defaultValue={values.prerequisites[d.id] ?? ""}
          />
        ))}
      </fieldset>
      <div className="checkbox">
        <input type="checkbox" id="fictional" name="fictional" value="yes" defaultChecked={values.fictional} />
        <label htmlFor="fictional">{t("sceneEdit.fictional")}</label>
      </div>
    </>
  );
}
