import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/cases/markdown.server";

describe("case markdown", () => {
  it("keeps ordinary formatting and safe links", () => {
    const html = renderMarkdown("**加粗** and a [link](https://www.samr.gov.cn/)\n\n- one\n- two");
    expect(html).toContain("<strong>加粗</strong>");
    expect(html).toContain('<a href="https://www.samr.gov.cn/" rel="nofollow noopener ugc">link</a>');
    expect(html).toContain("<li>one</li>");
  });

  it.each([
    ["<script>alert(1)</script>", /<script/],
    ["[x](javascript:alert(1))", /href/],
    ["[x](JaVaScRiPt:alert(1))", /href/],
    ["[x]( javascript:alert(1))", /href/],
    ["<img src=x onerror=alert(1)>", /<img/],
    ["![tracker](https://evil.example/pixel.png)", /<img/],
    ["<iframe src=https://evil.example></iframe>", /<iframe/],
    ["[x](data:text/html;base64,PHNjcmlwdD4=)", /href/],
    ['<a href="javascript:alert(1)">x</a>', /<a /],
    ["[x](//evil.example/)", /href/],
  ])("neutralises %s (shown as text, never as markup)", (source, forbidden) => {
    const html = renderMarkdown(source);
    expect(html.toLowerCase()).not.toMatch(forbidden);
    expect(html).toMatch(/^<p>/);
  });

  it("never emits a script tag, an event handler or a javascript: URL, whatever the input", () => {
    const pieces = fc.constantFrom(
      "<script>",
      "</script>",
      "<img src=x onerror=alert(1)>",
      "[a](",
      "javascript:",
      ")",
      "<",
      ">",
      '"',
      "'",
      "onload=",
      "**",
      "\n\n",
      "&#106;avascript:",
      "<svg onload=1>",
      "`",
      "java\tscript:",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 20 }), (parts) => {
        const html = renderMarkdown(parts.join("")).toLowerCase();
        expect(html).not.toMatch(/<script|<img|<svg|<iframe/);
        expect(html).not.toMatch(/<[^>]+\son\w+=/);
        expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/);
      }),
    );
  });
});
