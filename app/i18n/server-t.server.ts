import type { AppLoadContext } from "@remix-run/node";
import { getCaller } from "~/accounts/guard.server";
import { i18nFor } from "~/i18n/i18n";
import { resolveLocale } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";

export type Text = (key: string, options?: Record<string, unknown>) => string;

/** The request's language and a translate function in it: what pages, downloads, e-mails and API errors read. */
export interface RequestI18n {
  locale: Locale;
  t: Text;
}

/** A translate function in `locale`, for text the server writes. */
export function textFor(locale: Locale): Text {
  const i18n = i18nFor(locale);
  return (key, options) => (i18n.t as unknown as Text)(key, options);
}

async function resolveRequestI18n(args: { request: Request; context: AppLoadContext }): Promise<RequestI18n> {
  const caller = await getCaller(args);
  const locale = await resolveLocale(args.request, caller?.user.locale);
  return { locale, t: textFor(locale) };
}

/**
 * The caller's language (cookie, then the signed-in user's preference, then Chinese) and `t`, worked out
 * once per request: the root layout, the route, a download and the API share the one lookup.
 */
export function requestI18n(args: { request: Request; context: AppLoadContext }): Promise<RequestI18n> {
  args.context.i18n ??= resolveRequestI18n(args);
  return args.context.i18n;
}
