import type { EntryContext } from "@remix-run/node";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { isPlainPage, plainPageContext, renderPlainPage } from "~/platform/render-cache.server";

const context = (loaderData: Record<string, unknown>, hydrate: boolean | undefined, errors: unknown = null) =>
  ({
    staticHandlerContext: {
      matches: [{ route: { id: "root" } }, { route: { id: "routes/statistics" } }],
      loaderData,
      errors,
    },
    routeModules: { root: {}, "routes/statistics": { handle: hydrate === undefined ? undefined : { hydrate } } },
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
    const a = renderPlainPage(
      req,
      200,
      context({ root: { locale: "zh" } }, false),
      () => createElement(Page, { text: "甲" }),
      "n1",
    );
    const b = renderPlainPage(
      req,
      200,
      context({ root: { locale: "zh" } }, false),
      () => createElement(Page, { text: "甲" }),
      "n2",
    );
    expect(a.toString("utf8")).toBe("<!DOCTYPE html><p>甲</p>");
    expect(b).toBe(a);
    expect(renders).toBe(1);
    renderPlainPage(
      req,
      200,
      context({ root: { locale: "en" } }, false),
      () => createElement(Page, { text: "A" }),
      "n3",
    );
    expect(renders).toBe(2);
    renderPlainPage(
      req,
      200,
      context({ root: { locale: "xx" } }, false),
      () => createElement(Page, { text: "nonce-n4" }),
      "nonce-n4",
    );
    renderPlainPage(
      req,
      200,
      context({ root: { locale: "xx" } }, false),
      () => createElement(Page, { text: "nonce-n4" }),
      "nonce-n4",
    );
    expect(renders).toBe(4);
    // Another URL, or another status, with the same data: rendered again.
    renderPlainPage(
      new Request("http://x/statistics?release=2"),
      200,
      context({ root: { locale: "zh" } }, false),
      () => createElement(Page, { text: "乙" }),
      "n5",
    );
    renderPlainPage(
      req,
      404,
      context({ root: { locale: "zh" } }, false),
      () => createElement(Page, { text: "甲" }),
      "n6",
    );
    expect(renders).toBe(6);
    // Two firms' reports differ in their loader data: each its own render.
    const firm = (id: string) => context({ root: { locale: "zh" }, "routes/report": { firmId: id } }, false);
    const one = renderPlainPage(req, 200, firm("a"), () => createElement(Page, { text: "firm a" }), "n7");
    const two = renderPlainPage(req, 200, firm("b"), () => createElement(Page, { text: "firm b" }), "n8");
    expect(one.toString()).toContain("firm a");
    expect(two.toString()).toContain("firm b");
    expect(renders).toBe(8);
  });

  it("gives a plain page's render its matched routes only, without the hydration data stream", async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({ cancel: () => void (cancelled = true) });
    const full = {
      ...context({}, false),
      manifest: {
        version: "v",
        routes: {
          root: { id: "root" },
          "routes/statistics": { id: "routes/statistics" },
          "routes/admin": { id: "routes/admin" },
        },
      },
      serverHandoffStream: stream,
    } as unknown as EntryContext;
    const lean = plainPageContext(full);
    expect(Object.keys(lean.manifest.routes).sort()).toEqual(["root", "routes/statistics"]);
    expect(lean.manifest.version).toBe("v");
    expect(lean.serverHandoffStream).toBeUndefined();
    expect(lean.staticHandlerContext).toBe(full.staticHandlerContext);
    expect(Object.keys(full.manifest.routes)).toHaveLength(3); // the original is left as it was
    await Promise.resolve();
    expect(cancelled).toBe(true);
  });
});
