import { createI18n } from "./i18n";
import { resolveLocale } from "./locale.server";

/** A translate function in the caller's locale, for text the server writes (emails). */
export async function serverText(request: Request, userLocale?: string | null) {
  const i18n = createI18n(await resolveLocale(request, userLocale));
  return (key: string, options?: Record<string, unknown>): string => (i18n.t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options);
}
