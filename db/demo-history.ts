// The demo firm a newcomer opens first has a history: submitted assessments in each demo period, drawn
// the way a synthetic firm is (db/synth), picked so that its score rises and its stage moves at least once.
import type { AssessmentRow } from "~db/synth/generate";
import { Synthesiser } from "~db/synth/generate";
import { taxonomyFromContent } from "~db/synth/taxonomy";
import type { QuestionnaireVersion } from "~/assessment/versions.server";

/** The demo firm with a full history: the first of DEMO_FIRMS (its name is in the README). */
export const DEMO_HISTORY_FIRM = 0;

export function demoFirmHistory(version: QuestionnaireVersion, periods: readonly string[], now: Date): AssessmentRow[] {
  const synth = new Synthesiser(version, taxonomyFromContent(), {
    seed: "qmd-demo-history",
    firms: 400,
    periods: [...periods],
    now,
  });
  let best: AssessmentRow[] = [];
  for (const { assessments } of synth.firms()) {
    if (assessments.length !== periods.length) continue;
    const rising = assessments.every((a, i) => i === 0 || a.overall_score > assessments[i - 1]!.overall_score);
    const moves = assessments[assessments.length - 1]!.stage > assessments[0]!.stage;
    // A middling firm: room to improve, and peers above and below it.
    const middling = assessments.every((a) => a.overall_score >= 30 && a.overall_score <= 75);
    if (rising && moves && middling) return assessments;
    if (best.length === 0) best = assessments;
  }
  return best;
}
