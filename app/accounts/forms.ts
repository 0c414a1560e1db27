// Form schemas; every message is an i18n key under "errors.".
import { z } from "zod";
import { STAFF_ROLES } from "~/accounts/access";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/accounts/password-policy";
import { checkCreditCode } from "~/firms/credit-code";
import { LOCALES } from "~/i18n/locales";

const text = (max: number) =>
  z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");
const email = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .max(254, "errors.email")
  .pipe(z.email({ error: "errors.email" }));
const password = z
  .string({ error: "errors.required" })
  .min(PASSWORD_MIN, "errors.passwordLength")
  .max(PASSWORD_MAX, "errors.passwordLength");
const locale = z.enum(LOCALES, { error: "errors.unknownLocale" });
const wholeNumber = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .regex(/^\d{1,9}$/, "errors.wholeNumber")
  .transform(Number);

export const signUpForm = z.object({ email, password, displayName: text(60), locale });
export const signInForm = z.object({
  email,
  password: z.string({ error: "errors.required" }).min(1, "errors.required").max(PASSWORD_MAX, "errors.passwordLength"),
});
export const forgotPasswordForm = z.object({ email });
export const resetPasswordForm = z.object({ token: z.string().min(1).max(100), newPassword: password });
export const profileForm = z.object({ displayName: text(60), locale });
export const inviteForm = z.object({ email });

const creditCode = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .transform((value, ctx) => {
    const check = checkCreditCode(value);
    if (check.ok) return check.code;
    const key = {
      length: "errors.creditCodeLength",
      characters: "errors.creditCodeCharacters",
      checksum: "errors.creditCodeChecksum",
    }[check.reason];
    ctx.addIssue({ code: "custom", message: key });
    return z.NEVER;
  });

/** The firm profile form; industry and region are checked against the loaded taxonomies. */
export function firmProfileForm(isDivision: (code: string) => boolean, isRegion: (code: string) => boolean) {
  return z.object({
    name: z.string({ error: "errors.required" }).trim().min(2, "errors.nameLength").max(100, "errors.nameLength"),
    creditCode,
    industryDivision: z.string({ error: "errors.unknownIndustry" }).refine(isDivision, "errors.unknownIndustry"),
    regionCode: z.string({ error: "errors.unknownRegion" }).refine(isRegion, "errors.unknownRegion"),
    // Checked against the province in ~/firms/profile.server (the city list stays out of this module).
    cityCode: z
      .string()
      .trim()
      .regex(/^(\d{6})?$/, "errors.unknownCity")
      .optional()
      .transform((v) => (v ? v : null)),
    employees: wholeNumber,
    revenueWanYuan: wholeNumber,
  });
}

export const grantRoleForm = z
  .object({
    userId: z.uuid(),
    role: z.enum(STAFF_ROLES, { error: "errors.unknownRole" }),
    scope: z.string().optional(),
  })
  .transform((v, ctx) => {
    if (v.role !== "government") return { ...v, scope: null };
    if (!v.scope) {
      ctx.addIssue({ code: "custom", path: ["scope"], message: "errors.scopeRequired" });
      return z.NEVER;
    }
    return { ...v, scope: v.scope === "national" ? null : v.scope };
  });
