// The <title> and meta description of a page (decision 041), in the request's language: the root loader's
// locale, read from the route matches, so a route's `meta` export needs no loader data of its own.
import type { MetaDescriptor, MetaFunction } from "@remix-run/node";
import { i18nFor } from "~/i18n/i18n";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/locales";

type Matches = ReadonlyArray<{ id: string; data?: unknown } | undefined>;
type MetaText = (key: string, options?: Record<string, unknown>) => string;

export const SITE_NAME = "QMD Portal";

/** The locale the root loader resolved for this request (Chinese when it is not there, as on an error). */
export function metaLocale(matches: Matches): Locale {
  const root = matches.find((m) => m?.id === "root")?.data as { locale?: unknown } | null | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}

/** `t` in the request's language, for a route's `meta` export. */
export function metaText(matches: Matches): MetaText {
  const i18n = i18nFor(metaLocale(matches));
  return (key, options) => (i18n.t as unknown as MetaText)(key, options);
}

/** Search engines show about 160 characters of a description (fewer of Chinese): longer text is cut. */
export const DESCRIPTION_MAX = 160;

const line = (s: string) => s.replace(/\s+/g, " ").trim();

/** A description of at most DESCRIPTION_MAX characters (code points), cut with an ellipsis. */
export function clipDescription(text: string): string {
  const chars = [...line(text)];
  return chars.length <= DESCRIPTION_MAX ? chars.join("") : `${chars.slice(0, DESCRIPTION_MAX - 1).join("")}…`;
}

/** The title (with the portal's name after it) and the description, one line of plain text each. */
export function pageMeta(title: string, description: string): MetaDescriptor[] {
  return [{ title: `${line(title)} · ${SITE_NAME}` }, { name: "description", content: clipDescription(description) }];
}

/** The portal's own title and description: the root's, and a page's whose data is missing (an error). */
export function siteMeta(matches: Matches): MetaDescriptor[] {
  const t = metaText(matches);
  return pageMeta(t("meta.homeTitle"), t("meta.description"));
}

/** A `meta` export of fixed text: the i18n keys of the page's title and of its description. */
export function fixedMeta(titleKey: string, descriptionKey: string): MetaFunction {
  return ({ matches }) => {
    const t = metaText(matches);
    return pageMeta(t(titleKey), t(descriptionKey));
  };
}
