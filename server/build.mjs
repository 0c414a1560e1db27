// @ts-check
// Bundles server/index.ts (and the pure app modules it imports through `~/`) into build/server.js,
// so production runs plain Node without tsx. Packages stay imports, resolved from node_modules at
// run time. The Remix build is not bundled: server/remix-build.ts imports it at run time.
//
// Why a plugin and not `packages: "external"`: the esbuild in the tree (0.17.6, the Remix
// compiler's) applies that rule before tsconfig paths, so `~/…` would be left as an import.
import { build } from "esbuild";

/**
 * Bare imports (packages, node: builtins) stay imports; `~/` goes on to tsconfig paths. Server-only
 * app code (`*.server`, `~db/`) is refused: bundled here it would be a second copy, with its own
 * state, beside the Remix build's. The HTTP layer reaches it through server/remix-build.ts.
 */
const packagesExternal = {
  name: "packages-external",
  /** @param {import("esbuild").PluginBuild} b */
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
      if (/\.server(\.[jt]sx?)?$/.test(path) || path.startsWith("~db/")) {
        return {
          errors: [
            { text: `${path} (imported by ${importer}) is server-only app code: use it through server/remix-build.ts` },
          ],
        };
      }
      return path.startsWith("~/") ? undefined : { path, external: true };
    });
  },
};

await build({
  entryPoints: ["server/index.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: "tsconfig.json",
  plugins: [packagesExternal],
  logLevel: "warning",
});
