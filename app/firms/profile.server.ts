// Parse the firm profile form against the loaded taxonomies and derive the size class.
import { firmProfileForm } from "~/accounts/forms";
import {
  industries,
  isKnownDivision,
  isSelectableRegion,
  regions,
  selectableRegions,
  sizeClasses,
} from "~/content/taxonomies.server";
import { citiesOfProvince, cityByCode, isCityInProvince } from "~/firms/cities";
import { creditCodeOtherProvince } from "~/firms/credit-code";
import type { FirmProfileInput } from "~/firms/firm.server";
import { classifySize } from "~/firms/size-class";
import { echoValues, type FormResult, parseForm } from "~/platform/form-parse";

/** A city that is not one of the chosen province's: the i18n key of the error, or null. */
function cityError(form: FormData): string | null {
  const city = String(form.get("cityCode") ?? "").trim();
  const province = String(form.get("regionCode") ?? "");
  if (!/^\d{6}$/.test(city) || !isSelectableRegion(province)) return null;
  return isCityInProvince(city, province) ? null : "errors.cityNotInProvince";
}

export function parseFirmProfile(form: FormData): FormResult<FirmProfileInput> {
  const parsed = parseForm(firmProfileForm(isKnownDivision, isSelectableRegion), form);
  const city = cityError(form);
  if (!parsed.ok) return city ? { ...parsed, errors: { cityCode: city, ...parsed.errors } } : parsed;
  if (city) return { ok: false, errors: { cityCode: city }, values: echoValues(form) };
  const sizeClass = classifySize(parsed.data.employees, parsed.data.revenueWanYuan, sizeClasses().classes);
  return { ok: true, data: { ...parsed.data, sizeClass } };
}

/** Options for the industry, region and city selects (cities grouped by province code). */
export function firmProfileOptions() {
  const groups = industries().groups;
  const provinces = selectableRegions();
  return {
    divisions: industries().divisions.map((d) => ({
      code: d.code,
      zh: d.zh,
      en: d.en,
      group: groups.find((g) => g.id === d.group)!,
    })),
    regions: provinces.map((r) => ({ code: r.code, zh: r.zh, en: r.en })),
    cities: Object.fromEntries(
      provinces.map((r) => [r.code, citiesOfProvince(r.code).map((c) => [c.code, c.name])]),
    ) as Record<string, Array<[string, string]>>,
  };
}

type Names = { zh: string; en: string };

/** The warning for a credit code registered in another province than the chosen one, if any. */
export function creditCodeWarning(creditCode: string, regionCode: string): { named: Names; chosen: Names } | null {
  const other = creditCodeOtherProvince(creditCode, regionCode);
  const chosen = regions().find((r) => r.code === regionCode);
  if (!other || !chosen) return null;
  const named = regions().find((r) => r.code === other);
  return {
    named: named ? { zh: named.zh, en: named.en } : { zh: other, en: other },
    chosen: { zh: chosen.zh, en: chosen.en },
  };
}

/** The firm's coded city by name, or null when none is given. */
export function cityName(cityCode: string | null): string | null {
  return cityCode ? (cityByCode(cityCode)?.name ?? cityCode) : null;
}
