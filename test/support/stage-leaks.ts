// What an outside reader can compute from published stage shares: share × firms is a count of firms per
// stage. The count rule (decision 023) allows 0 or at least DISCLOSURE_RULES.minFirmsPerStage; anything in
// between is a leak. Pure, so the crawler (e2e), the integration attacks and the tamper test share it.
import { DISCLOSURE_RULES } from "~/statistics/types";

export interface StageCell {
  period: string;
  industry: string;
  region: string;
  size: string;
  suppressed: boolean;
  metrics: { firms: number; stageShares?: readonly number[] | null; stageReason?: string | null } | null;
}

/** One line per published stage distribution that gives away a count of 1 … minFirmsPerStage − 1 firms. */
export function stageCountLeaks(cells: readonly StageCell[], min = DISCLOSURE_RULES.minFirmsPerStage): string[] {
  const problems: string[] = [];
  for (const c of cells) {
    if (c.suppressed || !c.metrics) continue;
    const key = `${c.period}|${c.industry}|${c.region}|${c.size}`;
    const { firms, stageShares, stageReason } = c.metrics;
    if (!stageShares) {
      if (!stageReason) problems.push(`${key}: stage shares withheld without a reason`);
      continue;
    }
    stageShares.forEach((share, s) => {
      const count = Math.round((share * firms) / 100);
      if (count > 0 && count < min) problems.push(`${key}: stage ${s + 1} holds ${count} firm(s)`);
    });
  }
  return problems;
}
