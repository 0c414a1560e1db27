import { describe, expect, it } from "vitest";
import { createElement } from "react";
import type { EntryContext } from "@remix-run/node";
import { isPlainPage, renderPlainPage } from "../../app/render-cache.server";

const context = (loaderData: Record<string, unknown>, hydrate: boolean | undefined, errors: unknown = null, cacheRender?: boolean) =>
  ({
    staticHandlerContext: { matches: [{ route: { id: "root" } }, { route: { id: "routes/statistics" } }], loaderData, errors },
    routeModules: { root: {}, "routes/statistics": { handle: hydrate === undefined ? undefined : { hydrate, cacheRender } } },
  }) as unknown as EntryContext;

describe("render cache for plain pages", () => {
  it("applies only to routes that opt out of hydration, and never to error pages", () => {
    expect(isPlainPage(context({}, false))).toBe(true);
    expect(isPlainPage(context({}, undefined))).toBe(false);
    expect(isPlainPage(context({}, false, { root: new Error("x") }))).toBe(false);
  });

  it("renders again when any loader data differs, and never keeps markup holding the nonce", () => {
    let renders = 0;
    const Page = ({ text }: { text: string }) => {
      renders++;
      return createElement("p", null, text);
    };
    const req = new Request("http://x/statistics?release=1");
    const a = renderPlainPage(req, 200, context({ root: { locale: "zh" } }, false), createElement(Page, { text: "甲" }), "n1");
    const b = renderPlainPage(req, 200, context({ root: { locale: "zh" } }, false), createElement(Page, { text: "甲" }), "n2");
    expect(a).toBe(b);
    expect(renders).toBe(1);
    renderPlainPage(req, 200, context({ root: { locale: "en" } }, false), createElement(Page, { text: "A" }), "n3");
    expect(renders).toBe(2);
    renderPlainPage(req, 200, context({ root: { locale: "xx" } }, false), createElement(Page, { text: "nonce-n4" }), "nonce-n4");
    renderPlainPage(req, 200, context({ root: { locale: "xx" } }, false), createElement(Page, { text: "nonce-n4" }), "nonce-n4");
    expect(renders).toBe(4);
    // A firm's page asks not to be kept: rendered every time.
    renderPlainPage(req, 200, context({ root: { locale: "zh" } }, false, null, false), createElement(Page, { text: "甲" }), "n5");
    expect(renders).toBe(5);
  });
});
