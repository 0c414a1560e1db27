import type { LoaderFunctionArgs } from "@remix-run/node";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { localeCookie } from "~/i18n/locale.server";
import { requestI18n } from "~/i18n/server-t.server";
import { createRequestContext } from "~/platform/context";
import { db } from "~/platform/db.server";
import { loader as notFoundLoader } from "~/routes/api.v1.$";
import { loader as openApiLoader, openApiDocument } from "~/routes/api.v1.openapi[.]json";
import { loader as releasesLoader } from "~/routes/api.v1.releases._index";
import { loader as releaseLoader } from "~/routes/api.v1.releases.$number._index";
import { loader as cellsLoader } from "~/routes/api.v1.releases.$number.cells";
import { loader as cellsCsvLoader } from "~/routes/api.v1.releases.$number.cells[.]csv";
import { loader as cellsXlsxLoader } from "~/routes/api.v1.releases.$number.cells[.]xlsx";
import { loader as statisticsLayoutLoader } from "~/routes/statistics";
import { loader as industryPageLoader } from "~/routes/statistics.industry";
import { loader as tableLoader } from "~/routes/statistics_.tables.$file";
import { tableText } from "~/statistics/publish/present";
import { publishedCell } from "~/statistics/publish/serialise";
import { buildStatsTable, resolveStatsView } from "~/statistics/publish/view.server";
import { useIsolatedDatabase } from "~test/support/database";
import { fixtureMetrics, insertRelease } from "~test/support/releases";

useIsolatedDatabase();

const ORIGIN = "http://portal.test";
type Loader = (args: LoaderFunctionArgs) => unknown;

