// The open data API's answers (/api/v1/…): public releases and their cells as JSON, CSV (UTF-8 with BOM)
// or XLSX, with cache headers for immutable releases. Nothing but a public release's cells is served.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, type ApiErrorDetails } from "~/platform/api-error";
import { cellQueryMessage, parseCellQuery } from "~/statistics/publish/present-keys";
import { cellsCsvChunk, cellsCsvHeader, downloadName, publishedCell } from "~/statistics/publish/serialise";
import { cellsXlsxStream, XLSX_TYPE } from "~/statistics/publish/serialise-xlsx.server";
import { cubeVocabulary } from "~/statistics/publish/view.server";
import {
  type CellQuery,
  isWithdrawnNumber,
  type PublicRelease,
  publicReleaseByText,
  streamCells,
} from "~/statistics/release/read.server";

export const CELL_FORMATS = ["json", "csv", "xlsx"] as const;
export type CellFormat = (typeof CELL_FORMATS)[number];

const COMMON = { "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" };
/** Release metadata may change (published → superseded); a release's cells never do. */
export const CACHE_LISTING = "public, max-age=300";
export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";

export function apiJson(body: unknown, cache: string, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...COMMON, "Content-Type": "application/json; charset=utf-8", "Cache-Control": cache },
  });
}

/** The API's JSON error (the shared shape, see ~/platform/api-error) with the open data headers, never cached. */
export function apiProblem(
  status: 400 | 404 | 405 | 410,
  error: string,
  message: string,
  details: ApiErrorDetails = {},
): Response {
  return apiError(status, error, message, details, { ...COMMON, "Cache-Control": "no-store" });
}

export const notFoundProblem = () =>
  apiProblem(
    404,
    "not_found",
    "找不到该资源：没有这个路径，或该统计发布不存在、尚未公开。 Not found: no such path, or no such public statistics release.",
  );

export function releaseJson(r: PublicRelease) {
  const base = `/api/v1/releases/${r.number}`;
  return {
    number: r.number,
    label: r.label,
    status: r.status,
    latest: r.latest,
    periods: r.periods,
    cutoff: r.cutoff,
    builtAt: r.builtAt,
    publishedAt: r.publishedAt,
    questionnaireVersion: r.questionnaireVersionId,
    containsSynthetic: r.containsSynthetic,
    methodology: r.methodology,
    summary: r.summary,
    links: {
      self: base,
      cells: `${base}/cells`,
      cellsCsv: `${base}/cells.csv`,
      cellsXlsx: `${base}/cells.xlsx`,
      page: `/statistics?release=${r.number}`,
    },
  };
}

/** The public release named by the path's `:number`, or the 404 answer (410 for a withdrawn release). */
export async function releaseFromParams(params: LoaderFunctionArgs["params"]): Promise<PublicRelease | Response> {
  const text = params.number ?? "";
  const release = await publicReleaseByText(text);
  if (release) return release;
  return (await isWithdrawnNumber(text))
    ? apiProblem(
        410,
        "withdrawn",
        "该期统计发布已撤回，不再提供数据；原因见发布历史。 This release has been withdrawn and its data is no longer served; see the release history for why.",
      )
    : notFoundProblem();
}

function streamOf(parts: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = parts[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** GET /api/v1/releases/:number/cells in the asked format (a path suffix wins over `format=`). */
export async function cellsResponse(
  { request, params }: LoaderFunctionArgs,
  suffix: CellFormat | null,
): Promise<Response> {
  const found = await releaseFromParams(params);
  if (found instanceof Response) return found;
  const release = found;
  const parsed = parseCellQuery(new URL(request.url).searchParams, cubeVocabulary(release.periods), CELL_FORMATS);
  if (!parsed.ok)
    return apiProblem(400, "invalid_parameter", cellQueryMessage(parsed), { parameter: parsed.parameter });
  const format = (suffix ?? parsed.format ?? "json") as CellFormat;
  const query: CellQuery = parsed.query;
  const dimensionIds = release.methodology.dimensions.map((d) => d.id);
  const pages = streamCells(release, query);
  const name = downloadName(release.number, "cells", format, parsed.query.period);
  const headers = { ...COMMON, "Cache-Control": CACHE_IMMUTABLE };
  if (format === "xlsx") {
    const meta = {
      release: release.number,
      period: parsed.query.period ?? null,
      filters: { ...parsed.query },
      containsSynthetic: release.containsSynthetic,
    };
    return new Response(cellsXlsxStream(pages, dimensionIds, meta), {
      headers: { ...headers, "Content-Type": XLSX_TYPE, "Content-Disposition": `attachment; filename="${name}"` },
    });
  }
  if (format === "csv") {
    async function* csv() {
      yield cellsCsvHeader(dimensionIds);
      for await (const cells of pages) yield cellsCsvChunk(cells, dimensionIds);
    }
    return new Response(streamOf(csv()), {
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
      },
    });
  }
  async function* json() {
    yield `{"release":${release.number},"containsSynthetic":${release.containsSynthetic},"query":${JSON.stringify(query)},"cells":[`;
    let count = 0;
    for await (const cells of pages) {
      yield (count ? "," : "") + cells.map((c) => JSON.stringify(publishedCell(c))).join(",");
      count += cells.length;
    }
    yield `],"count":${count}}`;
  }
  return new Response(streamOf(json()), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}
