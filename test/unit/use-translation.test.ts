import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "../../app/i18n/i18n";
import { useTranslation } from "../../app/i18n/use-translation";

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
});
