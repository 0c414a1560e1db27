// Answer sets for the real questionnaire versions under content/, for scoring tests.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { Answers } from "~/assessment/answers";
import { loadVersionFiles, type QuestionnaireVersion } from "~/assessment/versions.server";

export function loadVersion(id = "qmd-2025"): QuestionnaireVersion {
  return loadVersionFiles(
    id,
    readFileSync(`content/questionnaires/${id}.json`, "utf8"),
    readFileSync(`content/models/${id}.json`, "utf8"),
  );
}

type Compiled = QuestionnaireVersion["compiled"];

/** Every scored question answered at one level (coverage questions: that share of choices ticked). */
export function answersAtLevel(compiled: Compiled, level: 1 | 2 | 3 | 4 | 5): Answers {
  const answers: Answers = {};
  for (const ind of compiled.indicators) {
    if (ind.kind === "level") {
      answers[ind.question] = Number(Object.entries(ind.levels).find(([, l]) => l === level)![0]);
    } else {
      const choices = ind.info.values.filter((v) => v !== ind.none);
      const n = Math.round(((level - 1) / 4) * choices.length);
      answers[ind.question] = n === 0 ? [ind.info.noneValue ?? "none"] : choices.slice(0, n);
    }
  }
  return answers;
}

/** One indicator's possible answers, ordered from worst to best; N/A separately. */
export function answerOptions(ind: Compiled["indicators"][number]) {
  if (ind.kind === "level") {
    const ordered = Object.entries(ind.levels)
      .sort((a, b) => a[1] - b[1])
      .map(([v]) => (/^\d+$/.test(v) ? Number(v) : v));
    return { ordered, notApplicable: ind.notApplicable ?? null };
  }
  return { ordered: [], notApplicable: null };
}

/** Arbitrary answers: each scored question missing, not applicable, a level, or a subset of choices. */
export function arbitraryAnswers(compiled: Compiled): fc.Arbitrary<Answers> {
  const parts: Record<string, fc.Arbitrary<Answers[string] | undefined>> = {};
  for (const ind of compiled.indicators) {
    if (ind.kind === "level") {
      const { ordered, notApplicable } = answerOptions(ind);
      const options: Array<Answers[string] | undefined> = [
        ...ordered,
        undefined,
        ...(notApplicable ? [notApplicable] : []),
      ];
      parts[ind.question] = fc.constantFrom(...options);
    } else {
      const choices = ind.info.values.filter((v) => v !== ind.none);
      parts[ind.question] = fc.oneof(
        fc.constant(undefined),
        fc.constant<Answers[string]>([ind.info.noneValue ?? "none"]),
        fc.subarray(choices, { minLength: 1 }),
      );
    }
  }
  return fc
    .record(parts)
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Answers);
}
