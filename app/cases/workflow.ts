// The case review workflow as data: which actor may take which step from which status.
// draft → submitted → in_review → published | returned | rejected; returned → (edit) → submitted;
// published → withdrawn (by the firm or an analyst). Comments keep the status.

export const CASE_STATUSES = [
  "draft",
  "submitted",
  "in_review",
  "returned",
  "published",
  "rejected",
  "withdrawn",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type CaseActor = "firm" | "analyst";
export type CaseStep = "submit" | "withdraw" | "comment" | "return" | "reject" | "publish";

interface Rule {
  actor: CaseActor;
  from: readonly CaseStatus[];
  /** `null`: the status stays (a comment), except that a comment on a fresh submission opens the review. */
  to: CaseStatus | null;
  needsComment: boolean;
}

export const CASE_RULES: Record<CaseStep, readonly Rule[]> = {
  submit: [{ actor: "firm", from: ["draft", "returned"], to: "submitted", needsComment: false }],
  withdraw: [
    { actor: "firm", from: ["submitted", "in_review", "published"], to: "withdrawn", needsComment: false },
    { actor: "analyst", from: ["published"], to: "withdrawn", needsComment: true },
  ],
  comment: [{ actor: "analyst", from: ["submitted", "in_review"], to: null, needsComment: true }],
  return: [{ actor: "analyst", from: ["submitted", "in_review"], to: "returned", needsComment: true }],
  reject: [{ actor: "analyst", from: ["submitted", "in_review"], to: "rejected", needsComment: true }],
  publish: [{ actor: "analyst", from: ["submitted", "in_review"], to: "published", needsComment: false }],
};

export type Transition = { ok: true; to: CaseStatus; needsComment: boolean } | { ok: false; reason: "not_allowed" };

export function transition(step: CaseStep, actor: CaseActor, from: CaseStatus): Transition {
  const rule = CASE_RULES[step].find((r) => r.actor === actor && r.from.includes(from));
  if (!rule) return { ok: false, reason: "not_allowed" };
  const to = rule.to ?? (from === "submitted" ? "in_review" : from);
  return { ok: true, to, needsComment: rule.needsComment };
}

/** The steps an actor can take now, for showing only the buttons that work. */
export function availableSteps(actor: CaseActor, from: CaseStatus): CaseStep[] {
  return (Object.keys(CASE_RULES) as CaseStep[]).filter((step) => transition(step, actor, from).ok);
}

/** A firm edits its text only before submission or after it was returned. */
export function firmCanEdit(status: CaseStatus): boolean {
  return status === "draft" || status === "returned";
}
