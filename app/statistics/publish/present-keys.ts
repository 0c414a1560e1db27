// The keys of a release's cube, and reading a cells query (period, industry, region, size) against them:
// each parameter is an exact key or absent ("every value"); anything else is refused, so no query can
// reach outside the cube.
import { ALL, GROUP_PREFIX } from "~/statistics/types";

export interface CubeVocabulary {
  periods: readonly string[];
  groups: readonly string[];
  divisions: readonly string[];
  regions: readonly string[];
  sizes: readonly string[];
}

export type CubeDimension = "period" | "industry" | "region" | "size";
export const CUBE_DIMENSIONS: readonly CubeDimension[] = ["period", "industry", "region", "size"];

export function isCubeKey(vocab: CubeVocabulary, dimension: CubeDimension, key: string): boolean {
  switch (dimension) {
    case "period":
      return vocab.periods.includes(key);
    case "industry":
      return (
        key === ALL ||
        vocab.divisions.includes(key) ||
        (key.startsWith(GROUP_PREFIX) && vocab.groups.includes(key.slice(GROUP_PREFIX.length)))
      );
    case "region":
      return key === ALL || vocab.regions.includes(key);
    case "size":
      return key === ALL || vocab.sizes.includes(key);
  }
}

export type CellQueryProblem = "unknown-parameter" | "repeated" | "not-a-key" | "bad-format";

export type ParsedCellQuery =
  | { ok: true; query: Partial<Record<CubeDimension, string>>; format: string | null }
  | { ok: false; parameter: string; value: string; problem: CellQueryProblem };

/** Read `period`, `industry`, `region`, `size` (and `format`) from a query string; nothing else is accepted. */
export function parseCellQuery(
  params: URLSearchParams,
  vocab: CubeVocabulary,
  formats: readonly string[],
): ParsedCellQuery {
  const query: Partial<Record<CubeDimension, string>> = {};
  let format: string | null = null;
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (seen.has(name)) return { ok: false, parameter: name, value, problem: "repeated" };
    seen.add(name);
    if (name === "format") {
      if (!formats.includes(value)) return { ok: false, parameter: name, value, problem: "bad-format" };
      format = value;
      continue;
    }
    if (!(CUBE_DIMENSIONS as readonly string[]).includes(name))
      return { ok: false, parameter: name, value, problem: "unknown-parameter" };
    const dimension = name as CubeDimension;
    if (!isCubeKey(vocab, dimension, value)) return { ok: false, parameter: name, value, problem: "not-a-key" };
    query[dimension] = value;
  }
  return { ok: true, query, format };
}

/** The two-language message of a refused query: Chinese first, then English. */
export function cellQueryMessage(p: Extract<ParsedCellQuery, { ok: false }>): string {
  const v = JSON.stringify(p.value.slice(0, 60));
  switch (p.problem) {
    case "unknown-parameter":
      return `不支持参数“${p.parameter}”：只可使用 period、industry、region、size 和 format。 Unknown parameter "${p.parameter}": use period, industry, region, size and format only.`;
    case "repeated":
      return `参数“${p.parameter}”只能出现一次。 The parameter "${p.parameter}" may appear only once.`;
    case "bad-format":
      return `不支持格式 ${v}：可用 json、csv、xlsx。 Unknown format ${v}: use json, csv or xlsx.`;
    case "not-a-key":
      return `${v} 不是该发布数据立方体中“${p.parameter}”维度的键；省略该参数即返回该维度的所有取值。 ${v} is not a key of dimension "${p.parameter}" in this release's cube; omit the parameter to get every value of that dimension.`;
  }
}
