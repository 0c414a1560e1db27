// Deterministic synthetic cases for the search benchmark: plausible Chinese text built from a
// vocabulary of quality-management terms, spread over divisions, regions, sizes and scenes.
import type { Db } from "~db/connect";
import { cases } from "~db/schema";
import { caseColumns } from "~/cases/columns.server";
import type { CaseContent } from "~/cases/schema";
import type { Scene } from "~/content/schemas";
import { industries, selectableRegions, technologies } from "~/content/taxonomies.server";

const TERMS = [
  "质量追溯",
  "在线检测",
  "机器视觉",
  "统计过程控制",
  "首件检验",
  "供应商质量",
  "来料检验",
  "过程能力",
  "设备点检",
  "预测性维护",
  "数字孪生",
  "一物一码",
  "批次管理",
  "不合格品处置",
  "客户投诉",
  "质量成本",
  "工艺参数",
  "测量系统分析",
  "实验室信息管理",
  "质量大数据",
  "缺陷识别",
  "根因分析",
  "防错",
  "质量门",
  "出厂检验",
  "售后服务",
  "可靠性试验",
  "仿真验证",
  "数据治理",
  "数据安全",
  "能源监测",
  "环境温湿度",
  "刀具寿命",
  "焊接质量",
  "涂装缺陷",
  "尺寸偏差",
  "异常报警",
  "闭环改进",
  "知识库",
  "工业互联网平台",
];
const VERBS = ["建立", "完善", "打通", "上线", "推广", "优化", "整合", "部署", "固化", "评估"];
const OUTCOMES = [
  "一次合格率提升",
  "返工率下降",
  "投诉减少",
  "检验效率提高",
  "停机时间缩短",
  "追溯时间缩短",
  "质量损失降低",
];

export function syntheticCase(
  random: () => number,
  pools: { divisions: string[]; regions: string[]; scenes: string[]; technologies: string[] },
): CaseContent {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const sentence = () =>
    `企业${pick(VERBS)}${pick(TERMS)}与${pick(TERMS)}的衔接，围绕${pick(TERMS)}开展${pick(TERMS)}，${pick(OUTCOMES)}。`;
  const paragraph = (n: number) => Array.from({ length: n }, sentence).join("");
  return {
    language: "zh",
    title: `${pick(TERMS)}与${pick(TERMS)}实践 ${Math.floor(random() * 1e6)}`,
    summary: paragraph(2),
    problem: paragraph(8),
    approach: `${paragraph(6)}\n\n- ${paragraph(1)}\n- ${paragraph(1)}`,
    technologies: [pick(pools.technologies), pick(pools.technologies)].filter((t, i, a) => a.indexOf(t) === i),
    results: [
      {
        metric: pick(OUTCOMES),
        before: Math.round(random() * 100),
        after: Math.round(random() * 100),
        unit: "%",
        period: "2025年",
      },
    ],
    sceneSlugs: [pick(pools.scenes)],
    articles: [4 + Math.floor(random() * 13)],
    industryDivision: pick(pools.divisions),
    regionCode: pick(pools.regions),
    sizeClass: pick(["large", "medium", "small", "small", "micro"] as const),
  };
}

/** Queries a visitor would type: common and rare two-character words, phrases, no match, with filters. */
export const SEARCH_QUERIES: Array<Record<string, string>> = [
  { q: "追溯" },
  { q: "视觉" },
  { q: "质量" },
  { q: "寿命" },
  { q: "焊接" },
  { q: "孪生" },
  { q: "预测性维护" },
  { q: "供应商质量" },
  { q: "测量系统分析" },
  { q: "不存在的词语组合" },
  { q: "数据", division: "C36" },
  { q: "检验", region: "330000", size: "small" },
  { group: "equipment" },
  { q: "质量", page: "5" },
  { technology: "machine-vision" },
  { q: "防错", article: "11" },
  {},
];

/**
 * Insert `count` published synthetic cases of one firm, 500 rows a statement, submitted a minute
 * apart from 2025-01-01; returns their ids in order.
 */
export async function insertSyntheticCases(
  database: Db,
  options: { firmId: string; count: number; random: () => number; scenes: readonly Scene[] },
): Promise<string[]> {
  const { firmId, count, random, scenes } = options;
  const pools = {
    divisions: industries().divisions.map((d) => d.code),
    regions: selectableRegions().map((r) => r.code),
    scenes: scenes.map((s) => s.slug),
    technologies: technologies().map((t) => t.id),
  };
  const ids: string[] = [];
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, i) => {
      const at = new Date(Date.UTC(2025, 0, 1) + (start + i) * 60_000);
      return {
        ...caseColumns(syntheticCase(random, pools), scenes, "published"),
        firmId,
        status: "published" as const,
        anonymised: true,
        isSynthetic: true,
        consentAt: at,
        submittedAt: at,
        publishedAt: at,
      };
    });
    const inserted = await database.insert(cases).values(rows).returning({ id: cases.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}
