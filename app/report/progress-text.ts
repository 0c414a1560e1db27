// The progress section's sentences, shared by the report page and its PDF (as peer-text.ts is for peers).
import { type Comparison, type Edition, signedChange } from "~/report/progress";

type Text = (key: string, options?: Record<string, unknown>) => string;

export function comparisonSentences(t: Text, c: Comparison, now: Edition, overallAfter: number) {
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
    editions: c.notComparable > 0 ? `${editions} ${t("progress.notComparable", { count: c.notComparable })}` : editions,
    overall: t("progress.overall", {
      before: c.overallBefore.toFixed(1),
      after: overallAfter.toFixed(1),
      change: signedChange(c.overallChange),
    }),
    stage: t(stageKey, { before: c.stageBefore, after: c.stageAfter }),
  };
}
