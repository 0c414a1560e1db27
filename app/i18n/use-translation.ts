import type { i18n as I18n, TFunction } from "i18next";
import { useContext } from "react";
import { I18nContext, getI18n } from "react-i18next";

// The project's `useTranslation`: the same `{ t, i18n }` as react-i18next's hook, for the fixed-language
// instances of `i18nFor`. react-i18next's hook copies the whole instance and i18next's `t` merges all
// options on every call; a report page makes hundreds of calls, which cost ~2 ms of server CPU per page.
// An instance's language never changes, so a key without options always gives the same text: kept.

const MAX_KEPT = 5000;
const translators = new WeakMap<I18n, TFunction>();

function keepingT(i18n: I18n): TFunction {
  const kept = new Map<string, string>();
  const translate = i18n.t.bind(i18n) as (key: unknown, options?: unknown) => unknown;
  const t = (key: unknown, options?: unknown): unknown => {
    if (options !== undefined || typeof key !== "string") return translate(key, options);
    let text = kept.get(key) as unknown;
    if (text === undefined) {
      text = translate(key);
      if (typeof text !== "string") return text;
      if (kept.size < MAX_KEPT) kept.set(key, text);
    }
    return text;
  };
  return t as unknown as TFunction;
}

export function useTranslation(): { t: TFunction; i18n: I18n } {
  const i18n = useContext(I18nContext)?.i18n ?? getI18n();
  let t = translators.get(i18n);
  if (!t) {
    t = keepingT(i18n);
    translators.set(i18n, t);
  }
  return { t, i18n };
}
