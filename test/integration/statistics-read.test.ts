import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import {
  findCell,
  findCells,
  latestPublicRelease,
  listPublicReleases,
  nationalCellAcrossReleases,
  publicReleaseByNumber,
  streamCells,
} from "~/statistics/release/read.server";
import { useIsolatedDatabase } from "~test/support/database";
import { fullCubeCells, insertRelease } from "~test/support/releases";

useIsolatedDatabase();

describe("reading statistics releases", () => {
  it("has nothing public before a release is published", async () => {
    await insertRelease(db(), { number: 1, status: "built" });
    expect(await latestPublicRelease()).toBeNull();
    expect(await listPublicReleases()).toEqual([]);
    expect(await publicReleaseByNumber(1)).toBeNull();
  });

  describe("with published, superseded and unpublished releases", () => {
    beforeAll(async () => {
      await db().execute(
        sql`update statistics_releases set status = 'superseded', published_at = now() where number = 1`,
      );
      await insertRelease(db(), { number: 2, shift: 2 });
      await insertRelease(db(), { number: 3, status: "built", shift: 4 });
      await insertRelease(db(), { number: 4, status: "building", periods: ["2026"] });
    });

    it("lists only published and superseded releases, newest first, and marks the latest published one", async () => {
      const list = await listPublicReleases();
      expect(list.map((r) => [r.number, r.status, r.latest])).toEqual([
        [2, "published", true],
        [1, "superseded", false],
      ]);
      expect((await latestPublicRelease())?.number).toBe(2);
      expect((await publicReleaseByNumber(1))?.latest).toBe(false);
      expect(await publicReleaseByNumber(3)).toBeNull();
      expect(await publicReleaseByNumber(4)).toBeNull();
      expect(await publicReleaseByNumber(99)).toBeNull();
      expect(await publicReleaseByNumber(0)).toBeNull();
    });

    it("reads cells by exact cube keys", async () => {
      const release = (await publicReleaseByNumber(2))!;
      const industries = await findCells(release, { period: "2025", region: "*", size: "*" });
      expect(industries.map((c) => c.industry).sort()).toEqual([
        "*",
        "C13",
        "C34",
        "C36",
        "G:consumer-goods",
        "G:equipment",
      ]);
      const provinces = await findCells(release, { period: "2025", industry: "C36", size: "*", region: { not: "*" } });
      expect(provinces.map((c) => c.region)).toEqual(["110000", "320000", "330000", "440000", "650000"]);
      const beijing = provinces.find((c) => c.region === "110000")!;
      expect(beijing).toMatchObject({ suppressed: true, reason: "threshold", metrics: null });
      const zhejiang = provinces.find((c) => c.region === "330000")!;
      expect(zhejiang.suppressed).toBe(false);
      expect(zhejiang.metrics!.firms).toBeGreaterThanOrEqual(10);
      expect(await findCell(release, { period: "2025", industry: "C36", region: "330000", size: "*" })).toEqual(
        zhejiang,
      );
      expect(await findCell(release, { period: "2025", industry: "C99", region: "*", size: "*" })).toBeNull();
      expect(await findCell(release, { period: "2019", industry: "*", region: "*", size: "*" })).toBeNull();
    });

    it("streams the same cells in key order, page by page", async () => {
      const release = (await publicReleaseByNumber(2))!;
      const all = await findCells(release, {});
      expect(all).toHaveLength(2 * 6 * 6 * 4);
      const streamed = [];
      for await (const page of streamCells(release, {}, 37)) streamed.push(...page);
      expect(streamed).toEqual(all);
    });

    it("compares one period across public releases only", async () => {
      const across = await nationalCellAcrossReleases("2025");
      expect(across.map((a) => a.release.number)).toEqual([1, 2]);
      expect(across[1]!.cell.metrics!.overall.mean).not.toBe(across[0]!.cell.metrics!.overall.mean);
    });
  });

  it("answers cell queries through the primary key on a release of ~30,000 cells", async () => {
    const industries = [
      "*",
      "G:raw-materials",
      "G:equipment",
      "G:consumer-goods",
      "G:electronics",
      ...Array.from({ length: 31 }, (_, i) => `C${13 + i}`),
    ];
    const regions = ["*", ...Array.from({ length: 31 }, (_, i) => String(110000 + i * 10000))];
    const periods = ["2021", "2022", "2023", "2024", "2025"];
    await insertRelease(db(), { number: 10, periods, cells: fullCubeCells(periods, industries, regions) });
    await db().execute(sql`analyze release_cells`);
    const release = (await publicReleaseByNumber(10))!;
    expect(release.summary.cells).toBeGreaterThan(28_000);
    const started = performance.now();
    const provinces = await findCells(release, { period: "2025", industry: "C36", size: "*", region: { not: "*" } });
    const industryRow = await findCells(release, { period: "2025", region: "*", size: "*" });
    const one = await findCell(release, { period: "2024", industry: "C36", region: "130000", size: "small" });
    const elapsed = performance.now() - started;
    expect(provinces).toHaveLength(31);
    expect(industryRow).toHaveLength(36);
    expect(one).not.toBeNull();
    expect(elapsed).toBeLessThan(1500);
    const plan = await db().execute(
      sql`explain select * from release_cells where release_id = ${release.id} and period = '2025' and industry = 'C36' and size = '*' and region <> '*'`,
    );
    const text = JSON.stringify((plan as unknown as { rows: unknown[] }).rows ?? plan);
    expect(text).toMatch(/Index/);
  });
});
