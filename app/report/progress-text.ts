// The progress section's sentences, shared by the report page and its PDF (as peer-text.ts is for peers).
import { type Comparison, type Edition, signedChange } from "~/report/progress";

type Text = (key: string, options?: Record<string, unknown>) => string;

export function comparisonSentences(
  t: Text,
  c: Comparison,
  now: Edition,
  overallAfter: number,
  /** a dimension's name in the reader's language */
  name: (id: string) => string,
  /** the declaring model's note in the reader's language, when the editions declare comparability */
  note: string | null,
) {
  const editions = c.sameEdition
    ? t("progress.sameEdition", { questionnaire: now.questionnaire, model: now.model, version: now.modelVersion })
    : t("progress.editions", {
        before: c.before.questionnaire,
        beforeModel: c.before.model,
        beforeVersion: c.before.modelVersion,
        after: now.questionnaire,
        afterModel: now.model,
        afterVersion: now.modelVersion,
      });
  const stageKey =
    c.stageAfter > c.stageBefore
      ? "progress.stageUp"
      : c.stageAfter < c.stageBefore
        ? "progress.stageDown"
        : "progress.stageSame";
  return {
    heading: t(c.against === "previous" ? "progress.againstPrevious" : "progress.againstFirst", {
      period: c.before.period,
    }),
    editions: note ? `${editions} ${note}` : editions,
    /** which of the current edition's dimensions do not compare, by name; null when all do */
    notComparable:
      c.notComparableIds.length > 0
        ? t("progress.notComparableNamed", {
            count: c.notComparableIds.length,
            names: c.notComparableIds.map(name).join(t("progress.listSeparator")),
          })
        : null,
    overall: c.overallComparable
      ? t("progress.overall", {
          before: c.overallBefore.toFixed(1),
          after: overallAfter.toFixed(1),
          change: signedChange(c.overallChange),
        })
      : t("progress.overallNotComparable", { before: c.overallBefore.toFixed(1), after: overallAfter.toFixed(1) }),
    stage: c.overallComparable
      ? t(stageKey, { before: c.stageBefore, after: c.stageAfter })
      : t("progress.stageNotComparable", { before: c.stageBefore, after: c.stageAfter }),
  };
}
