// ESLint flat config. Style (layout) is Prettier's job; this file holds correctness rules and import order.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import globals from "globals";
import tseslint from "typescript-eslint";

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
      // One block, no blank lines (the codebase's style): side effects, node:, packages, ~db/, ~/, relative.
      "simple-import-sort/imports": ["error", { groups: [["^\\u0000", "^node:", "^@?\\w", "^~db/", "^~/", "^\\."]] }],
      "simple-import-sort/exports": "error",
    },
  },

  {
    name: "project/typescript",
    files: ["**/*.{ts,tsx}"],
    rules: {
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
]);
