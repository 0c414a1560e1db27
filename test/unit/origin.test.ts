import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "~/accounts/origin";

const own = ["https://qmd.example.org"];

describe("origin check on mutations", () => {
  it("lets safe methods through", () => {
    expect(isAllowedOrigin("GET", undefined, own)).toBe(true);
    expect(isAllowedOrigin("head", "https://evil.example", own)).toBe(true);
  });
  it("requires the site's own Origin on state-changing methods", () => {
    expect(isAllowedOrigin("POST", "https://qmd.example.org", own)).toBe(true);
    expect(isAllowedOrigin("POST", "https://QMD.example.org", own)).toBe(true);
    expect(isAllowedOrigin("POST", "https://evil.example", own)).toBe(false);
    expect(isAllowedOrigin("PUT", "http://qmd.example.org", own)).toBe(false);
    expect(isAllowedOrigin("DELETE", undefined, own)).toBe(false);
    expect(isAllowedOrigin("POST", "null", own)).toBe(false);
  });
});
