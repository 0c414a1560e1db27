import type { i18n as I18n, TFunction } from "i18next";
import { useContext } from "react";
import { getI18n, I18nContext } from "react-i18next";
import { Lru } from "~/platform/lru";

// The project's `useTranslation`: the same `{ t, i18n }` as react-i18next's hook, for the fixed-language
// instances of `i18nFor`. react-i18next's hook copies the whole instance and i18next's `t` merges all
// options on every call; a report page makes hundreds of calls, which cost ~2 ms of server CPU per page.
// An instance's language never changes, so a key gives the same text for the same options: texts are kept
// per key, and per options when these are plain values only (numbers, strings, booleans: the
// interpolations and counts pages pass), the most recently used first.

const MAX_KEPT = 5000;
const translators = new WeakMap<I18n, TFunction>();

/** What a call's text is kept under: the key, with its options when they are plain values only; null when not kept. */
function keptId(key: string, options: unknown): string | null {
  if (options === undefined) return key;
  if (typeof options !== "object" || options === null || Object.getPrototypeOf(options) !== Object.prototype)
    return null;
  for (const value of Object.values(options)) {
    const type = typeof value;
    if (type !== "string" && type !== "number" && type !== "boolean") return null;
  }
  return `${key}\u0000${JSON.stringify(options)}`;
}

function keepingT(i18n: I18n): TFunction {
  const kept = new Lru<string, string>(MAX_KEPT);
  const translate = i18n.t.bind(i18n) as (key: unknown, options?: unknown) => unknown;
  const t = (key: unknown, options?: unknown): unknown => {
    const id = typeof key === "string" ? keptId(key, options) : null;
    if (id === null) return translate(key, options);
    const hit = kept.get(id);
    if (hit !== undefined) return hit;
    const text = translate(key, options);
    if (typeof text === "string") kept.set(id, text);
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
