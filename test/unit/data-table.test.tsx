import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable } from "~/ui/data-table";

const body = (
  <tbody>
    <tr>
      <th scope="row">A</th>
      <td>1</td>
    </tr>
  </tbody>
);

/** The value of `name` on the first element `tag` in `html`. */
function attribute(html: string, tag: string, name: string): string | undefined {
  const element = new RegExp(`<${tag}\\b[^>]*>`).exec(html)?.[0] ?? "";
  return new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
}

describe("DataTable", () => {
  it("wraps the table in a keyboard-focusable region named by its caption", () => {
    const html = renderToStaticMarkup(<DataTable caption="各维度得分">{body}</DataTable>);
    expect(attribute(html, "div", "class")).toBe("table-scroll");
    expect(attribute(html, "div", "role")).toBe("region");
    expect(attribute(html, "div", "tabindex")).toBe("0");
    const captionId = attribute(html, "caption", "id");
    expect(captionId).toBeTruthy();
    expect(attribute(html, "div", "aria-labelledby")).toBe(captionId);
    expect(html).toContain(">各维度得分</caption>");
    expect(html).toMatch(/^<div[^>]*><table><caption[^>]*>各维度得分<\/caption><tbody>/);
  });

  it("keeps a given table id, caption id and classes", () => {
    const html = renderToStaticMarkup(
      <DataTable
        id="table-region"
        captionId="table-region-caption"
        className="wide"
        captionClassName="visually-hidden"
        caption="Overall score by region"
      >
        {body}
      </DataTable>,
    );
    expect(attribute(html, "table", "id")).toBe("table-region");
    expect(attribute(html, "table", "class")).toBe("wide");
    expect(attribute(html, "caption", "id")).toBe("table-region-caption");
    expect(attribute(html, "caption", "class")).toBe("visually-hidden");
    expect(attribute(html, "div", "aria-labelledby")).toBe("table-region-caption");
  });

  it("gives each table on a page its own caption id", () => {
    const html = renderToStaticMarkup(
      <>
        <DataTable caption="One">{body}</DataTable>
        <DataTable caption="Two">{body}</DataTable>
      </>,
    );
    const ids = [...html.matchAll(/<caption id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it("requires a caption (a type error, checked by tsc)", () => {
    const uncaptioned = (
      // @ts-expect-error caption is required: a table with no name is an unlabelled region
      <DataTable>{body}</DataTable>
    );
    expect(uncaptioned.props).not.toHaveProperty("caption");
  });
});
