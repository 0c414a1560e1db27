// The lifecycle of a questionnaire edition (decision 042): draft → published → retired, never back.
// New assessments start in the open edition: the one published last that is not retired. Pure.

export const EDITION_STATUSES = ["draft", "published", "retired"] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

export const EDITION_STEPS = {
  publish: { from: "draft", to: "published" },
  retire: { from: "published", to: "retired" },
} as const satisfies Record<string, { from: EditionStatus; to: EditionStatus }>;
export type EditionStep = keyof typeof EDITION_STEPS;

export interface EditionRow {
  id: string;
  status: EditionStatus;
  publishedAt: Date | null;
}

/** Newest publication first; the id breaks a tie, so every reader picks the same edition. */
function newerFirst(a: EditionRow, b: EditionRow): number {
  const byTime = (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0);
  return byTime !== 0 ? byTime : b.id < a.id ? -1 : b.id > a.id ? 1 : 0;
}

/** The edition new assessments start in; null when none is published. */
export function openEdition(rows: readonly EditionRow[]): string | null {
  return rows.filter((r) => r.status === "published").sort(newerFirst)[0]?.id ?? null;
}

/**
 * The edition `id` is compared with: for a draft, the newest edition published so far (retired ones
 * included); for a published or retired edition, the newest one published before it.
 */
export function previousEdition(rows: readonly EditionRow[], id: string): string | null {
  const self = rows.find((r) => r.id === id);
  if (!self) return null;
  const earlier = rows
    .filter((r) => r.id !== id && r.status !== "draft" && r.publishedAt !== null)
    .filter((r) => self.status === "draft" || self.publishedAt === null || newerFirst(self, r) < 0)
    .sort(newerFirst);
  return earlier[0]?.id ?? null;
}

/** Whether `step` may be taken from `status`. */
export function canTake(step: EditionStep, status: EditionStatus): boolean {
  return EDITION_STEPS[step].from === status;
}
