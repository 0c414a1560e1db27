// On the report page: a small form per recommended action and scene that adds it to the plan (plain
// HTML forms, so it works on the report's script-free page).
import type { Locale } from "~/i18n/locales";
import { pick } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";
import type { PriorityChoice } from "~/plan/choices";

export function AddFromReport({
  firmId,
  assessmentId,
  choices,
  locale,
}: {
  firmId: string;
  assessmentId: string;
  choices: readonly PriorityChoice[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  if (choices.length === 0) return null;
  const action = `/firms/${firmId}/plan`;
  const form = (title: string, fields: Record<string, string>, key: string) => (
    <li key={key} className="plan-choice">
      <span>{title}</span>{" "}
      <form method="post" action={action} className="inline-form">
        <input type="hidden" name="assessmentId" value={assessmentId} />
        {Object.entries(fields).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <button type="submit" className="button button--secondary" aria-label={t("plan.addThisLabel", { title })}>
          {t("plan.addThis")}
        </button>
      </form>
    </li>
  );
  return (
    <section className="no-print" aria-labelledby="plan-add-from-report">
      <h2 id="plan-add-from-report">{t("plan.fromReport")}</h2>
      <p>{t("plan.fromReportLead")}</p>
      {choices.map((c) => (
        <div key={c.dimension}>
          <h3>{pick(c.dimensionName, locale)}</h3>
          <ul className="plan-choices">
            {c.actions.map((a) =>
              form(
                pick(a.title, locale),
                {
                  intent: "add-recommendation",
                  dimension: c.dimension,
                  level: String(c.level),
                  actionIndex: String(a.index),
                },
                `a${a.index}`,
              ),
            )}
            {c.scenes.map((s) =>
              form(
                t("plan.scene", { title: pick(s.title, locale) }),
                { intent: "add-scene", dimension: c.dimension, sceneSlug: s.slug },
                `s${s.slug}`,
              ),
            )}
          </ul>
        </div>
      ))}
    </section>
  );
}
