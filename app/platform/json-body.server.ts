// Reading a JSON request body with a hard size limit, whatever the Content-Length says.
export type JsonBody =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; code: "invalid_json" | "too_large" | "not_json" };

export const MAX_JSON_BYTES = 256 * 1024;

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BYTES): Promise<JsonBody> {
  if (!/^application\/json\b/i.test(request.headers.get("Content-Type") ?? ""))
    return { ok: false, status: 415, code: "not_json" };
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > maxBytes) return { ok: false, status: 413, code: "too_large" };
  const reader = request.body?.getReader();
  if (!reader) return { ok: false, status: 400, code: "invalid_json" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, status: 413, code: "too_large" };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
  } catch {
    return { ok: false, status: 400, code: "invalid_json" };
  }
}
