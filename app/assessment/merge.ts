// Concurrent edits of one draft: a save names the version it read and, for each question it
// changes, the value it saw. A question someone else changed in between is a conflict; the
// save is then refused whole, so no answer is ever silently overwritten.
import type { Answers, AnswerValue } from "~/assessment/answers";

export type Change = AnswerValue | null; // null clears an answer

export type MergeResult = { ok: true; answers: Answers } | { ok: false; conflicts: string[] };

export function sameAnswer(a: Change | undefined, b: Change | undefined): boolean {
  const norm = (v: Change | undefined) =>
    v === undefined || v === null ? null : Array.isArray(v) ? v.map(String).sort().join("\u0000") : String(v);
  return norm(a) === norm(b);
}

export function mergeDraft(
  current: Answers,
  currentVersion: number,
  baseVersion: number,
  changes: Readonly<Record<string, Change>>,
  base: Readonly<Record<string, Change>>,
): MergeResult {
  const conflicts: string[] = [];
  if (baseVersion !== currentVersion) {
    for (const [q, value] of Object.entries(changes)) {
      // Untouched by others since the client read it, or others chose the very same answer.
      if (!sameAnswer(current[q], base[q]) && !sameAnswer(current[q], value)) conflicts.push(q);
    }
  }
  if (conflicts.length) return { ok: false, conflicts: conflicts.sort() };
  const answers: Answers = { ...current };
  for (const [q, value] of Object.entries(changes)) {
    if (value === null) delete answers[q];
    else answers[q] = value;
  }
  return { ok: true, answers };
}
