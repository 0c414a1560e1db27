import fc from "fast-check";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { i18nFor } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";

type Loose = (key: string, options?: Record<string, unknown>) => string;

function Probe({ keys, options }: { keys: string[]; options?: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const lt = t as unknown as Loose;
  return createElement("p", { lang: i18n.language }, keys.map((k) => lt(k, options)).join("|"));
}

const render = (locale: "zh" | "en", keys: string[], options?: Record<string, unknown>) =>
  renderToString(createElement(I18nextProvider, { i18n: i18nFor(locale) }, createElement(Probe, { keys, options })));

describe("useTranslation (kept plain keys)", () => {
  it("gives exactly what i18next gives, in each locale, repeated calls included", () => {
    for (const locale of ["zh", "en"] as const) {
      const i18n = i18nFor(locale);
      const keys = ["report.overall", "nav.home", "report.overall", "no.such.key"];
      const expected = keys.map((k) => (i18n.t as unknown as Loose)(k)).join("|");
      expect(expected).not.toContain("report.overall"); // the keys exist, so this compares real texts
      expect(render(locale, keys)).toBe(`<p lang="${locale}">${expected}</p>`);
      expect(render(locale, keys)).toBe(`<p lang="${locale}">${expected}</p>`);
    }
    expect(render("zh", ["report.overall"])).not.toBe(render("en", ["report.overall"]));
  });

  it("passes options (interpolation, counts) through on every call", () => {
    const i18n = i18nFor("en");
    const key = "guide.article";
    const one = (i18n.t as unknown as Loose)(key, { number: 3 });
    const two = (i18n.t as unknown as Loose)(key, { number: 5 });
    expect(render("en", [key], { number: 3 })).toBe(`<p lang="en">${one}</p>`);
    expect(render("en", [key], { number: 5 })).toBe(`<p lang="en">${two}</p>`);
  });

  it("keeps texts with plain options, and still gives exactly what i18next gives for any of them", () => {
    const keys = [
      "guide.article",
      "report.title",
      "scenes.results",
      "scenes.resultsCapped",
      "assessment.problems.none_with_others",
      "report.overall",
    ];
    const plain = fc.oneof(fc.integer({ min: -5, max: 50 }), fc.string({ maxLength: 6 }), fc.boolean());
    const call = fc.record({
      locale: fc.constantFrom("zh" as const, "en" as const),
      key: fc.constantFrom(...keys),
      options: fc.dictionary(fc.constantFrom("number", "period", "count", "question", "extra"), plain, { maxKeys: 3 }),
    });
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 8 }), (calls) => {
        for (const { locale, key, options } of calls) {
          const expected = (i18nFor(locale).t as unknown as Loose)(key, options);
          // Twice: the second answer is the kept one.
          expect(render(locale, [key], options)).toBe(renderToString(createElement("p", { lang: locale }, expected)));
          expect(render(locale, [key], options)).toBe(renderToString(createElement("p", { lang: locale }, expected)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("passes options holding objects or functions through, never keeping them", () => {
    const i18n = i18nFor("en");
    const lt = i18n.t as unknown as Loose;
    expect(render("en", ["guide.article"], { number: 7, nested: { a: 1 } })).toBe(
      `<p lang="en">${lt("guide.article", { number: 7, nested: { a: 1 } })}</p>`,
    );
    expect(render("en", ["guide.article"], { number: 8, postProcess: [] as unknown as string })).toBe(
      `<p lang="en">${lt("guide.article", { number: 8, postProcess: [] as unknown as string })}</p>`,
    );
  });
});
