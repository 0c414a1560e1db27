// The report PDF, one function per section in the page's order; each writes at the document's cursor.
import SVGtoPDF from "svg-to-pdfkit";
import { type Locale, pick } from "~/i18n/locales";
import type { ReportData } from "~/report/assemble";
import { barSvg, PDF_COLOURS, radarSvg, trendSvg, viewBoxSize } from "~/report/pdf/charts.server";
import { bullets, type Doc, ensureSpace, heading, MARGIN, paragraph, setFont, table } from "~/report/pdf/layout.server";
import { gapText, peerSentences } from "~/report/peer-text";
import { scoreText, signedChange } from "~/report/progress";
import { comparisonSentences } from "~/report/progress-text";

export type Text = (key: string, options?: Record<string, unknown>) => string;

/** What every section reads: the report, the reader's language and its translate function. */
export interface PdfContext {
  report: ReportData;
  locale: Locale;
  t: Text;
}

export type PdfSection = (doc: Doc, ctx: PdfContext) => void;

const articleList = (ctx: PdfContext, ns: number[]) => ns.map((n) => ctx.t("guide.article", { number: n })).join("、");

function peerLines(report: ReportData) {
  const peers = report.peers;
  if (peers.status !== "ok") return null;
  return report.dimensions.map((d) => peers.peers.dimensions[d.id] ?? { median: null, p75: null });
}

export const titleSection: PdfSection = (doc, { report, t }) => {
  heading(doc, t("report.title", { period: report.period }), 1);
  paragraph(doc, report.firmName, { bold: true, size: 12 });
  paragraph(
    doc,
    `${t("report.submittedAt")} ${report.submittedAt.slice(0, 10)} · ${t("report.versions", {
      questionnaire: report.versions.questionnaire,
      model: report.versions.model,
      version: report.versions.modelVersion,
    })}`,
    { muted: true, size: 9 },
  );
};

export const summarySection: PdfSection = (doc, { report, locale, t }) => {
  const y = doc.y + 6;
  const half = (doc.page.width - MARGIN.left - MARGIN.right) / 2;
  doc.rect(MARGIN.left, y, half * 2, 58).fill(PDF_COLOURS.surface);
  setFont(doc, "regular", 9, PDF_COLOURS.muted).text(t("report.overall"), MARGIN.left + 10, y + 8);
  setFont(doc, "bold", 20).text(`${report.overall.toFixed(1)}`, MARGIN.left + 10, y + 22, { continued: true });
  setFont(doc, "regular", 9, PDF_COLOURS.muted).text(`  ${t("report.outOf")}`);
  setFont(doc, "regular", 9, PDF_COLOURS.muted).text(t("report.stage"), MARGIN.left + half + 10, y + 8);
  setFont(doc, "bold", 14).text(
    t("report.stageName", { stage: report.stage.number, name: pick(report.stage.name, locale) }),
    MARGIN.left + half + 10,
    y + 26,
    { width: half - 20 },
  );
  doc.x = MARGIN.left;
  doc.y = y + 66;
  heading(doc, t("report.meaning"));
  paragraph(doc, pick(report.stage.description, locale));
  if (report.held.length > 0) {
    paragraph(doc, t("report.held", { band: report.bandStage, stage: report.stage.number }), { bold: true });
    bullets(
      doc,
      report.held.map((h) => pick(h.explanation, locale)),
    );
  }
  heading(doc, t("report.next"));
  paragraph(doc, report.nextStage ? pick(report.stage.nextStep, locale) : t("report.top"));
};

/** An SVG chart centred at `width` points, on a new page when it does not fit. */
function drawSvg(doc: Doc, svg: string, width: number): void {
  const box = viewBoxSize(svg);
  const height = (box.height / box.width) * width;
  ensureSpace(doc, height + 10);
  const y = doc.y;
  SVGtoPDF(doc as never, svg, MARGIN.left + (doc.page.width - MARGIN.left - MARGIN.right - width) / 2, y, {
    width,
    height,
    fontCallback: (_family, bold) => (bold ? "bold" : "regular"),
  });
  doc.x = MARGIN.left;
  doc.y = y + height + 6;
}

