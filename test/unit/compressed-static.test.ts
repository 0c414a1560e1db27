import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get as httpGet, type IncomingHttpHeaders, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import express, { type RequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// server/ has no import alias (it is not part of the app); load it by file URL.
const { compressedStatic, pickEncoding } = (await import(
  new URL("../../server/compressed-static.ts", import.meta.url).href
)) as {
  compressedStatic: (root: string, cacheControl: string) => RequestHandler;
  pickEncoding: (header: string | undefined) => "br" | "gzip" | null;
};

describe("Accept-Encoding", () => {
  it("prefers brotli, then gzip, and honours q=0", () => {
    expect(pickEncoding("gzip, deflate, br")).toBe("br");
    expect(pickEncoding("gzip, deflate")).toBe("gzip");
    expect(pickEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(pickEncoding("*")).toBe("gzip");
    expect(pickEncoding("identity")).toBeNull();
    expect(pickEncoding("gzip;q=0")).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});

describe("compressed static files", () => {
  const root = mkdtempSync(join(tmpdir(), "qmd-static-"));
  const script = "export const x = 1;\n".repeat(500);
  let server: Server;
  const port = 3352;
  // node:http, not fetch: fetch would decompress the body and ask for an encoding of its own.
  const get = (path: string, encoding?: string) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const headers = encoding ? { "Accept-Encoding": encoding } : {};
      httpGet(`http://127.0.0.1:${port}/build${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject);
    });

  beforeAll(async () => {
    mkdirSync(join(root, "_shared"));
    writeFileSync(join(root, "_shared", "chunk.js"), script);
    writeFileSync(join(root, "secret.txt"), "not compressible");
    const app = express();
    app.use("/build", compressedStatic(root, "public, max-age=31536000, immutable"));
    app.use("/build", (_req, res) => res.status(404).send("fallthrough"));
    await new Promise<void>((done) => (server = app.listen(port, "127.0.0.1", done)));
  });
  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("sends brotli or gzip of the file with its type and cache headers", async () => {
    const br = await get("/_shared/chunk.js", "gzip, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers["cache-control"]).toContain("immutable");
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(br.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    const gz = await get("/_shared/chunk.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(script);
  });

  it("leaves missing files, other types, no encoding and paths outside the folder to the next handler", async () => {
    for (const [path, encoding] of [
      ["/_shared/missing.js", "gzip"],
      ["/secret.txt", "gzip"],
      ["/_shared/chunk.js", undefined],
      ["/..%2f..%2fetc/passwd.js", "gzip"],
    ] as const) {
      const res = await get(path, encoding);
      expect(res.status, path).toBe(404);
      expect(res.headers["content-encoding"], path).toBeUndefined();
    }
  });
});
