import type { i18n as I18n, TFunction } from "i18next";
import { useContext } from "react";
import { I18nContext, getI18n } from "react-i18next";
import { Lru } from "../lib/lru";

// The project's `useTranslation`: the same `{ t, i18n }` as react-i18next's hook, for the fixed-language
// instances of `i18nFor`. react-i18next's hook copies the whole instance and i18next's `t` merges all
// options on every call; a report page makes hundreds of calls, which cost ~2 ms of server CPU per page.
// An instance's language never changes, so a key gives the same text for the same options: a key without
// options is kept for good; with options made of plain values only (numbers, strings, booleans: the
// interpolations and counts pages pass), the most recent texts are kept.

const MAX_KEPT = 5000;
const translators = new WeakMap<I18n, TFunction>();

/** The options as part of a key, when they are plain values only; otherwise null (not kept). */
function optionsKey(options: unknown): string | null {
  if (typeof options !== "object" || options === null || Object.getPrototypeOf(options) !== Object.prototype) return null;
  for (const value of Object.values(options)) {
    const type = typeof value;
    if (type !== "string" && type !== "number" && type !== "boolean") return null;
  }
  return JSON.stringify(options);
}

function keepingT(i18n: I18n): TFunction {
  const kept = new Map<string, string>();
  const keptWithOptions = new Lru<string, string>(MAX_KEPT);
  const translate = i18n.t.bind(i18n) as (key: unknown, options?: unknown) => unknown;
  const t = (key: unknown, options?: unknown): unknown => {
    if (typeof key !== "string") return translate(key, options);
    if (options !== undefined) {
      const withOptions = optionsKey(options);
      if (withOptions === null) return translate(key, options);
      const id = `${key}\u0000${withOptions}`;
      const hit = keptWithOptions.get(id);
      if (hit !== undefined) return hit;
      const text = translate(key, options);
      if (typeof text === "string") keptWithOptions.set(id, text);
      return text;
    }
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
