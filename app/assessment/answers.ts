// Server-side validation of an answer set against the questionnaire definition.
import type { QuestionInfo } from "~/assessment/questions";

export type AnswerValue = number | string | Array<number | string>;
export type Answers = Record<string, AnswerValue>;

export type AnswerProblemCode =
  | "not_an_object"
  | "unknown_question"
  | "wrong_type"
  | "out_of_range"
  | "duplicate_choice"
  | "none_with_others"
  | "missing";

export interface AnswerProblem {
  question: string;
  code: AnswerProblemCode;
}

export type AnswerCheck = { ok: true; answers: Answers } | { ok: false; problems: AnswerProblem[] };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Check every answer: known question, right type, allowed value. With `required`, each named
 * question must be answered too. Returns the answers normalised to the definition's value types.
 */
export function checkAnswers(
  questions: readonly QuestionInfo[],
  input: unknown,
  required: ReadonlySet<string> = new Set(),
): AnswerCheck {
  if (!isPlainObject(input)) return { ok: false, problems: [{ question: "", code: "not_an_object" }] };
  const byName = new Map(questions.map((q) => [q.name, q]));
  const problems: AnswerProblem[] = [];
  const answers: Answers = {};
  for (const [name, value] of Object.entries(input)) {
    const q = byName.get(name);
    if (!q) {
      problems.push({ question: name, code: "unknown_question" });
      continue;
    }
    const checked = q.type === "radiogroup" ? checkSingle(q, value) : checkMultiple(q, value);
    if ("code" in checked) problems.push({ question: name, code: checked.code });
    else answers[name] = checked.value;
  }
  for (const name of required) {
    if (!(name in answers) && !problems.some((p) => p.question === name))
      problems.push({ question: name, code: "missing" });
  }
  return problems.length ? { ok: false, problems } : { ok: true, answers };
}

type Checked = { value: AnswerValue } | { code: AnswerProblemCode };

function asChoice(value: unknown): string | null {
  if (typeof value === "string" && value.length <= 64) return value;
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  return null;
}

/** The definition's own value (number or string) for a submitted one. */
function canonical(q: QuestionInfo, value: string): number | string {
  return /^\d+$/.test(value) && q.values.includes(value) && q.type === "radiogroup" ? Number(value) : value;
}

function checkSingle(q: QuestionInfo, value: unknown): Checked {
  const v = asChoice(value);
  if (v === null) return { code: "wrong_type" };
  if (!q.values.includes(v)) return { code: "out_of_range" };
  return { value: canonical(q, v) };
}

function checkMultiple(q: QuestionInfo, value: unknown): Checked {
  if (!Array.isArray(value) || value.length === 0 || value.length > q.values.length + 1) return { code: "wrong_type" };
  const picked: string[] = [];
  for (const item of value) {
    const v = asChoice(item);
    if (v === null) return { code: "wrong_type" };
    if (!q.values.includes(v) && v !== q.noneValue) return { code: "out_of_range" };
    if (picked.includes(v)) return { code: "duplicate_choice" };
    picked.push(v);
  }
  if (q.noneValue !== null && picked.includes(q.noneValue) && picked.length > 1) return { code: "none_with_others" };
  return { value: picked };
}
