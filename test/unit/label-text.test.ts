// The chart labels' wrapping rule (app/ui/label-text.ts): every line fits its measure, no text is lost,
// and the labels the charts draw wrap as they should.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelColumn, MAX_CHAR_WIDTH, textWidth, wrapLabel, wrapsAsRowHeader } from "~/ui/label-text";

/** Labels as the charts get them: Latin words, CJK runs, closing punctuation, digits, odd spacing. */
const label = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[A-Za-z(),.-]{1,16}$/),
      fc.stringMatching(/^[\u4e00-\u4e2f]{1,12}$/),
      fc.constantFrom("、", "，", "（", "）", "C37", " ", "  ", "与", "Tibet (Xizang)"),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(""))
  .filter((s) => s.trim() !== "");
const measure = fc.double({ min: MAX_CHAR_WIDTH, max: 400, noNaN: true });
const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("wrapLabel", () => {
  it("gives lines that each fit the measure, lose no text and keep its order", () => {
    fc.assert(
      fc.property(label, measure, (l, max) => {
        const lines = wrapLabel(l, max);
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
          expect(textWidth(line)).toBeLessThanOrEqual(max);
          expect(line).toBe(line.trim());
          expect(line).not.toBe("");
        }
        expect(squeeze(lines.join(""))).toBe(squeeze(l));
      }),
      { numRuns: 400 },
    );
  });

  it("keeps a label that fits on one line, and breaks no word that fits a line", () => {
    fc.assert(
      fc.property(label, measure, (l, max) => {
        const lines = wrapLabel(l, max);
        if (textWidth(l.trim().replace(/\s+/g, " ")) <= max) expect(lines).toEqual([l.trim().replace(/\s+/g, " ")]);
        const words = l.trim().split(/\s+/);
        for (const word of words.filter((w) => /^[A-Za-z(),.-]+$/.test(w) && textWidth(w) <= max))
          expect(lines.some((line) => line.split(" ").includes(word))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("never starts a line with closing punctuation", () => {
    const list = fc
      .array(fc.stringMatching(/^[\u4e00-\u4e2f]{1,8}$/), { minLength: 2, maxLength: 8 })
      .chain((runs) => fc.constantFrom("、", "，", "）").map((p) => runs.join(p)));
    fc.assert(
      fc.property(list, fc.double({ min: 2 * MAX_CHAR_WIDTH, max: 400, noNaN: true }), (l, max) => {
        for (const line of wrapLabel(l, max)) expect(line).not.toMatch(/^[、，）]/);
      }),
      { numRuns: 400 },
    );
  });

  it("wraps the charts' own labels evenly", () => {
    expect(wrapLabel("数据建模与决策", 76)).toEqual(["数据建模", "与决策"]);
    expect(wrapLabel("场景应用", 76)).toEqual(["场景应用"]);
    expect(wrapLabel("Data modelling and decisions", 76)).toEqual(["Data", "modelling", "and", "decisions"]);
    expect(wrapLabel("C37 Manufacture of railway, ship, aerospace and other transport equipment", 306)).toEqual([
      "C37 Manufacture of railway, ship,",
      "aerospace and other transport equipment",
    ]);
  });
});

describe("labelColumn", () => {
  it("is as wide as the longest label up to its maximum, and every label's lines fit it", () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 8 }), measure, (labels, max) => {
        const { width, lines } = labelColumn(labels, max);
        expect(width).toBeLessThanOrEqual(max);
        expect(width).toBe(Math.min(max, Math.max(...labels.map(textWidth))));
        lines.forEach((ls, i) => {
          expect(squeeze(ls.join(""))).toBe(squeeze(labels[i]!));
          for (const line of ls) expect(textWidth(line)).toBeLessThanOrEqual(width);
        });
      }),
    );
  });
});

describe("wrapsAsRowHeader", () => {
  it("keeps names on one line and lets long headers wrap", () => {
    for (const name of ["全国", "新疆维吾尔自治区", "Whole country", "Inner Mongolia", "Tibet (Xizang)", "2025"])
      expect(wrapsAsRowHeader(name), name).toBe(false);
    for (const long of ["C37 铁路、船舶、航空航天和其他运输设备制造业", "C37 Manufacture of railway, ship, aerospace"])
      expect(wrapsAsRowHeader(long), long).toBe(true);
  });
});
