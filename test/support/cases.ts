// Building cases for tests: valid content and a form that fills it in.
import type { CaseContent } from "~/cases/schema";

export function caseContent(overrides: Partial<CaseContent> = {}): CaseContent {
  return {
    language: "zh",
    title: "机加工在机测量闭环",
    summary: "在机测头把尺寸数据实时写回刀补。",
    problem: "关键尺寸**波动大**，依赖离线抽检。",
    approach: "- 加装测头\n- 数据进入 SPC 系统",
    technologies: ["sensors", "statistical-process-control"],
    results: [{ metric: "关键尺寸 Cpk", before: 1.0, after: 1.5, unit: "无量纲", period: "2025年" }],
    sceneSlugs: ["cnc-on-machine-measurement-closed-loop"],
    articles: [11, 13],
    industryDivision: "C36",
    regionCode: "330000",
    sizeClass: "medium",
    ...overrides,
  };
}

export function caseForm(content: CaseContent, extra: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const key of [
    "language",
    "title",
    "summary",
    "problem",
    "approach",
    "industryDivision",
    "regionCode",
    "sizeClass",
  ] as const)
    f.append(key, String(content[key]));
  for (const t of content.technologies) f.append("technologies", t);
  for (const s of content.sceneSlugs) f.append("sceneSlugs", s);
  for (const a of content.articles) f.append("articles", String(a));
  content.results.forEach((r, i) => {
    f.append(`result-${i}-metric`, r.metric);
    f.append(`result-${i}-before`, r.before === null ? "" : String(r.before));
    f.append(`result-${i}-after`, String(r.after));
    f.append(`result-${i}-unit`, r.unit);
    f.append(`result-${i}-period`, r.period);
  });
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  return f;
}