export const dimensionsSection: PdfSection = (doc, { report, locale, t }) => {
  heading(doc, t("report.dimensions"));
  const names = report.dimensions.map((d) => pick(d.name, locale));
  const lines = peerLines(report);
  const medians = lines?.map((l) => l.median) ?? [];
  const tops = lines?.map((l) => l.p75) ?? [];
  const complete = (xs: Array<number | null>) => xs.length > 0 && xs.every((x) => x !== null);
  const radar = radarSvg(
    names,
    [
      { label: t("report.score"), values: report.dimensions.map((d) => d.score), className: "series-firm" },
      ...(complete(medians) ? [{ label: t("benchmark.median"), values: medians, className: "series-median" }] : []),
      ...(complete(tops) ? [{ label: t("benchmark.p75"), values: tops, className: "series-p75" }] : []),
    ],
    t("report.radarTitle"),
  );
  const bars = barSvg(
    report.dimensions.map((d, i) => ({ label: names[i]!, value: d.score })),
    lines
      ? [
          { values: medians, className: "mark-median" },
          { values: tops, className: "mark-p75" },
        ]
      : [],
    t("report.barTitle"),
  );
  drawSvg(doc, radar, 420);
  drawSvg(doc, bars, 460);
  if (lines) legend(doc, t);
  table(
    doc,
    [
      { label: t("report.dimension"), width: lines ? 0.24 : 0.3 },
      { label: t("report.score"), width: 0.09, align: "right" },
      { label: t("report.level"), width: 0.08, align: "right" },
      ...(lines
        ? [
            { label: t("benchmark.median"), width: 0.11, align: "right" as const },
            { label: t("benchmark.p75"), width: 0.12, align: "right" as const },
          ]
        : []),
      { label: t("report.weight"), width: 0.08, align: "right" },
      { label: t("report.answered"), width: 0.1, align: "right" },
      { label: t("report.articles"), width: lines ? 0.18 : 0.35 },
    ],
    report.dimensions.map((d, i) => [
      names[i]!,
      d.score === null ? t("report.notApplicable") : d.score.toFixed(1),
      d.level === null ? t("report.noScore") : String(d.level),
      ...(lines ? [String(lines[i]!.median ?? "—"), String(lines[i]!.p75 ?? "—")] : []),
      `${Math.round(d.weight * 100)}%`,
      `${d.answered}/${d.total}`,
      articleList({ report, locale, t }, d.articles),
    ]),
    t("report.tableCaption"),
  );
};

/** The chart key: a line in each series' colour and its name, as on the page. */
function legend(doc: Doc, t: Text): void {
  const items = [
    { label: t("report.score"), colour: PDF_COLOURS.brand, dash: false },
    { label: t("benchmark.median"), colour: PDF_COLOURS.median, dash: false },
    { label: t("benchmark.p75"), colour: PDF_COLOURS.p75, dash: true },
  ];
  ensureSpace(doc, 20);
  const y = doc.y + 6;
  let x = MARGIN.left;
  for (const item of items) {
    doc
      .moveTo(x, y)
      .lineTo(x + 22, y)
      .lineWidth(2.5)
      .strokeColor(item.colour);
    if (item.dash) doc.dash(5, { space: 3 });
    doc.stroke().undash();
    setFont(doc, "regular", 9).text(item.label, x + 28, y - 6, { lineBreak: false });
    x += 28 + doc.widthOfString(item.label) + 20;
  }
  doc.x = MARGIN.left;
  doc.y = y + 14;
}

