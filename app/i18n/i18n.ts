import i18next, { type i18n } from "i18next";
import { en } from "./en";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { zh } from "./zh";

export const resources = { zh: { translation: zh }, en: { translation: en } } as const;

/** A synchronous i18next instance for one locale; used on the server and in the browser. */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return instance;
}
