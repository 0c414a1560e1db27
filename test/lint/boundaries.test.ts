// Each module boundary in eslint.config.js fires on a file that breaks it, and stays quiet on the same
// code made legal (a type-only import, or a file where the import is allowed). The files need not exist:
// ESLint picks the rules by the path given.
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const BOUNDARY_RULES = new Set([
  "@typescript-eslint/no-restricted-imports",
  "no-restricted-imports",
  "no-restricted-syntax",
  "import-style/no-parent-imports",
]);
const TS_RESTRICTED = "@typescript-eslint/no-restricted-imports";
const RELEASE_CELLS_IMPORT = "no-restricted-imports";
const RELEASE_CELLS_SQL = "no-restricted-syntax";
const CLIMB = "import-style/no-parent-imports";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: fileURLToPath(new URL("../..", import.meta.url)) });
});

/** The boundary rules reported for `code` as if it were the file at `filePath` (relative to the repository). */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, `parse errors in the snippet for ${filePath}`).toEqual([]);
  return result!.messages.filter((m) => m.ruleId && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.ruleId!);
}

type Case = [file: string, code: string, expected: string[]];

const check = (cases: Case[]) =>
  it.each(cases)("%s: %s", async (file, code, expected) => {
    expect(await boundaryErrors(file, `${code}\nexport const used = [x];\n`)).toEqual(expected);
  });

describe("components and *.client modules import only types from .server modules", () => {
  check([
    ["app/report/fixture-view.tsx", 'import { loadReport as x } from "~/report/report.server";', [TS_RESTRICTED]],
    ["app/report/fixture-view.tsx", 'import { type ReportData as x } from "~/report/report.server";', []],
    ["app/report/fixture-view.tsx", 'import type { ReportData as x } from "~/report/report.server";', []],
    [
      "app/report/fixture-view.tsx",
      'import { loadReport as x, type ReportData } from "~/report/report.server";',
      [TS_RESTRICTED],
    ],
    ["app/report/fixture-view.tsx", 'import { x } from "./helpers.server";', [TS_RESTRICTED]],
    ["app/assessment/fixture.client.tsx", 'import { db as x } from "~/platform/db.server";', [TS_RESTRICTED]],
    ["app/assessment/fixture.client.tsx", 'import type { Db as x } from "~/platform/db.server";', []],
    ["app/assessment/fixture.client.ts", 'import { sql as x } from "drizzle-orm";', [TS_RESTRICTED]],
    ["app/assessment/fixture.client.tsx", 'import { sql as x } from "drizzle-orm";', [TS_RESTRICTED]],
    ["app/routes/fixture.client.tsx", 'import { loadReport as x } from "~/report/report.server";', [TS_RESTRICTED]],
    // Where a .server value is allowed: server-only files, routes (the loader is stripped from the browser build).
    ["app/report/fixture-view.server.tsx", 'import { loadReport as x } from "~/report/report.server";', []],
    ["app/entry.server.tsx", 'import { logger as x } from "~/platform/logger.server";', []],
    ["app/routes/fixture.tsx", 'import { loadReport as x } from "~/report/report.server";', []],
    ["app/root.tsx", 'import { getCaller as x } from "~/accounts/guard.server";', []],
  ]);
});

describe("pure modules import no database, drizzle or .server module", () => {
  const pure = "app/statistics/disclosure/fixture.ts";
  check([
    [pure, 'import { sql as x } from "drizzle-orm";', [TS_RESTRICTED]],
    [pure, 'import { pgTable as x } from "drizzle-orm/pg-core";', [TS_RESTRICTED]],
    [pure, 'import x from "pg";', [TS_RESTRICTED]],
    [pure, 'import { PGlite as x } from "@electric-sql/pglite";', [TS_RESTRICTED]],
    [pure, 'import { users as x } from "~db/schema";', [TS_RESTRICTED]],
    [pure, 'import { openDatabase as x } from "~db/connect";', [TS_RESTRICTED]],
    [pure, 'import { users as x } from "../../../db/schema";', [TS_RESTRICTED, CLIMB]],
    [pure, 'import { db as x } from "~/platform/db.server";', [TS_RESTRICTED]],
    [pure, 'import { loadStatsPage as x } from "~/statistics/publish/view.server";', [TS_RESTRICTED]],
    [pure, 'import type { User as x } from "~db/schema";', []],
    [pure, 'import { type SQL as x } from "drizzle-orm";', []],
    [pure, 'import { pick as x } from "~/i18n/locales";', []],
    // Packages that only share a prefix are not the database.
    [pure, 'import x from "pgtools-unrelated";', []],
    ["app/statistics/disclosure/fixture.server.ts", 'import { sql as x } from "drizzle-orm";', []],
    ["app/assessment/scoring-fixture.ts", 'import { db as x } from "~/platform/db.server";', [TS_RESTRICTED]],
  ]);
});

