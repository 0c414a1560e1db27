import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The unit project runs without a database: a unit test that loads the connection module, the test
 * database helpers, drizzle-orm or a driver (directly or through anything it imports) fails to load,
 * naming the module and its importer. Such a test belongs in test/integration.
 */
function noDatabase(): Plugin {
  const files = new Set(["app/platform/db.server.ts", "db/connect.ts", "test/support/database.ts"].map(here));
  const packages = /^(pg|@electric-sql\/pglite|drizzle-orm)(\/|$)/;
  const refuse = (what: string, importer: string | undefined): never => {
    throw new Error(
      `unit tests run without a database, but ${importer ?? "a test"} imports ${what}: move the test to test/integration or import a pure module`,
    );
  };
  return {
    name: "unit-no-database",
    enforce: "pre",
    async resolveId(id, importer, options) {
      if (packages.test(id)) refuse(id, importer);
      const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
      if (resolved && files.has(resolved.id)) refuse(resolved.id, importer);
      return resolved;
    },
  };
}

export default defineConfig({
  resolve: {
    alias: {
      "~db": here("./db"),
      "~test": here("./test"),
      "~": here("./app"),
    },
  },
  test: {
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: "silent", NODE_ENV: "test", SEED_DEMO: "false" },
    projects: [
      {
        extends: true,
        plugins: [noDatabase()],
        // Pure tests share one module graph per worker (no per-file re-import): the loop's cost was
        // importing the same modules 35 times, not running tests. A unit test must not leave global state.
        test: { name: "unit", include: ["test/unit/**/*.test.{ts,tsx}"], isolate: false },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          // one migrated template database per run (PGlite, or PostgreSQL with DATABASE_URL)
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
    ],
  },
});
