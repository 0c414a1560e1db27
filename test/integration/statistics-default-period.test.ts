// A release whose newest period is thin opens on its latest well-populated period, and the section's
// links keep the release and period the reader chose.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createRequestContext } from "~/platform/context";
import { db } from "~/platform/db.server";
import { loader as homeLoader } from "~/routes/_index";
import { loader as layoutLoader } from "~/routes/statistics";
import { loader as overviewLoader } from "~/routes/statistics._index";
import { publishRelease } from "~/statistics/release/build.server";
import { ALL } from "~/statistics/types";
import { useIsolatedDatabase } from "~test/support/database";
import { fixtureCells, insertRelease } from "~test/support/releases";

useIsolatedDatabase();

const args = (path: string) =>
  ({
    request: new Request(`http://portal.test${path}`),
    params: {},
    context: createRequestContext(),
  }) as LoaderFunctionArgs;

describe("the period a statistics page opens on", () => {
  it("stays on the latest well-populated period after a release with a thin current year is published", async () => {
    // Before any release, the home page has no headline to show.
    expect((await homeLoader(args("/"))).headline).toBeNull();
    // 2026 is a few weeks old: the national cell is published, every regional and deeper cell is suppressed.
    const cells = fixtureCells(["2024", "2025", "2026"]).map((c) =>
      c.period === "2026" && !(c.industry === ALL && c.region === ALL && c.size === ALL)
        ? { ...c, suppressed: true as const, reason: "threshold" as const, metrics: null }
        : c,
    );
    const { id } = await insertRelease(db(), { number: 1, status: "built", periods: ["2024", "2025", "2026"], cells });
    await publishRelease(id, null);

    const page = (await overviewLoader(args("/statistics"))).page!;
    expect(page.release.number).toBe(1);
    expect(page.period).toBe("2025");
    // The thin year stays one choice away, and a chosen period is kept.
    expect((await overviewLoader(args("/statistics?period=2026"))).page!.period).toBe("2026");
    expect((await layoutLoader(args("/statistics/industry?period=2026"))).query).toBe("?period=2026");
    expect((await layoutLoader(args("/statistics?release=1&period=2024"))).query).toBe("?release=1&period=2024");
    expect((await layoutLoader(args("/statistics?release=1&period=1999"))).query).toBe("?release=1");
    expect((await layoutLoader(args("/statistics"))).query).toBe("");

    // The home page's headline comes from the same release, period and published cells.
    const home = await homeLoader(args("/"));
    expect(home.signedIn).toBe(false);
    expect(home.headline!.period).toBe("2025");
    expect(home.headline!.national.rows[0]!.values).toEqual(page.tables.national.rows[0]!.values);
    expect(home.headline!.stages.every((s) => s.reason === null && s.value !== null)).toBe(true);
  });
});
