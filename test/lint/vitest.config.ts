// The lint tests (run by `npm run lint`, not by the unit or integration projects): they load ESLint
// and the repository's eslint.config.js, and need no aliases, database or browser.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["test/lint/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
