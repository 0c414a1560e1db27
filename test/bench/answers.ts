import type { Answers } from "~/assessment/answers";
import type { CompiledModel } from "~/assessment/scoring";

/** A plausible complete answer set: a firm-wide tendency plus noise, some N/A, some ticked lists. */
export function randomAnswers(compiled: CompiledModel, random: () => number): Answers {
  const tendency = 1 + random() * 4;
  const answers: Answers = {};
  for (const ind of compiled.indicators) {
    if (ind.kind === "level") {
      if (ind.notApplicable && random() < 0.1) {
        answers[ind.question] = ind.notApplicable;
        continue;
      }
      const level = Math.min(5, Math.max(1, Math.round(tendency + (random() - 0.5) * 2)));
      const value = Object.entries(ind.levels).find(([, l]) => l === level)![0];
      answers[ind.question] = /^\d+$/.test(value) ? Number(value) : value;
    } else {
      const choices = ind.info.values.filter((v) => v !== ind.none);
      const picked = choices.filter(() => random() < tendency / 5.5);
      answers[ind.question] = picked.length ? picked : [ind.info.noneValue ?? "none"];
    }
  }
  return answers;
}
