import { useTranslation } from "~/i18n/use-translation";

/**
 * `t` for keys known only at runtime (error keys sent by the server). A key may carry one
 * parameter after a bar, "caseForm.errors.resultIncomplete|2", passed to the message as `n`.
 */
export function useText() {
  const { t } = useTranslation();
  return (key: string, options?: Record<string, unknown>): string => {
    const [base, n] = key.split("|", 2);
    return (t as unknown as (k: string, o?: Record<string, unknown>) => string)(
      base!,
      n === undefined ? options : { ...options, n },
    );
  };
}
