import type { Locale } from "~/i18n/locales";
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
    city: t("firm.city"),
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
  options: { divisions: Named[]; regions: Named[] };
  values: Record<string, string | number | null | undefined>;
  errors: Record<string, string>;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const labels = useFirmFieldLabels();
  const v = (k: string) => (values[k] === null || values[k] === undefined ? undefined : String(values[k]));
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
        options={options.regions.map((r) => ({ value: r.code, label: r[locale] }))}
      />
      <TextField name="city" label={labels.city!} defaultValue={v("city")} error={errors.city} maxLength={50} />
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
