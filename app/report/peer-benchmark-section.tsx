// The report's peer section: band, peer group and why, and the peer distribution with the firm's marker.
import { scaleBand, scaleLinear } from "d3-scale";
import type { Locale } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";
import type { PeerOutcome } from "~/report/peer-benchmark.server";
import { peerSentences } from "~/report/peer-text";
import { DataTable } from "~/ui/data-table";

type Peers = Extract<PeerOutcome, { status: "ok" }>["peers"];

function PeerHistogram({ peers, score }: { peers: Peers; score: number }) {
  const { t } = useTranslation();
  const { edges, counts, firmBin } = peers.histogram;
  const width = 560;
  const height = 200;
  const labels = counts.map((_, k) => `${edges[k]}–${edges[k + 1]}`);
  const x = scaleBand()
    .domain(labels)
    .range([40, width - 10])
    .padding(0.1);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...counts)])
    .range([height - 30, 10]);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-labelledby="peer-hist-title"
      aria-describedby="peer-hist-caption"
      className="chart"
    >
      <title id="peer-hist-title">{t("benchmark.histogramTitle", { score: score.toFixed(1) })}</title>
      {counts.map((n, k) => (
        <g key={labels[k]}>
          <rect
            x={x(labels[k]!)}
            y={y(n)}
            width={x.bandwidth()}
            height={y(0) - y(n)}
            className={k === firmBin ? "chart-bar bar-firm" : "chart-bar"}
          />
          <text x={(x(labels[k]!) ?? 0) + x.bandwidth() / 2} y={height - 12} textAnchor="middle" className="chart-tick">
            {labels[k]}
          </text>
          {k === firmBin ? (
            <text x={(x(labels[k]!) ?? 0) + x.bandwidth() / 2} y={y(n) - 4} textAnchor="middle" className="chart-value">
              ▼ {t("benchmark.you")}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}

export function PeerBenchmarkSection({
  outcome,
  score,
  locale,
}: {
  outcome: PeerOutcome;
  score: number;
  locale: Locale;
}) {
  const { t } = useTranslation();
  if (outcome.status !== "ok")
    return (
      <p className="placeholder" data-testid="peer-benchmark">
        {t(`benchmark.status.${outcome.status}`)}
      </p>
    );
  const peers = outcome.peers;
  const { band } = peers;
  const sentences = peerSentences(t as (key: string, options?: Record<string, unknown>) => string, locale, peers);
  return (
    <div data-testid="peer-benchmark">
      {peers.release.synthetic ? <p className="notice">{t("benchmark.synthetic")}</p> : null}
      <p className="lead" data-testid="peer-band">
        {band
          ? t(`benchmark.band.${band.kind}`, {
              band: band.band,
              of: band.of,
              from: Math.round(((band.band - 1) / band.of) * 100),
              to: Math.round((band.band / band.of) * 100),
            })
          : t("benchmark.noBand")}
      </p>
      <p data-testid="peer-compared">
        <strong>{sentences.compared}</strong>
      </p>
      {sentences.fallback ? (
        <p className="notice" data-testid="peer-fallback">
          {sentences.fallback}
        </p>
      ) : null}
      <p>{sentences.source}</p>
      {peers.skipped.length > 0 ? (
        <ul className="muted">
          {peers.skipped.map((s) => (
            <li key={s.level}>
              {t("benchmark.skipped", {
                group: t(`benchmark.levels.${s.level}`),
                reason: t(`benchmark.reasons.${s.reason}`),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        {t("benchmark.lines", {
          median: peers.overall.median ?? "—",
          p75: peers.overall.p75 ?? "—",
          mean: peers.overall.mean.toFixed(1),
        })}
      </p>
      <PeerHistogram peers={peers} score={score} />
      <DataTable captionId="peer-hist-caption" caption={t("benchmark.histogramCaption")}>
        <thead>
          <tr>
            <th scope="col">{t("benchmark.scoreBand")}</th>
            <th scope="col">{t("benchmark.firms")}</th>
          </tr>
        </thead>
        <tbody>
          {peers.histogram.counts.map((n, k) => (
            <tr key={k} aria-current={k === peers.histogram.firmBin ? "true" : undefined}>
              <th scope="row">
                {peers.histogram.edges[k]}–{peers.histogram.edges[k + 1]}
                {k === peers.histogram.firmBin ? ` (${t("benchmark.you")})` : ""}
              </th>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p className="muted">{t("benchmark.privacy")}</p>
    </div>
  );
}
