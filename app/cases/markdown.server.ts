// Case text is markdown written by firms: rendered to HTML with raw HTML disabled and images
// dropped (no remote embeds), then passed through an allow-list sanitiser as a second wall,
// so neither a <script> nor a javascript: link can reach the page.
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false }).disable(["image"]);

const SAFE_SCHEMES = ["http", "https", "mailto"];
markdown.validateLink = (url: string) => {
  const trimmed = url.trim().toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(trimmed)?.[1];
  return scheme === undefined ? !trimmed.startsWith("//") : SAFE_SCHEMES.includes(scheme);
};

const policy: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "del",
  ],
  allowedAttributes: { a: ["href"], ol: ["start"], th: ["align"], td: ["align"] },
  allowedSchemes: SAFE_SCHEMES,
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    // Headings inside a case start below the page's own h1/h2.
    h1: "h3",
    h2: "h4",
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "nofollow noopener ugc" } }),
  },
};
policy.allowedAttributes = { ...(policy.allowedAttributes as Record<string, string[]>), a: ["href", "rel"] };

export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), policy);
}