export const prioritiesSection: PdfSection = (doc, ctx) => {
  const { report, locale, t } = ctx;
  const withPeers = report.peers.status === "ok";
  heading(doc, t("report.priorities"));
  const maximum = report.priorities.some((p) => p.targetBasis === "maximum")
    ? ` ${t(withPeers ? "report.maximumSomeDimensions" : "report.maximumNoPeers")}`
    : "";
  paragraph(doc, (withPeers ? t("report.prioritiesLeadPeers") : t("report.prioritiesLead")) + maximum, { muted: true });
  if (report.priorities.length === 0) paragraph(doc, t("report.noPriorities"));
  report.priorities.forEach((p, i) => {
    const gap = gapText(t, p);
    heading(
      doc,
      `${i + 1}. ${pick(p.dimension, locale)} · ${p.score.toFixed(1)} · ${gap}${p.heldStage ? ` [${t("report.heldStage")}]` : ""}`,
      3,
    );
    const rec = p.recommendation;
    if (!rec) return;
    paragraph(doc, pick(rec.title, locale), { bold: true });
    bullets(
      doc,
      rec.actions.map((a) => pick(a, locale)),
    );
    if (rec.articles.length > 0) paragraph(doc, articleList(ctx, rec.articles), { muted: true, size: 9 });
    if (rec.scenes.length > 0) {
      paragraph(doc, t("report.scenes"), { bold: true });
      bullets(
        doc,
        rec.scenes.map(
          (s) =>
            `${pick(s.title, locale)}${s.sameIndustry ? ` [${t("report.sameIndustry")}]` : ""}${s.otherIndustry ? ` [${t("report.otherIndustry")}]` : ""}: ${pick(s.summary, locale)}`,
        ),
      );
    }
    if (rec.cases.length > 0) {
      paragraph(doc, t("report.cases"), { bold: true });
      bullets(
        doc,
        rec.cases.map(
          (c) =>
            `${c.title}${c.sameIndustry ? ` [${t("report.sameIndustry")}]` : ""}${c.fictional ? ` [${t("cases.fictional")}]` : ""}`,
        ),
      );
    }
  });
};

export const peersSection: PdfSection = (doc, { report, locale, t }) => {
  heading(doc, t("report.peers"));
  const outcome = report.peers;
  if (outcome.status !== "ok") {
    paragraph(doc, t(`benchmark.status.${outcome.status}`));
    return;
  }
  const peers = outcome.peers;
  if (peers.release.synthetic) paragraph(doc, t("benchmark.synthetic"), { bold: true });
  const { band } = peers;
  paragraph(
    doc,
    band
      ? t(`benchmark.band.${band.kind}`, {
          band: band.band,
          of: band.of,
          from: Math.round(((band.band - 1) / band.of) * 100),
          to: Math.round((band.band / band.of) * 100),
        })
      : t("benchmark.noBand"),
    { bold: true },
  );
  const sentences = peerSentences(t, locale, peers);
  paragraph(doc, sentences.compared, { bold: true });
  if (sentences.fallback) paragraph(doc, sentences.fallback);
  paragraph(doc, sentences.source);
  if (peers.skipped.length > 0)
    bullets(
      doc,
      peers.skipped.map((s) =>
        t("benchmark.skipped", { group: t(`benchmark.levels.${s.level}`), reason: t(`benchmark.reasons.${s.reason}`) }),
      ),
      { muted: true },
    );
  paragraph(
    doc,
    t("benchmark.lines", {
      median: peers.overall.median ?? "—",
      p75: peers.overall.p75 ?? "—",
      mean: peers.overall.mean.toFixed(1),
    }),
  );
  histogram(doc, peers.histogram, report.overall, t);
  table(
    doc,
    [
      { label: t("benchmark.scoreBand"), width: 0.5 },
      { label: t("benchmark.firms"), width: 0.5, align: "right" },
    ],
    peers.histogram.counts.map((n, k) => [
      `${peers.histogram.edges[k]}–${peers.histogram.edges[k + 1]}${k === peers.histogram.firmBin ? ` (${t("benchmark.you")})` : ""}`,
      String(n),
    ]),
    t("benchmark.histogramCaption"),
  );
  paragraph(doc, t("benchmark.privacy"), { muted: true, size: 9 });
};

