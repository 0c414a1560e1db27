import { i18nFor } from "~/i18n/i18n";
import { resolveLocale } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";

export type Text = (key: string, options?: Record<string, unknown>) => string;

/** The caller's locale and a translate function in it, for text the server writes (emails, API errors). */
export async function serverI18n(
  request: Request,
  userLocale?: string | null,
): Promise<{ locale: Locale; text: Text }> {
  const locale = await resolveLocale(request, userLocale);
  const i18n = i18nFor(locale);
  return { locale, text: (key, options) => (i18n.t as unknown as Text)(key, options) };
}

export async function serverText(request: Request, userLocale?: string | null): Promise<Text> {
  return (await serverI18n(request, userLocale)).text;
}