async function get(loader: Loader, path: string, params: Record<string, string> = {}): Promise<Response> {
  try {
    const out = await loader({
      request: new Request(ORIGIN + path),
      params,
      context: createRequestContext(),
    } as LoaderFunctionArgs);
    if (out instanceof Response) return out;
    return Response.json(out);
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

// A small JSON Schema (2020-12 subset) check, enough for the OpenAPI document's component schemas.
type Schema = Record<string, unknown>;
function validate(schema: Schema, value: unknown, path = "$"): string[] {
  if (typeof schema.$ref === "string") return validate(resolveRef(schema.$ref), value, path);
  const errors: string[] = [];
  const type = schema.type as string | string[] | undefined;
  if (type) {
    const types = Array.isArray(type) ? type : [type];
    const actual =
      value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
    if (!types.some((t) => t === actual || (t === "number" && actual === "integer")))
      return [`${path}: ${actual} is not ${types.join("|")}`];
  }
  if ("const" in schema && schema.const !== value) errors.push(`${path}: not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (typeof schema.minimum === "number" && typeof value === "number" && value < schema.minimum)
    errors.push(`${path}: below minimum`);
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Schema[]) errors.push(...validate(s, value, path));
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some((s) => validate(s, value, path).length === 0))
    errors.push(`${path}: matches no anyOf`);
  if (
    Array.isArray(schema.oneOf) &&
    (schema.oneOf as Schema[]).filter((s) => validate(s, value, path).length === 0).length !== 1
  )
    errors.push(`${path}: does not match exactly one of oneOf`);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? [])
      if (!(key in obj)) errors.push(`${path}.${key}: required`);
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) errors.push(...validate(props[key], v, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === "object")
        errors.push(...validate(schema.additionalProperties as Schema, v, `${path}.${key}`));
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) errors.push(`${path}: too few items`);
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) errors.push(`${path}: too many items`);
    if (schema.items) value.forEach((v, i) => errors.push(...validate(schema.items as Schema, v, `${path}[${i}]`)));
  }
  return errors;
}
function resolveRef(ref: string): Schema {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], openApiDocument) as Schema;
}
const schema = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

beforeAll(async () => {
  await insertRelease(db(), { number: 1, status: "superseded", containsSynthetic: true });
  await insertRelease(db(), { number: 2, shift: 2 });
  await insertRelease(db(), { number: 3, status: "built", shift: 5 });
});

describe("open data API", () => {
  it("lists public releases, which validate against the documented schema", async () => {
    const res = await get(releasesLoader, "/api/v1/releases");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toMatch(/public/);
    const body = await res.json();
    expect(body.releases.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    expect(validate(schema("ReleaseList"), body)).toEqual([]);
    expect(JSON.stringify(body)).not.toMatch(/unresolved|release_members|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it("answers 404 JSON for an unknown or unpublished release", async () => {
    for (const number of ["3", "99", "abc", "0", "01"]) {
      const res = await get(releaseLoader, `/api/v1/releases/${number}`, { number });
      expect(res.status, number).toBe(404);
      expect(await res.json()).toMatchObject({ error: "not_found" });
      const cells = await get(cellsLoader, `/api/v1/releases/${number}/cells`, { number });
      expect(cells.status).toBe(404);
    }
    const other = await get(notFoundLoader, "/api/v1/firms");
    expect(other.status).toBe(404);
    expect(other.headers.get("Content-Type")).toMatch(/json/);
  });

  it("documents a published cell whose stage shares are withheld (decision 023)", () => {
    const key = { period: "2025", industry: "C34", region: "330000", size: "small" };
    const metrics = { ...fixtureMetrics("C34|330000|small"), stageShares: null, stageReason: "secondary" as const };
    const served = publishedCell({ ...key, suppressed: false, reason: null, metrics });
    expect(served.metrics).toMatchObject({ stageShares: null, stageReason: "secondary" });
    expect(validate(schema("Cell"), JSON.parse(JSON.stringify(served)))).toEqual([]);
    // The check has teeth: a stage reason outside the documented list fails it.
    expect(validate(schema("Cell"), { ...served, metrics: { ...metrics, stageReason: 3 } })).not.toEqual([]);
  });

  it("serves cells by exact keys, valid against the documented schema, cacheable for good", async () => {
    const res = await get(cellsLoader, "/api/v1/releases/2/cells?period=2025&region=*&size=*", { number: "2" });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toContain("immutable");
    const body = await res.json();
    expect(validate(schema("CellsResponse"), body)).toEqual([]);
    expect(body.count).toBe(6);
    expect(body.cells.map((c: { industry: string }) => c.industry)).toEqual([
      "*",
      "C13",
      "C34",
      "C36",
      "G:consumer-goods",
      "G:equipment",
    ]);
    const all = await (await get(cellsLoader, "/api/v1/releases/2/cells", { number: "2" })).json();
    expect(all.count).toBe(288);
    expect(validate(schema("CellsResponse"), all)).toEqual([]);
    const suppressed = all.cells.filter((c: { suppressed: boolean }) => c.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const c of suppressed) expect(c.metrics).toBeNull();
    for (const c of all.cells.filter((x: { suppressed: boolean }) => !x.suppressed))
      expect(c.metrics.firms).toBeGreaterThanOrEqual(10);
  });

  it("refuses anything that is not a key of the cube with 400 in Chinese and English", async () => {
    const bad = [
      "industry=C99",
      "region=330100",
      "size=tiny",
      "period=1999",
      "firm=abc",
      "industry=C36&industry=C34",
      "format=pdf",
      "industry=%25",
      "region=*%27%20or%201=1",
    ];
    for (const q of bad) {
      const res = await get(cellsLoader, `/api/v1/releases/2/cells?${q}`, { number: "2" });
      expect(res.status, q).toBe(400);
      const body = await res.json();
      expect(body.error).toBe("invalid_parameter");
      expect(body.message).toMatch(/[\u4e00-\u9fff]/);
      expect(body.message).toMatch(/[A-Za-z]{4,}/);
      expect(validate(schema("Problem"), body)).toEqual([]);
    }
  });

  it("serves the same numbers as CSV with a BOM and as XLSX", async () => {
    const query = "period=2025&industry=C36&size=*";
    const json = await (await get(cellsLoader, `/api/v1/releases/2/cells?${query}`, { number: "2" })).json();
    const csvRes = await get(cellsCsvLoader, `/api/v1/releases/2/cells.csv?${query}`, { number: "2" });
    expect(csvRes.headers.get("Content-Type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const header = lines[0]!.split(",");
    expect(lines).toHaveLength(json.count + 1);
    const sameViaParam = await get(cellsLoader, `/api/v1/releases/2/cells?${query}&format=csv`, { number: "2" });
    expect(new Uint8Array(await sameViaParam.arrayBuffer())).toEqual(bytes);

    const xlsxRes = await get(cellsXlsxLoader, `/api/v1/releases/2/cells.xlsx?${query}`, { number: "2" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsxRes.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("cells")!;
    expect(sheet.rowCount).toBe(json.count + 1);

    json.cells.forEach(
      (
        cell: {
          region: string;
          suppressed: boolean;
          metrics: { firms: number; overall: { mean: number; p25: number | null } } | null;
        },
        i: number,
      ) => {
        const row = lines[i + 1]!.split(",");
        const at = (name: string) => row[header.indexOf(name)];
        const xl = (name: string) => sheet.getRow(i + 2).getCell(header.indexOf(name) + 1).value;
        expect(at("region")).toBe(cell.region);
        if (cell.suppressed) {
          expect(at("overall_mean")).toBe("");
          expect(xl("overall_mean")).toBeNull();
        } else {
          expect(at("firms")).toBe(String(cell.metrics!.firms));
          expect(at("overall_mean")).toBe(cell.metrics!.overall.mean.toFixed(1));
          expect(xl("overall_mean")).toBe(cell.metrics!.overall.mean);
        }
      },
    );
  });

  it("answers every path of its OpenAPI document", async () => {
    const doc = await (await get(openApiLoader, "/api/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    const loaders: Record<string, Loader> = {
      "/api/v1/releases": releasesLoader,
      "/api/v1/releases/{number}": releaseLoader,
      "/api/v1/releases/{number}/cells": cellsLoader,
      "/api/v1/releases/{number}/cells.csv": cellsCsvLoader,
      "/api/v1/releases/{number}/cells.xlsx": cellsXlsxLoader,
      "/api/v1/openapi.json": openApiLoader,
    };
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(loaders).sort());
    for (const [path, operations] of Object.entries(
      doc.paths as Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }>,
    )) {
      const res = await get(
        loaders[path]!,
        `${path.replace("{number}", "2")}?period=2025`
          .replace("releases?period=2025", "releases")
          .replace(/\/(2|openapi\.json)\?period=2025$/, "/$1"),
        { number: "2" },
      );
      expect(res.status, path).toBe(200);
      const documented = Object.keys(operations.get.responses["200"]!.content ?? {});
      expect(
        documented.some((type) => res.headers.get("Content-Type")!.startsWith(type)),
        `${path} ${res.headers.get("Content-Type")}`,
      ).toBe(true);
      await res.arrayBuffer();
    }
  });
});

describe("statistics table downloads", () => {
  it("hold exactly the page's table in CSV, JSON and XLSX", async () => {
    const page = (await (await get(industryPageLoader, "/statistics/industry?release=2&period=2024")).json()).page;
    const table = page.tables.industry;
    const expected = tableText(table);
    expect(expected.flat()).toContain("D");
    expect(expected.flat()).toContain("—");

    const csv = await get(tableLoader, "/statistics/tables/industry.csv?release=2&period=2024", {
      file: "industry.csv",
    });
    expect(csv.headers.get("Content-Disposition")).toContain("qmd-statistics-r2-2024-industry.csv");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(
      text
        .slice(1)
        .trim()
        .split("\r\n")
        .map((l) => l.split(",")),
    ).toEqual(expected.map((r) => r.map((c) => (c.includes(",") ? `"${c}"` : c))));

    const json = await (
      await get(tableLoader, "/statistics/tables/industry.json?release=2&period=2024", { file: "industry.json" })
    ).json();
    expect(json.rows.map((r: { text: string[] }) => r.text)).toEqual(expected.slice(1));
    expect(json.release).toBe(2);

    const xlsx = await get(tableLoader, "/statistics/tables/industry.xlsx?release=2&period=2024", {
      file: "industry.xlsx",
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("table")!;
    const read: string[][] = [];
    sheet.eachRow((row) =>
      read.push(
        (row.values as unknown[])
          .slice(1)
          .map((v, i) =>
            typeof v === "number" && ["mean"].includes(table.columns[i].kind) ? v.toFixed(1) : String(v ?? ""),
          ),
      ),
    );
    expect(read).toEqual(expected);
  });

  it("are built by the same code as the page for every table", async () => {
    const view = (await resolveStatsView({
      request: new Request(`${ORIGIN}/statistics?release=1&period=2025`),
      context: createRequestContext(),
    } as LoaderFunctionArgs))!;
    for (const id of [
      "national",
      "stages",
      "dimensions",
      "industry",
      "region",
      "size",
      "trends",
      "releases",
    ] as const) {
      const table = await buildStatsTable(id, view);
      const res = await get(tableLoader, `/statistics/tables/${id}.json?release=1&period=2025`, { file: `${id}.json` });
      expect(res.status).toBe(200);
      expect((await res.json()).rows.map((r: { text: string[] }) => r.text)).toEqual(tableText(table).slice(1));
    }
    expect((await get(tableLoader, "/statistics/tables/firms.csv?release=2", { file: "firms.csv" })).status).toBe(404);
    expect((await get(tableLoader, "/statistics/tables/industry.csv?release=3", { file: "industry.csv" })).status).toBe(
      404,
    );
  });
});

describe("per-request facts", () => {
  const argsFor = (path: string, cookie?: string) =>
    ({
      request: new Request(ORIGIN + path, cookie ? { headers: { Cookie: cookie } } : {}),
      params: {},
      context: createRequestContext(),
    }) as LoaderFunctionArgs;

  it("resolve the release and the language once for the layout and its child", async () => {
    const cookie = (await localeCookie.serialize("en")).split(";")[0];
    const args = argsFor("/statistics/industry?release=1&period=2025", cookie);
    // As the root layout does first.
    const i18n = requestI18n(args);
    await statisticsLayoutLoader(args);
    const release = args.context.release;
    expect(release).toBeDefined();
    const page = (await industryPageLoader(args)).page!;
    // The child reused both lookups instead of starting its own.
    expect(args.context.release).toBe(release);
    expect(args.context.i18n).toBe(i18n);
    expect(page.release.number).toBe(1);
    expect(page.tables.industry.caption).toMatch(/[A-Za-z]/);
    expect((await i18n).locale).toBe("en");
  });

  it("answer an unknown release with a fresh 404 to each loader that asks", async () => {
    const args = argsFor("/statistics/industry?release=99");
    const thrown = await Promise.all([
      statisticsLayoutLoader(args).catch((e: unknown) => e),
      industryPageLoader(args).catch((e: unknown) => e),
    ]);
    for (const e of thrown) expect(e).toBeInstanceOf(Response);
    expect((thrown[0] as Response).status).toBe(404);
    expect((thrown[1] as Response).status).toBe(404);
    expect(thrown[0]).not.toBe(thrown[1]);
  });
});
