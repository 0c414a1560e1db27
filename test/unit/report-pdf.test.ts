import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import type { PlanReportData } from "~/plan/plan.server";
import type { ReportData } from "~/report/assemble";
import { planPdfSection } from "~/report/pdf/plan-section.server";
import { pdfDisposition, renderReportPdf } from "~/report/pdf/report-pdf.server";
import { progressOf } from "~/report/progress";

const dims = Array.from({ length: 10 }, (_, i) => ({
  id: `d${i}`,
  name: { zh: `维度${i}数据建模与决策`, en: `Dimension ${i}` },
  score: 30 + i * 5,
  level: 2,
  weight: 0.1,
  articles: [4 + i],
  answered: 5,
  total: 5,
}));

const report: ReportData = {
  firmName: "浙江堃瑄汽车零部件有限公司",
  period: "2025",
  submittedAt: "2025-11-03T08:00:00.000Z",
  versions: { questionnaire: "qmd-2025", model: "qmd-2025", modelVersion: 1 },
  overall: 42.5,
  bandStage: 3,
  stage: {
    number: 2,
    name: { zh: "环节数字化", en: "Link-level" },
    description: { zh: "关键环节已经数字化。", en: "Key links are digital." },
    nextStep: { zh: "打通各环节的数据。", en: "Connect the links' data." },
  },
  nextStage: { number: 3, name: { zh: "集成", en: "Integrated" } },
  held: [{ id: "security", explanation: { zh: "数据安全低于 40 分。", en: "Data security is below 40." } }],
  dimensions: dims,
  peers: {
    status: "ok",
    peers: {
      release: { number: 3, label: "2025 年度", publishedAt: "2026-01-01", synthetic: true },
      period: "2025",
      fallback: { from: "2026", reason: "no-release" },
      group: { industry: { code: "C36", name: { zh: "汽车制造业", en: "Manufacture of automobiles" } }, size: null },
      level: "division",
      skipped: [{ level: "division-size", reason: "too-few" }],
      firms: 143,
      band: { kind: "decile", band: 4, of: 10 },
      overall: { median: 45, p75: 58, mean: 46.2 },
      dimensions: Object.fromEntries(dims.map((d) => [d.id, { median: 40, p75: 55 }])),
      histogram: { edges: [0, 20, 40, 60, 80, 100], counts: [10, 40, 60, 25, 8], firmBin: 2 },
    },
  } as ReportData["peers"],
  priorities: Array.from({ length: 5 }, (_, i) => ({
    dimensionId: dims[i]!.id,
    dimension: dims[i]!.name,
    score: dims[i]!.score!,
    target: 55,
    targetBasis: "peers" as const,
    gap: 55 - dims[i]!.score!,
    heldStage: i === 0,
    recommendation: {
      level: 2,
      title: { zh: `建议${i}`, en: `Recommendation ${i}` },
      actions: [
        { zh: "建立质量数据台账，明确数据责任人。".repeat(3), en: "Keep a register of quality data. ".repeat(3) },
        { zh: "引入机器视觉检测。", en: "Introduce machine vision." },
      ],
      articles: [13, 14],
      scenes: [
        {
          slug: "s",
          title: { zh: "来料检验", en: "Incoming inspection" },
          summary: { zh: "摘要", en: "Summary" },
          sameIndustry: true,
          otherIndustry: false,
        },
      ],
      cases: [{ id: "c", title: "某汽车零部件企业的案例", sameIndustry: true, fictional: true }],
    },
  })),
  history: [
    { period: "2024", edition: "qmd-2025", overall: 38.1, stage: 2, change: null, current: false },
    { period: "2025", edition: "qmd-2025", overall: 42.5, stage: 2, change: 4.4, current: true },
  ],
  progress: progressOf(
    [
      { period: "2024", edition: "qmd-2025", overall: 38.1, stage: 1, shift: -5 },
      { period: "2025", edition: "qmd-2025", overall: 42.5, stage: 2, shift: 0 },
    ].map(({ period, overall, stage, shift }) => ({
      id: period,
      period,
      status: "submitted",
      questionnaireVersionId: "qmd-2025",
      result: {
        modelId: "qmd-2025",
        modelVersion: 1,
        overall,
        stage,
        dimensions: dims.map((d) => ({ ...d, score: d.score + shift })),
      },
    })),
    "2025",
  ),
};

async function textOf(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let text = "";
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    text += content.items.map((i) => ("str" in i ? i.str : "")).join("") + "\n";
  }
  return { pages: doc.numPages, text };
}

describe("the report PDF", () => {
  it("is a PDF in Chinese with the firm, the stage name and page numbers on each page", async () => {
    const pdf = await renderReportPdf(report, "zh");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, text } = await textOf(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain("环节数字化");
    expect(text).toContain("同行对标");
    expect(text.replace(/\s+/g, "")).toContain("与2025年同行（C36汽车制造业，共143家）相比");
    expect(text).toContain(`第 1 页 / 共 ${pages} 页`);
    expect(text).toContain(`第 ${pages} 页 / 共 ${pages} 页`);
    expect(text.split(report.firmName).length - 1).toBeGreaterThanOrEqual(pages);
    const flat = text.replace(/\s+/g, "");
    expect(flat).toContain("与上次评估（2024）相比");
    expect(flat).toContain("成熟度阶段：第1阶段→第2阶段（提升）");
    expect(flat).toContain("+5.0");
  }, 30_000);

  it("has English headings for an English reader", async () => {
    const { pages, text } = await textOf(await renderReportPdf(report, "en"));
    expect(text).toContain("Peer benchmark");
    expect(text).toContain("Link-level");
    expect(text).toContain(`Page 1 of ${pages}`);
  }, 30_000);

  it("adds extra sections after the report's own", async () => {
    const { text } = await textOf(
      await renderReportPdf(report, "zh", [(doc) => void doc.font("regular").text("改进计划 EXTRA")]),
    );
    expect(text).toContain("改进计划 EXTRA");
  }, 30_000);

  it("draws the improvement plan with owner, status and the movement at the next wave", async () => {
    const plan: PlanReportData = {
      firmId: "f",
      items: [
        {
          id: "a1",
          source: "custom",
          title: { zh: "建立来料检验电子台账", en: "Keep incoming inspection records electronically" },
          dimension: { id: dims[0]!.id, name: dims[0]!.name },
          articles: [13],
          scene: null,
          owner: { id: "u", name: "王质量" },
          dueDate: "2026-03-31",
          status: "done",
          overdue: false,
          notes: "已上线",
          fromPeriod: "2024",
          progress: {
            before: { period: "2024", score: 40, level: 2, stage: 2 },
            after: { period: "2025", score: 55, level: 3, stage: 3 },
            scoreChange: 15,
            levelChange: 1,
            stageChange: 1,
            indicators: [],
            comparable: true,
            indicatorTitles: {},
          },
        },
      ],
    };
    const { text } = await textOf(await renderReportPdf(report, "zh", [planPdfSection(plan)]));
    const flat = text.replace(/\s+/g, "");
    expect(flat).toContain("改进计划");
    expect(flat).toContain("建立来料检验电子台账");
    expect(flat).toContain("王质量");
    expect(flat).toContain("已完成");
    expect(flat).toContain("+15");
  }, 30_000);

  it("names the download in ASCII and, in filename*, with the firm's name", () => {
    const header = pdfDisposition(report, "zh");
    expect(header).toMatch(/^attachment; filename="qmd-report-2025\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(header.split("''")[1]!)).toBe(`${report.firmName}-2025年度自评估报告.pdf`);
  });
});