/** The peer distribution as vector bars, the firm's band in the accent colour. */
function histogram(doc: Doc, h: { edges: number[]; counts: number[]; firmBin: number }, score: number, t: Text): void {
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const height = 120;
  ensureSpace(doc, height + 40);
  paragraph(doc, t("benchmark.histogramTitle", { score: score.toFixed(1) }), { muted: true, size: 9 });
  const top = doc.y;
  const max = Math.max(1, ...h.counts);
  const slot = width / Math.max(1, h.counts.length);
  h.counts.forEach((n, k) => {
    const barHeight = (n / max) * height;
    const x = MARGIN.left + k * slot + slot * 0.1;
    doc
      .rect(x, top + height - barHeight, slot * 0.8, barHeight)
      .fill(k === h.firmBin ? PDF_COLOURS.p75 : PDF_COLOURS.brand);
    setFont(doc, "regular", 7, PDF_COLOURS.muted).text(`${h.edges[k]}–${h.edges[k + 1]}`, x - 4, top + height + 3, {
      width: slot * 0.8 + 8,
      align: "center",
      lineBreak: false,
    });
    if (k === h.firmBin)
      setFont(doc, "bold", 8).text(`▼ ${t("benchmark.you")}`, x - 10, top + height - barHeight - 12, {
        width: slot * 0.8 + 20,
        align: "center",
        lineBreak: false,
      });
  });
  doc.x = MARGIN.left;
  doc.y = top + height + 18;
}

export const historySection: PdfSection = (doc, ctx) => {
  const { report, t } = ctx;
  heading(doc, t("report.progress"));
  if (report.history.length <= 1) {
    paragraph(doc, t("report.noPrevious"));
    return;
  }
  if (report.progress)
    drawSvg(
      doc,
      trendSvg(
        report.progress.trend.map((p) => ({
          label: p.period,
          value: p.overall,
          note: t("progress.trendPoint", { score: p.overall.toFixed(1), stage: p.stage }),
          sublabel: p.edition,
          current: p.current,
        })),
        t("progress.trendTitle"),
      ),
      400,
    );
  table(
    doc,
    [
      { label: t("assessment.period"), width: 0.2 },
      { label: t("progress.edition"), width: 0.2 },
      { label: t("report.overall"), width: 0.2, align: "right" },
      { label: t("report.stage"), width: 0.2, align: "right" },
      { label: t("report.change"), width: 0.2, align: "right" },
    ],
    report.history.map((h) => [
      h.current ? `${h.period} *` : h.period,
      h.edition ?? "—",
      h.overall.toFixed(1),
      String(h.stage),
      signedChange(h.change),
    ]),
  );
};

/** Change per dimension against the previous and the first assessment, as the page's progress section. */
export const progressSection: PdfSection = (doc, { report, locale, t }) => {
  const progress = report.progress;
  if (!progress) return;
  const now = progress.current;
  const name = (id: string) => {
    const d = report.dimensions.find((x) => x.id === id);
    return d ? pick(d.name, locale) : id;
  };
  for (const c of progress.comparisons) {
    const text = comparisonSentences(t, c, now, report.overall, name, c.note ? pick(c.note, locale) : null);
    heading(doc, text.heading, 3);
    paragraph(doc, text.editions, { muted: true });
    if (text.notComparable) paragraph(doc, text.notComparable);
    bullets(doc, [text.overall, text.stage]);
    table(
      doc,
      [
        { label: t("report.dimension"), width: 0.34 },
        { label: t("progress.before", { period: c.before.period }), width: 0.17, align: "right" },
        { label: t("progress.after", { period: now.period }), width: 0.17, align: "right" },
        { label: t("progress.change"), width: 0.14, align: "right" },
        { label: t("progress.level"), width: 0.18, align: "right" },
      ],
      c.dimensions.map((d) => [
        name(d.id),
        scoreText(d.before),
        scoreText(d.after),
        signedChange(d.change),
        `${d.levelBefore ?? "—"} → ${d.levelAfter ?? "—"}`,
      ]),
      t("progress.tableCaption", { before: c.before.period, after: now.period }),
    );
  }
};

/** The report's sections in the page's order; extra sections (e.g. the improvement plan) follow them. */
export const REPORT_SECTIONS: readonly PdfSection[] = [
  titleSection,
  summarySection,
  dimensionsSection,
  prioritiesSection,
  peersSection,
  historySection,
  progressSection,
];
