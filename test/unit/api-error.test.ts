import { describe, expect, it } from "vitest";
import { apiError, apiErrorBody } from "~/platform/api-error";

describe("API error shape", () => {
  it("is { error, message, ...details } as JSON with the status", async () => {
    const res = apiError(409, "stale", "已过期", { version: 2 });
    expect(res.status).toBe(409);
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(await res.text()).toBe('{"error":"stale","message":"已过期","version":2}');
  });

  it("adds headers without losing the content type, and the headers stay writable", () => {
    const res = apiError(405, "method_not_allowed", "POST only", {}, { Allow: "POST" });
    res.headers.append("Set-Cookie", "a=b");
    expect(res.headers.get("Allow")).toBe("POST");
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  });

  it("builds the same body for the HTTP layer's own refusals", () => {
    expect(apiErrorBody("forbidden", "refused")).toEqual({ error: "forbidden", message: "refused" });
  });
});
