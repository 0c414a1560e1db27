// ESLint flat config. Style (layout) is Prettier's job; this file holds correctness rules, import order
// and the module boundaries of the app (section "Boundaries" below, tested by test/lint/boundaries.test.ts).
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import globals from "globals";
import tseslint from "typescript-eslint";

// ---------------------------------------------------------------------------------------------------------
// Boundaries. Each restricted import is one pattern with its own message, so a file that falls in several
// groups gets the union of their patterns (a later flat-config block replaces a rule's options, it does not
// merge them). Type-only imports (`import type`, or `import { type X }` with only type specifiers) are
// erased at build time, so every pattern allows them.

/** Values from a `.server` module (`~/platform/db.server`, `./form.server`…). */
const serverModule = (message) => ({ regex: "\\.server(\\.[cm]?[jt]sx?)?$", allowTypeImports: true, message });
/** The database drivers and the query builder. */
const databasePackages = (message) => ({
  regex: "^(drizzle-orm[^/]*|pg|pg-[^/]+|@electric-sql/pglite[^/]*)(/.*)?$",
  allowTypeImports: true,
  message,
});
/** The db/ folder (schema, connect, seed, synth), through the `~db/` alias or a relative path. */
const databaseFolder = (message) => ({ regex: "^(~db|(\\.\\./)+db)(/.*)?$", allowTypeImports: true, message });
/** The app's database handle. */
const databaseHandle = (message) => ({ regex: "^~/platform/db\\.server$", allowTypeImports: true, message });

const COMPONENT_MESSAGE =
  "Components run in the browser too: import only types from a .server module, and get its values through the route's loader.";
const CLIENT_MESSAGE =
  "A *.client module runs only in the browser: it may import types, never values, from .server modules or the database.";
const PURE_MESSAGE =
  "A module without .server in its name is pure: no database, drizzle or .server values. Take the data as arguments, or name the module *.server.ts.";
const ROUTE_MESSAGE = "Routes reach the database through a feature's .server module, not directly.";

const restrict = (...patterns) => ({ "@typescript-eslint/no-restricted-imports": ["error", { patterns }] });

/** Routes: app/routes/** and app/root.tsx (the root route: its loader is stripped from the browser build like any route's). */
const ROUTES = ["app/routes/**", "app/root.tsx"];

const boundaries = [
  {
    name: "boundaries/components",
    files: ["app/**/*.tsx"],
    ignores: [...ROUTES, "**/*.server.tsx", "app/entry.server.tsx"],
    rules: restrict(serverModule(COMPONENT_MESSAGE)),
  },
  {
    name: "boundaries/routes",
    files: ROUTES,
    rules: restrict(databaseHandle(ROUTE_MESSAGE), databaseFolder(ROUTE_MESSAGE), databasePackages(ROUTE_MESSAGE)),
  },
  {
    name: "boundaries/pure-modules",
    files: ["app/**/*.ts"],
    ignores: ["app/routes/**", "**/*.server.ts"],
    rules: restrict(serverModule(PURE_MESSAGE), databaseFolder(PURE_MESSAGE), databasePackages(PURE_MESSAGE)),
  },
  {
    // Last, so it wins where it overlaps the blocks above; its patterns include theirs.
    name: "boundaries/client-modules",
    files: ["**/*.client.ts", "**/*.client.tsx"],
    rules: restrict(serverModule(CLIENT_MESSAGE), databaseFolder(CLIENT_MESSAGE), databasePackages(CLIENT_MESSAGE)),
  },
  {
    // release_cells has one reader and one writer: every public read goes through read.server.ts, which only
    // hands out published releases, and only build.server.ts writes cells.
    name: "boundaries/release-cells",
    files: ["**/*.{ts,tsx,js,mjs}"],
    // Tests and the bench inspect the stored table on purpose, as the raw-SQL rule below also allows.
    ignores: ["test/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(~db|(\\.\\./)+db)/schema$",
              importNames: ["releaseCells"],
              message:
                "release_cells is read only by app/statistics/release/read.server.ts and written only by build.server.ts: call those.",
            },
          ],
        },
      ],
    },
  },
  {
    // The same rule for raw SQL, which the import rule cannot see. Tests are left out: they inspect the
    // stored table on purpose.
    name: "boundaries/release-cells-sql",
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts"],
    ignores: ["db/schema.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "TemplateElement[value.raw=/\\brelease_cells\\b/], Literal[value=/\\brelease_cells\\b/]",
          message:
            "release_cells is read only by app/statistics/release/read.server.ts and written only by build.server.ts: call those.",
        },
      ],
    },
  },
  {
    name: "boundaries/release-cells-owners",
    // db/connect.ts hands the whole schema (`import * as schema`) to drizzle for its types; it reads nothing.
    files: ["app/statistics/release/read.server.ts", "app/statistics/release/build.server.ts", "db/connect.ts"],
    rules: { "no-restricted-imports": "off", "no-restricted-syntax": "off" },
  },
];

// ---------------------------------------------------------------------------------------------------------
// One import style: the aliases ~/ (app), ~db/ (db) and ~test/ (test) across folders, ./ for a sibling
// or a subfolder. A path that climbs (`../`) is refused, in static imports, re-exports and import().

const climbs = (source) => typeof source?.value === "string" && source.value.startsWith("../");
const importStyle = {
  rules: {
    "no-parent-imports": {
      meta: {
        type: "suggestion",
        messages: { climb: "Import {{path}} through its alias (~/, ~db/ or ~test/), not a ../ path." },
        schema: [],
      },
      create(context) {
        const check = (node) => {
          if (climbs(node.source))
            context.report({ node: node.source, messageId: "climb", data: { path: node.source.value } });
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};

// ---------------------------------------------------------------------------------------------------------

export default defineConfig([
  globalIgnores([
    "build/",
    "public/build/",
    ".cache/",
    "data/",
    "test-results/",
    "playwright-report/",
    "db/migrations/",
    "content/",
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    name: "project/language",
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    name: "project/browser",
    files: ["app/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    name: "project/public-scripts",
    files: ["public/**/*.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
  },
  {
    name: "project/prefer-const",
    rules: {
      // A callback declared before the one assignment may read the variable (entry.server.tsx's abort
      // timer is cleared by a stream callback created before setTimeout): such a `let` cannot be a const.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },

  {
    name: "project/react",
    files: ["**/*.tsx"],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
    rules: {
      // A scrolling table is wrapped in a focusable role="region" so keyboard users can scroll it; axe,
      // which the end-to-end tests run, requires that (scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": [
        "error",
        { tags: [], roles: ["tabpanel", "region"], allowExpressionValues: true },
      ],
    },
  },

  {
    name: "project/import-order",
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      // One block, no blank lines (the codebase's style): side effects, node:, packages, ~db/, ~/, ~test/, relative.
      "simple-import-sort/imports": [
        "error",
        { groups: [["^\\u0000", "^node:", "^@?\\w", "^~db/", "^~/", "^~test/", "^\\."]] },
      ],
      "simple-import-sort/exports": "error",
    },
  },

  {
    name: "project/typescript",
    files: ["**/*.{ts,tsx}"],
    // Aliases resolve in TypeScript (tsc, Vite, esbuild, Playwright); plain .mjs scripts run in bare Node.
    plugins: { "import-style": importStyle },
    rules: {
      "import-style/no-parent-imports": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // Module augmentation (`interface AppLoadContext extends RequestContext {}`) needs an interface.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
      // A leading underscore marks a binding kept on purpose: `{ indicators: _indicators, ...rest }` drops a
      // field, `(_x) =>` keeps a callback's shape.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },

  ...boundaries,
]);