describe("routes do not import the database", () => {
  const route = "app/routes/fixture.tsx";
  check([
    [route, 'import { db as x } from "~/platform/db.server";', [TS_RESTRICTED]],
    [route, 'import { users as x } from "~db/schema";', [TS_RESTRICTED]],
    [route, 'import { eq as x } from "drizzle-orm";', [TS_RESTRICTED]],
    ["app/routes/fixture.ts", 'import x from "pg";', [TS_RESTRICTED]],
    ["app/root.tsx", 'import { db as x } from "~/platform/db.server";', [TS_RESTRICTED]],
    [route, 'import type { User as x } from "~db/schema";', []],
    [route, 'import { loadStatsPage as x } from "~/statistics/publish/view.server";', []],
  ]);
});

describe("release_cells has one reader and one writer", () => {
  check([
    ["app/report/fixture.server.ts", 'import { releaseCells as x } from "~db/schema";', [RELEASE_CELLS_IMPORT]],
    [
      "app/statistics/release/fixture.server.ts",
      'import { releaseCells as x, statisticsReleases } from "~db/schema";',
      [RELEASE_CELLS_IMPORT],
    ],
    ["db/fixture.ts", 'import { releaseCells as x } from "~db/schema";', [RELEASE_CELLS_IMPORT]],
    ["test/support/fixture.ts", 'import { releaseCells as x } from "~db/schema";', []],
    ["db/fixture-cli.ts", 'import * as x from "~db/schema";', [RELEASE_CELLS_IMPORT]],
    ["app/report/fixture.server.ts", 'import { statisticsReleases as x } from "~db/schema";', []],
    ["app/statistics/release/read.server.ts", 'import { releaseCells as x } from "~db/schema";', []],
    ["app/statistics/release/build.server.ts", 'import { releaseCells as x } from "~db/schema";', []],
    // Raw SQL that names the table.
    [
      "app/report/fixture.server.ts",
      'import { sql } from "drizzle-orm";\nconst x = sql`select metrics from release_cells where release_id = ${1}`;',
      [RELEASE_CELLS_SQL],
    ],
    [
      "app/report/fixture.server.ts",
      'import { sql } from "drizzle-orm";\nconst x = sql.raw("select * from release_cells");',
      [RELEASE_CELLS_SQL],
    ],
    [
      "app/report/fixture.server.ts",
      'import { sql } from "drizzle-orm";\nconst x = sql`select * from statistics_releases`;',
      [],
    ],
    [
      "app/statistics/release/read.server.ts",
      'import { sql } from "drizzle-orm";\nconst x = sql`select * from release_cells`;',
      [],
    ],
  ]);
});

describe("one import style: aliases across folders, ./ within one", () => {
  check([
    ["test/integration/fixture.test.ts", 'import { useIsolatedDatabase as x } from "../support/database";', [CLIMB]],
    ["app/report/fixture.server.ts", 'export { buildReport as x } from "../report/report.server";', [CLIMB]],
    ["server/fixture.ts", 'const x = await import("../app/entry.server");', [CLIMB]],
    ["app/report/fixture.tsx", 'import type { ReportData as x } from "../report/assemble";', [CLIMB]],
    ["test/integration/fixture.test.ts", 'import { useIsolatedDatabase as x } from "~test/support/database";', []],
    ["server/fixture.ts", 'import { createLog as x } from "./log";', []],
    ["test/e2e/fixture.spec.ts", 'import { signIn as x } from "./support/helpers";', []],
  ]);
});
