// @ts-check
// `npm start`'s build step (decision 036): builds with `npm run build` only when the sources changed since
// the last build this step made, and once more when esbuild dies of its service deadlock. `npm run build`
// itself always builds.
import { fileURLToPath } from "node:url";
import { buildWithRetry, decideBuild, removeStamp, runCommand, writeStamp } from "./build-stamp.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
/** @param {string} message */
const log = (message) => console.log(`npm start: ${message}`);

const started = Date.now();
const decision = decideBuild(root);
if (!decision.build) {
  log(`${decision.reason} (sources ${decision.inputs.slice(0, 12)}): starting without a build`);
  process.exit(0);
}
log(`${decision.reason}: building`);
removeStamp(root);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const result = await buildWithRetry(() => runCommand(npm, ["run", "build"], { cwd: root }), log);
if (result.code !== 0) {
  log(`the build failed (exit code ${result.code}); the portal is not started`);
  process.exit(result.code);
}
writeStamp(root, decision.inputs);
log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s${result.attempts > 1 ? " (second attempt)" : ""}`);
