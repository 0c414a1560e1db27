import { describe, expect, it } from "vitest";
import { closingLine, countsOf, logLine } from "~test/support/ci-summary";

describe("CI summary", () => {
  it("adds up Vitest and Playwright summaries, colours and all", () => {
    const log = [
      " Test Files  35 passed (35)",
      "      Tests  347 passed (347)",
      "\u001b[2m      Tests \u001b[22m \u001b[1m\u001b[32m129 passed\u001b[39m\u001b[22m\u001b[90m | \u001b[39m\u001b[33m5 skipped\u001b[39m\u001b[90m (134)\u001b[39m",
      "      Tests  2 failed | 10 passed (12)",
      "  1 skipped",
      "  1 flaky",
      "  76 passed (4.4m)",
      "  2 failed",
      "    [chromium] › test/e2e/a.spec.ts:1:1 › something",
    ].join("\n");
    expect(countsOf(log)).toEqual({ passed: 347 + 129 + 10 + 1 + 76, failed: 2 + 2, skipped: 5 + 1 });
  });

  it("finds no summary where no runner closed", () => {
    expect(countsOf("== lint\nall files pass\n 3 files checked")).toBeNull();
    expect(countsOf("audited home (/): 100\n")).toBeNull();
  });

  it("prints the plain closing line", () => {
    expect(closingLine({ passed: 3, failed: 0, skipped: 1 })).toBe("3 passed, 0 failed, 1 skipped");
  });

  it("prints per-log figures in a shape that never reads as a closing line", () => {
    const plain = /^(?:\S+: )?\d+ passed, \d+ failed(?:, \d+ skipped)?$/;
    expect(closingLine({ passed: 3, failed: 0, skipped: 1 })).toMatch(plain);
    expect(logLine("/tmp/x/2-pglite.log", { passed: 3, failed: 0, skipped: 1 })).not.toMatch(/\d+ passed, \d+ failed/);
  });
});
