import { describe, expect, it } from "vitest";
import { clipDescription, DESCRIPTION_MAX, fixedMeta, metaLocale, pageMeta, siteMeta } from "~/i18n/meta";

const rootIn = (locale: unknown) => [
  { id: "root", data: { locale } },
  { id: "routes/x", data: {} },
];
type MetaArgs = Parameters<ReturnType<typeof fixedMeta>>[0];

describe("page meta", () => {
  it("reads the request's locale from the root match, Chinese when it is missing or unknown", () => {
    expect(metaLocale(rootIn("en"))).toBe("en");
    expect(metaLocale(rootIn("fr"))).toBe("zh");
    expect(metaLocale([])).toBe("zh");
    expect(metaLocale([undefined, { id: "root", data: null }])).toBe("zh");
  });

  it("gives a title with the portal's name and a description on one line", () => {
    expect(pageMeta("  场景\n清单 ", "第一行\n  第二行")).toEqual([
      { title: "场景 清单 · QMD Portal" },
      { name: "description", content: "第一行 第二行" },
    ]);
  });

  it("cuts a long description at a character, never inside one", () => {
    const long = "质".repeat(DESCRIPTION_MAX + 20);
    const clipped = clipDescription(long);
    expect([...clipped]).toHaveLength(DESCRIPTION_MAX);
    expect(clipped.endsWith("…")).toBe(true);
    expect(clipDescription("短")).toBe("短");
    const emoji = "😀".repeat(DESCRIPTION_MAX + 1);
    expect([...clipDescription(emoji)].slice(0, -1).every((c) => c === "😀")).toBe(true);
  });

  it("translates a fixed page's title and description in both languages", () => {
    const meta = fixedMeta("scenes.title", "scenes.lead");
    const zh = meta({ matches: rootIn("zh") } as unknown as MetaArgs) as Array<Record<string, string>>;
    const en = meta({ matches: rootIn("en") } as unknown as MetaArgs) as Array<Record<string, string>>;
    expect(zh[0]!.title).toBe("场景清单 · QMD Portal");
    expect(en[0]!.title).not.toBe(zh[0]!.title);
    expect(en[1]!.content!.length).toBeGreaterThan(20);
    expect(siteMeta(rootIn("en"))[1]).toEqual({ name: "description", content: expect.stringMatching(/benchmarking/) });
  });
});
