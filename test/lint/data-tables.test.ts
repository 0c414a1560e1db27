// Every table in the app is a DataTable (app/ui/data-table.tsx), which puts it in a captioned, keyboard-
// scrollable region: a raw <table> anywhere else under app/ fails here, naming the file and line. Source
// files are parsed, so a comment that mentions "<table>" (a URL pattern, say) is not a table; a JSX
// element or a string holding "<table" is. Any other file under app/ is searched as plain text.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ALLOWED = "app/ui/data-table.tsx";
const RAW = /<table[\s>/]/i;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The 1-based lines of `text` that hold a <table> element or a "<table" string (comments ignored for source). */
function rawTableLines(path: string, text: string): number[] {
  if (!/<table/i.test(text)) return [];
  if (!/\.[cm]?[jt]sx?$/.test(path)) return text.split("\n").flatMap((line, i) => (RAW.test(line) ? [i + 1] : []));
  const kind = path.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    const element =
      (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText(source) === "table";
    const literal =
      (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) && RAW.test(node.text);
    if (element || literal) lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

const files = filesUnder(join(ROOT, "app")).map((path) => relative(ROOT, path).split("\\").join("/"));

describe("tables", () => {
  it("are rendered only by DataTable", () => {
    const found = files
      .filter((file) => file !== ALLOWED)
      .flatMap((file) => rawTableLines(file, readFileSync(join(ROOT, file), "utf8")).map((line) => `${file}:${line}`));
    expect(found, `raw <table> outside ${ALLOWED}: use <DataTable caption=…> from ~/ui/data-table`).toEqual([]);
  });

  it("are found by the check (it is not vacuous)", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(rawTableLines(ALLOWED, readFileSync(join(ROOT, ALLOWED), "utf8"))).toHaveLength(1);
    expect(rawTableLines("app/x.tsx", "// <table> in a comment\nexport const x = <table />;")).toEqual([2]);
    expect(rawTableLines("app/x.ts", 'export const x = "<table>";')).toEqual([1]);
    expect(rawTableLines("app/x.ts", "/* <table> */ export const x = `<tablet>`;")).toEqual([]);
  });
});
