// Redirect targets after sign-in and language switch: only this site, whatever a browser would make of it.
import type { ActionFunctionArgs } from "@remix-run/node";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/platform/http.server";
import { action as switchLocale } from "~/routes/locale";

/** Where a browser goes: it drops tabs and newlines and reads backslashes as slashes (WHATWG URL). */
const browserTarget = (location: string) =>
  new URL(location.replace(/[\t\n\r]/g, "").replace(/\\/g, "/"), "https://portal.test/here");

describe("safeRedirectPath", () => {
  it("keeps same-site paths and their query", () => {
    expect(safeRedirectPath("/firms/abc?tab=1#x")).toBe("/firms/abc?tab=1#x");
    expect(safeRedirectPath("/cases?q=%E8%B4%A8%E9%87%8F")).toBe("/cases?q=%E8%B4%A8%E9%87%8F");
    expect(safeRedirectPath("/统计")).toBe("/%E7%BB%9F%E8%AE%A1");
  });

  it("refuses what leaves the site or cannot go in a header", () => {
    for (const bad of [
      "/\t/evil.test",
      "//evil.test",
      "/\\evil.test",
      "/\n/evil.test",
      "/.//evil.test",
      "/%2e//evil.test",
      "/a/..//evil.test",
      "/ /x",
      "/a\u0000",
      "https://evil.test",
      "evil",
      "",
    ])
      expect(safeRedirectPath(bad, "/home"), JSON.stringify(bad)).toBe("/home");
  });

  it("never sends a browser off the site, for any input", () => {
    const chars = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      " ",
      ":",
      "@",
      ".",
      "%",
      "0",
      "9",
      "e",
      "v",
      "?",
      "#",
      "质",
      "\u0000",
    );
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 12 }).map((cs) => cs.join("")),
        (s) => {
          const out = safeRedirectPath(s, "/fallback");
          expect(browserTarget(out).host).toBe("portal.test");
          expect(() => new Headers({ Location: out })).not.toThrow();
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("the language switch", () => {
  it("answers a poisoned redirectTo with the home page, not another site (the /%09/ case)", async () => {
    // Other control characters never reach the action: readForm refuses the form with 400 (the fuzz test).
    for (const redirectTo of ["/\t/evil.test", "/\\evil.test", "/ok?x=1"]) {
      const body = new URLSearchParams({ locale: "en", redirectTo });
      const request = new Request("http://portal.test/locale", { method: "POST", body });
      const answer = (await switchLocale({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response;
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe(redirectTo === "/ok?x=1" ? "/ok?x=1" : "/");
    }
  });
});
