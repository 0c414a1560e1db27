// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the open data API.
import { SIZE_CLASSES } from "~/firms/size-class";
import { apiJson } from "~/statistics/publish/api.server";
import { PUBLIC_RELEASE_STATUSES, SUPPRESSION_REASONS } from "~/statistics/types";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });
const problem = (description: string) => ({ description, content: json(ref("Problem")) });
const nullableInteger = { type: ["integer", "null"] };
const keyParam = (name: string, description: string, example: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "string" },
  example,
});
const cellParams = [
  { $ref: "#/components/parameters/number" },
  keyParam("period", "A period of the release (e.g. 2025); omitted: every period.", "2025"),
  keyParam(
    "industry",
    "`*` (all manufacturing), `G:<group id>` (industry group) or a GB/T 4754 division code such as `C36`; omitted: every industry key.",
    "C36",
  ),
  keyParam(
    "region",
    "`*` (whole country) or a GB/T 2260 province code such as `330000`; omitted: every region key.",
    "*",
  ),
  keyParam("size", `\`*\` or ${SIZE_CLASSES.join(", ")}; omitted: every size key.`, "*"),
];
const csvColumns =
  "Columns: period, industry, region, size, suppressed, reason, firms, overall_mean, overall_median, overall_p25, overall_p75, overall_p10…overall_p90, stage1_share…stage5_share, stage_reason (why a published cell's stage shares are empty), then <dimension>_mean, _median, _p25, _p75 for each dimension of the release's methodology, histogram_edges and histogram_counts (semicolon-separated). Means and shares have 1 decimal, quantiles and counts are whole; a value not published is empty.";

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "QMD Portal open data API · 质量管理数字化统计开放数据接口",
    version: "1.0.0",
    description:
      "Anonymised statistics of the quality management digitalisation self-assessments, served only from frozen, public statistics releases under disclosure control. Every query names exact keys of a release's cube (industry × region × size × period, with `*` for the margin); there are no free filters. A suppressed cell carries its reason and no metrics. 匿名统计数据仅来自经披露控制、已公开的统计发布；查询只能使用数据立方体的键。",
    license: { name: "CC BY 4.0", identifier: "CC-BY-4.0" },
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/releases": {
      get: {
        operationId: "listReleases",
        summary: "Public statistics releases, newest first",
        responses: { "200": { description: "The public releases.", content: json(ref("ReleaseList")) } },
      },
    },
    "/api/v1/releases/{number}": {
      get: {
        operationId: "getRelease",
        summary: "One public release with its methodology and summary",
        parameters: [{ $ref: "#/components/parameters/number" }],
        responses: {
          "200": { description: "The release.", content: json(ref("Release")) },
          "404": problem("No public release has this number."),
          "410": problem("The release was public and has been withdrawn; its data is no longer served."),
        },
      },
    },
    "/api/v1/releases/{number}/cells": {
      get: {
        operationId: "getCells",
        summary: "Cells of a release by exact cube keys (JSON by default)",
        description:
          "Each key parameter is an exact key of the cube or omitted for every value of that dimension. `format=csv` or `format=xlsx` returns the same cells as /cells.csv and /cells.xlsx. Any other parameter, a repeated parameter or a value that is not a key of the cube is refused with 400.",
        parameters: [
          ...cellParams,
          {
            name: "format",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["json", "csv", "xlsx"], default: "json" },
          },
        ],
        responses: {
          "200": {
            description:
              "The matching cells, in key order (period, industry, region, size). Cells never change once a release is public: responses may be cached for a year.",
            content: {
              ...json(ref("CellsResponse")),
              "text/csv": { schema: { type: "string" } },
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                schema: { type: "string", contentEncoding: "binary" },
              },
            },
          },
          "400": problem(
            "A parameter is not a key of the cube, is unknown or is repeated; the message is in Chinese and English.",
          ),
          "404": problem("No public release has this number."),
          "410": problem("The release was public and has been withdrawn; its data is no longer served."),
        },
      },
    },
    "/api/v1/releases/{number}/cells.csv": {
      get: {
        operationId: "getCellsCsv",
        summary: "Cells as CSV (UTF-8 with BOM, CRLF)",
        description: csvColumns,
        parameters: cellParams,
        responses: {
          "200": { description: "CSV, one row per cell.", content: { "text/csv": { schema: { type: "string" } } } },
          "400": problem("Not a key of the cube."),
          "404": problem("No public release has this number."),
          "410": problem("The release was public and has been withdrawn; its data is no longer served."),
        },
      },
    },
    "/api/v1/releases/{number}/cells.xlsx": {
      get: {
        operationId: "getCellsXlsx",
        summary: "Cells as an XLSX workbook (sheet `cells` with the CSV's columns, sheet `about`)",
        parameters: cellParams,
        responses: {
          "200": {
            description: "XLSX workbook.",
            content: {
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                schema: { type: "string", contentEncoding: "binary" },
              },
            },
          },
          "400": problem("Not a key of the cube."),
          "404": problem("No public release has this number."),
          "410": problem("The release was public and has been withdrawn; its data is no longer served."),
        },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        operationId: "getOpenApi",
        summary: "This document",
        responses: { "200": { description: "OpenAPI 3.1 document.", content: json({ type: "object" }) } },
      },
    },
  },
  components: {
    parameters: {
      number: {
        name: "number",
        in: "path",
        required: true,
        description: "The release number (1, 2, 3, …).",
        schema: { type: "integer", minimum: 1 },
      },
    },
    schemas: {
      Problem: {
        type: "object",
        required: ["error", "message"],
        properties: {
          error: { type: "string", examples: ["invalid_parameter", "not_found"] },
          message: { type: "string", description: "Chinese, then English." },
          parameter: { type: "string" },
        },
      },
      Localised: {
        type: "object",
        required: ["zh", "en"],
        properties: { zh: { type: "string" }, en: { type: "string" } },
      },
      DisclosureRules: {
        type: "object",
        required: [
          "minUnitsForScores",
          "minUnitsForCounts",
          "quantileTailUnits",
          "dominanceSlack",
          "minChangedUnits",
          "minHistogramBin",
          "kBenchmark",
        ],
        properties: Object.fromEntries(
          [
            "minUnitsForScores",
            "minUnitsForCounts",
            "quantileTailUnits",
            "dominanceSlack",
            "minChangedUnits",
            "minHistogramBin",
            "kBenchmark",
          ].map((k) => [k, { type: "integer", minimum: 0 }]),
        ),
      },
      Methodology: {
        type: "object",
        required: ["rules", "questionnaire", "model", "dimensions", "note"],
        properties: {
          rules: ref("DisclosureRules"),
          questionnaire: { type: "string" },
          model: {
            type: "object",
            required: ["id", "version"],
            properties: { id: { type: "string" }, version: { type: "integer" } },
          },
          dimensions: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "name"],
              properties: { id: { type: "string" }, name: ref("Localised") },
            },
          },
          note: ref("Localised"),
        },
      },
      Release: {
        type: "object",
        required: [
          "number",
          "label",
          "status",
          "latest",
          "periods",
          "cutoff",
          "publishedAt",
          "questionnaireVersion",
          "containsSynthetic",
          "methodology",
          "summary",
          "links",
        ],
        properties: {
          number: { type: "integer", minimum: 1 },
          label: { type: "string" },
          status: { type: "string", enum: [...PUBLIC_RELEASE_STATUSES] },
          latest: { type: "boolean", description: "The highest-numbered published release." },
          periods: { type: "array", items: { type: "string" } },
          cutoff: { type: "string", format: "date-time" },
          builtAt: { type: ["string", "null"], format: "date-time" },
          publishedAt: { type: ["string", "null"], format: "date-time" },
          questionnaireVersion: { type: "string" },
          containsSynthetic: { type: "boolean", description: "The release contains synthetic demo data." },
          methodology: ref("Methodology"),
          summary: {
            type: "object",
            required: ["cells", "suppressed", "firmsByPeriod"],
            properties: {
              cells: { type: "integer" },
              suppressed: { type: "object", additionalProperties: { type: "integer" } },
              firmsByPeriod: { type: "object", additionalProperties: nullableInteger },
            },
          },
          links: { type: "object", additionalProperties: { type: "string" } },
        },
      },
      ReleaseList: {
        type: "object",
        required: ["releases"],
        properties: { releases: { type: "array", items: ref("Release") } },
      },
      ScoreSummary: {
        type: "object",
        required: ["mean", "median", "p25", "p75"],
        properties: {
          mean: { type: "number", description: "1 decimal" },
          median: nullableInteger,
          p25: nullableInteger,
          p75: nullableInteger,
        },
      },
      OverallSummary: {
        allOf: [
          ref("ScoreSummary"),
          {
            type: "object",
            required: ["deciles"],
            properties: { deciles: { type: ["array", "null"], items: { type: "integer" }, minItems: 9, maxItems: 9 } },
          },
        ],
      },
      Histogram: {
        type: "object",
        required: ["edges", "counts"],
        properties: {
          edges: { type: "array", items: { type: "number" } },
          counts: { type: "array", items: { type: "integer" } },
        },
      },
      PublishedMetrics: {
        type: "object",
        required: ["firms", "overall", "dimensions", "stageShares", "stageReason", "histogram"],
        properties: {
          firms: { type: "integer", minimum: 0 },
          overall: ref("OverallSummary"),
          dimensions: {
            type: "object",
            additionalProperties: { anyOf: [ref("ScoreSummary"), { type: "null" }] },
            description: "Keyed by dimension id; null when too few firms have a score for it.",
          },
          stageShares: {
            type: ["array", "null"],
            items: { type: "number" },
            minItems: 5,
            maxItems: 5,
            description:
              "Percent of firms at stage 1…5, 1 decimal. null when the cell's stage distribution is withheld while the rest of the cell is published: a stage held 1 or 2 firms (a share times the firms is a count of firms, which needs 0 or at least 3), or the distribution is withheld so that another withheld one cannot be derived; stageReason says which.",
          },
          stageReason: {
            anyOf: [{ type: "string", enum: [...SUPPRESSION_REASONS] }, { type: "null" }],
            description:
              "Why stageShares is null: threshold (a stage with 1 or 2 firms), secondary (protects another withheld distribution), carried (withheld by an earlier release for the period), across-time (too few firms changed since an earlier release). null when stageShares is published.",
          },
          histogram: ref("Histogram"),
        },
      },
      CellKey: {
        type: "object",
        required: ["period", "industry", "region", "size"],
        properties: {
          period: { type: "string" },
          industry: { type: "string" },
          region: { type: "string" },
          size: { type: "string" },
        },
      },
      Cell: {
        oneOf: [
          {
            allOf: [
              ref("CellKey"),
              {
                type: "object",
                required: ["suppressed", "reason", "metrics"],
                properties: {
                  suppressed: { const: false },
                  reason: { type: "null" },
                  metrics: ref("PublishedMetrics"),
                },
              },
            ],
          },
          {
            allOf: [
              ref("CellKey"),
              {
                type: "object",
                required: ["suppressed", "reason", "metrics"],
                properties: {
                  suppressed: { const: true },
                  reason: { type: "string", enum: [...SUPPRESSION_REASONS] },
                  metrics: { type: "null" },
                },
              },
            ],
          },
        ],
      },
      CellsResponse: {
        type: "object",
        required: ["release", "containsSynthetic", "query", "cells", "count"],
        properties: {
          release: { type: "integer" },
          containsSynthetic: { type: "boolean" },
          query: {
            type: "object",
            properties: {
              period: { type: "string" },
              industry: { type: "string" },
              region: { type: "string" },
              size: { type: "string" },
            },
            additionalProperties: false,
          },
          cells: { type: "array", items: ref("Cell") },
          count: { type: "integer", minimum: 0 },
        },
      },
    },
  },
} as const;

export const loader = () => apiJson(openApiDocument, "public, max-age=3600");
