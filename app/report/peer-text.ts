// The peer benchmark's sentences, shared by the report page and its PDF: what the firm is compared
// with, why the own period could not serve, where the figures come from and why this group.
import { type Locale, pick } from "~/i18n/locales";
import type { PeerOutcome } from "~/report/peer-benchmark.server";

type Peers = Extract<PeerOutcome, { status: "ok" }>["peers"];
type Text = (key: string, options?: Record<string, unknown>) => string;

export function periodName(t: Text, period: string): string {
  return /^\d{4}$/.test(period) ? t("benchmark.periodYear", { period }) : t("benchmark.periodWave", { period });
}

export function peerGroupName(t: Text, locale: Locale, { group, level }: Peers): string {
  if (!group.industry) return t(`benchmark.levels.${level}`);
  const industry = `${group.industry.code ? `${group.industry.code} ` : ""}${pick(group.industry.name, locale)}`;
  return [industry, ...(group.size ? [t(`firm.sizes.${group.size}`)] : [])].join(t("benchmark.separator"));
}

export function peerSentences(t: Text, locale: Locale, peers: Peers) {
  return {
    compared: t("benchmark.compared", {
      period: periodName(t, peers.period),
      group: peerGroupName(t, locale, peers),
      firms: peers.firms,
    }),
    fallback: peers.fallback
      ? t(`benchmark.fallback.${peers.fallback.reason}`, {
          from: periodName(t, peers.fallback.from),
          period: periodName(t, peers.period),
        })
      : null,
    source: `${t("benchmark.source", {
      release: peers.release.label,
      number: peers.release.number,
      published: peers.release.publishedAt.slice(0, 10),
      period: periodName(t, peers.period),
    })} ${t("benchmark.why", { group: t(`benchmark.levels.${peers.level}`) })}`,
  };
}

/** A priority's gap, saying what it is measured to. */
export function gapText(t: Text, p: { gap: number; target: number; targetBasis: "peers" | "maximum" }): string {
  return p.targetBasis === "peers"
    ? t("report.gapToPeers", { gap: p.gap.toFixed(1), target: p.target })
    : t("report.gapToMaximum", { gap: p.gap.toFixed(1) });
}
