import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};
import type { Locale } from "~/i18n/locales";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { SelectField, TextField } from "~/ui/form";

type Named = { code: string; zh: string; en: string };

export function useFirmFieldLabels(): Record<string, string> {
  const { t } = useTranslation();
  return {
    name: t("firm.name"),
    creditCode: t("firm.creditCode"),
    industryDivision: t("firm.industry"),
    regionCode: t("firm.region"),
    cityCode: t("firm.city"),
    employees: t("firm.employees"),
    revenueWanYuan: t("firm.revenue"),
  };
}

export function FirmProfileFields({
  options,
  values,
  errors,
  locale,
}: {
  /** cities: province code → [city code, name] (from firmProfileOptions) */
  options: { divisions: Named[]; regions: Named[]; cities: Record<string, Array<[string, string]>> };
  values: Record<string, string | number | null | undefined>;
  errors: Record<string, string>;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const labels = useFirmFieldLabels();
  const v = (k: string) => (values[k] === null || values[k] === undefined ? undefined : String(values[k]));
  // Without JavaScript the city list is the server-rendered province's, and a button asks the server
  // for another province's; with it the list follows the province select.
  const [province, setProvince] = useState(v("regionCode") ?? "");
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const cities = options.cities[province] ?? [];
  const city = v("cityCode");
  return (
    <>
      <TextField
        name="name"
        label={labels.name!}
        defaultValue={v("name")}
        error={errors.name}
        required
        maxLength={100}
        autoComplete="organization"
      />
      <TextField
        name="creditCode"
        label={labels.creditCode!}
        hint={t("firm.creditCodeHint")}
        defaultValue={v("creditCode")}
        error={errors.creditCode}
        required
        maxLength={24}
      />
      <SelectField
        name="industryDivision"
        label={labels.industryDivision!}
        placeholder={t("firm.chooseIndustry")}
        defaultValue={v("industryDivision")}
        error={errors.industryDivision}
        required
        options={options.divisions.map((d) => ({ value: d.code, label: `${d.code} ${d[locale]}` }))}
      />
      <SelectField
        name="regionCode"
        label={labels.regionCode!}
        placeholder={t("firm.chooseRegion")}
        defaultValue={v("regionCode")}
        error={errors.regionCode}
        required
        onChange={setProvince}
        options={options.regions.map((r) => ({ value: r.code, label: r[locale] }))}
      />
      <SelectField
        key={province}
        name="cityCode"
        label={labels.cityCode!}
        hint={t("firm.cityHint")}
        placeholder={t(province ? "firm.chooseCity" : "firm.chooseProvinceFirst")}
        defaultValue={city && cities.some(([code]) => code === city) ? city : undefined}
        error={errors.cityCode}
        options={cities.map(([code, name]) => ({ value: code, label: name }))}
      />
      {hydrated ? null : (
        <button type="submit" name="intent" value="cities" className="button button--secondary" formNoValidate>
          {t("firm.showCities")}
        </button>
      )}
      <p className="hint">{t("firm.sizeHint")}</p>
      <TextField
        name="employees"
        label={labels.employees!}
        inputMode="numeric"
        defaultValue={v("employees")}
        error={errors.employees}
        required
        maxLength={9}
      />
      <TextField
        name="revenueWanYuan"
        label={labels.revenueWanYuan!}
        inputMode="numeric"
        defaultValue={v("revenueWanYuan")}
        error={errors.revenueWanYuan}
        required
        maxLength={9}
      />
    </>
  );
}

type Names = { zh: string; en: string };

/** A credit code registered in another province than the chosen one: a warning, not an error. */
export function CreditCodeWarning({ warning }: { warning: { named: Names; chosen: Names } | null }) {
  const { t } = useTranslation();
  const locale = useRouteLocale();
  if (!warning) return null;
  return (
    <div className="notice notice--warning" role="note">
      {t("firm.creditCodeOtherProvince", { named: warning.named[locale], chosen: warning.chosen[locale] })}
    </div>
  );
}
