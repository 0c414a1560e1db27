// Parse the firm profile form against the loaded taxonomies and derive the size class.
import { firmProfileForm } from "~/accounts/forms";
import {
  industries,
  isKnownDivision,
  isSelectableRegion,
  selectableRegions,
  sizeClasses,
} from "~/content/taxonomies.server";
import type { FirmProfileInput } from "~/firms/firm.server";
import { classifySize } from "~/firms/size-class";
import { type FormResult, parseForm } from "~/platform/form-parse";

export function parseFirmProfile(form: FormData): FormResult<FirmProfileInput> {
  const parsed = parseForm(firmProfileForm(isKnownDivision, isSelectableRegion), form);
  if (!parsed.ok) return parsed;
  const sizeClass = classifySize(parsed.data.employees, parsed.data.revenueWanYuan, sizeClasses().classes);
  return { ok: true, data: { ...parsed.data, sizeClass } };
}

/** Options for the industry and region selects. */
export function firmProfileOptions() {
  const groups = industries().groups;
  return {
    divisions: industries().divisions.map((d) => ({
      code: d.code,
      zh: d.zh,
      en: d.en,
      group: groups.find((g) => g.id === d.group)!,
    })),
    regions: selectableRegions().map((r) => ({ code: r.code, zh: r.zh, en: r.en })),
  };
}
