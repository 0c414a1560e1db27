import { useTranslation } from "react-i18next";

/** Translate a key that is only known at run time (e.g. an error key sent by an action). */
export function useText() {
  const { t } = useTranslation();
  return (key: string, options?: Record<string, unknown>): string => (t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options);
}
