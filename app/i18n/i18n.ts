import i18next, { type i18n } from "i18next";
import { en } from "~/i18n/en";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { zh } from "~/i18n/zh";

export const resources = { zh: { translation: zh }, en: { translation: en } } as const;

const instances = new Map<Locale, i18n>();

/**
 * The i18next instance of one locale, created once and shared: the language of an instance
 * never changes, so every request and render in that locale can use the same one.
 */
export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createI18n(locale);
    instances.set(locale, instance);
  }
  return instance;
}

function createI18n(locale: Locale): i18n {
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
