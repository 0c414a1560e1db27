// Choose the release and period (and, per page, an industry, region, size or metric): a plain GET form,
// so every view is a link and works without JavaScript.
import { useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

export interface PickerOption {
  value: string;
  label: string;
}

export interface PickerData {
  releases: Array<{ number: number; label: string; latest: boolean }>;
  release: number;
  periods: string[];
  period: string;
  filters?: Array<{ name: "industry" | "region" | "size" | "metric"; value: string; options: PickerOption[] }>;
}

export function ViewPicker({ data }: { data: PickerData }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <form method="get" action={pathname} className="filters view-picker" aria-label={t("statistics.picker.label")}>
      <div className="field">
        <label htmlFor="pick-release">{t("statistics.picker.release")}</label>
        <select id="pick-release" name="release" defaultValue={String(data.release)}>
          {data.releases.map((r) => (
            <option key={r.number} value={r.number}>
              {t("statistics.releaseName", { number: r.number, label: r.label })}
              {r.latest ? t("statistics.latestSuffix") : ""}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="pick-period">{t("statistics.picker.period")}</label>
        <select id="pick-period" name="period" defaultValue={data.period}>
          {data.periods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      {data.filters?.map((f) => (
        <div className="field" key={f.name}>
          <label htmlFor={`pick-${f.name}`}>{t(`statistics.picker.${f.name}`)}</label>
          <select id={`pick-${f.name}`} name={f.name} defaultValue={f.value}>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="button">
          {t("statistics.picker.apply")}
        </button>
      </div>
    </form>
  );
}
