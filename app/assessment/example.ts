// The worked example of the "How scoring works" page: level 3 everywhere, about half of every
// tick-box list, and one question raised to level 5 to show how weights pass it on.
import type { Answers } from "~/assessment/answers";
import type { CompiledModel } from "~/assessment/scoring";

export function exampleAnswers(compiled: CompiledModel): { answers: Answers; raised: string } {
  const answers: Answers = {};
  let raised = "";
  for (const ind of compiled.indicators) {
    if (ind.kind === "level") {
      const value = Object.entries(ind.levels).find(([, l]) => l === 3)![0];
      answers[ind.question] = /^\d+$/.test(value) ? Number(value) : value;
      if (!raised) {
        raised = ind.question;
        const top = Object.entries(ind.levels).find(([, l]) => l === 5)![0];
        answers[ind.question] = /^\d+$/.test(top) ? Number(top) : top;
      }
    } else {
      const choices = ind.info.values.filter((v) => v !== ind.none);
      answers[ind.question] = choices.slice(0, Math.ceil(choices.length / 2));
    }
  }
  return { answers, raised };
}
