import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/locales";

/** The locale the root loader resolved for this request. */
export function useRouteLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: string } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}
