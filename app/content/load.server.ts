import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { z } from "zod";
import { config } from "~/platform/config.server";

export class ContentError extends Error {}

/** Read and validate one JSON file under the content folder; the error names the file and each problem. */
export function parseContentFile<S extends z.ZodType>(file: string, schema: S, text: string): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ContentError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(file)"}: ${i.message}`).join("\n");
    throw new ContentError(`${file} is invalid:\n${issues}`);
  }
  return parsed.data;
}

export function contentPath(...parts: string[]): string {
  return resolve(join(config().CONTENT_DIR, ...parts));
}

const cache = new Map<string, unknown>();

/** Load a content file once per process. */
export function loadContent<S extends z.ZodType>(relativePath: string, schema: S): z.output<S> {
  const path = contentPath(relativePath);
  if (!cache.has(path)) cache.set(path, parseContentFile(relativePath, schema, readFileSync(path, "utf8")));
  return cache.get(path) as z.output<S>;
}
