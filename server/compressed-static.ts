// Compressed copies of the build's static files (decision 041). The JavaScript and CSS under /build are
// named by their content hash and never change, so each is compressed once, on its first request, and
// kept: the set is bounded by the build itself (only files that exist are kept, up to MAX_FILE_BYTES
// each). Brotli when the browser accepts it (browsers offer it over HTTPS), else gzip; anything else,
// and every other file, falls through to express.static.
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { RequestHandler } from "express";

const COMPRESSIBLE = new Set([".js", ".css", ".svg", ".json", ".map"]);
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

type Encoding = "br" | "gzip";

/** The encoding to send for an Accept-Encoding header: br, else gzip, else none (q=0 refuses one). */
export function pickEncoding(header: string | undefined): Encoding | null {
  const accepted = new Set<string>();
  for (const part of (header ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name.trim());
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip") || accepted.has("*")) return "gzip";
  return null;
}

interface Compressed {
  br: Buffer;
  gzip: Buffer;
}

export function compressedStatic(root: string, cacheControl: string): RequestHandler {
  const base = normalize(root) + sep;
  const cache = new Map<string, Promise<Compressed | null>>();
  const load = (file: string): Promise<Compressed | null> => {
    let entry = cache.get(file);
    if (!entry) {
      entry = readFile(file).then(
        async (raw) => {
          if (raw.length > MAX_FILE_BYTES) return null;
          const [br, gz] = await Promise.all([
            brotli(raw, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
            }),
            gzipped(raw, { level: 9 }),
          ]);
          return { br, gzip: gz };
        },
        () => null,
      );
      // Only files that exist stay cached, so requests for made-up names cannot grow the map.
      void entry.then((found) => {
        if (!found) cache.delete(file);
      });
      cache.set(file, entry);
    }
    return entry;
  };
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (!COMPRESSIBLE.has(extname(req.path))) return next();
    const encoding = pickEncoding(req.get("accept-encoding"));
    res.vary("Accept-Encoding");
    if (!encoding) return next();
    let file: string;
    try {
      file = normalize(join(base, decodeURIComponent(req.path)));
    } catch {
      return next();
    }
    if (!file.startsWith(base)) return next();
    load(file).then((found) => {
      if (!found) return next();
      const body = found[encoding];
      res.type(extname(file));
      res.setHeader("Content-Encoding", encoding);
      res.setHeader("Content-Length", body.length);
      res.setHeader("Cache-Control", cacheControl);
      if (req.method === "HEAD") res.end();
      else res.end(body);
    }, next);
  };
}
