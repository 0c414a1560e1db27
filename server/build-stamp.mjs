// @ts-check
// The start stamp (decision 036): `npm start` builds only when the build's inputs changed since the last
// build it made, and builds once more when esbuild crashes with its service deadlock (evanw/esbuild#3287).
// The functions here take the folder and the command runner as arguments, so the unit test drives them on a
// temporary folder with a fake build. server/start-build.mjs is the command.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * What the build reads, relative to the project folder. content/ is not here: the server reads it at run
 * time (app/content/load.server.ts), so a content change needs a restart, not a build. db/ holds the
 * schema, connection and seed the Remix build bundles, and CLIs it does not (counted too: a needless
 * rebuild costs seconds, a missed one serves old code); its migrations are read at run time.
 */
export const BUILD_INPUTS = [
  "app",
  "server",
  "public",
  "db",
  "package.json",
  "package-lock.json",
  "remix.config.js",
  "tsconfig.json",
];

/** Inside the inputs but written by the build (the browser bundle) or read at run time (migrations). */
const NOT_INPUTS = new Set(["public/build", "db/migrations"]);

/** What the build writes: the server bundles in build/ and the browser bundle. */
export const BUILD_OUTPUTS = ["build", "public/build"];

/** The stamp, inside build/ so that removing the build removes it. */
export const STAMP_FILE = "build/.start-stamp.json";

/** The line esbuild's Go service prints when it deadlocks (evanw/esbuild#3287). */
export const ESBUILD_DEADLOCK = "fatal error: all goroutines are asleep - deadlock!";

/**
 * Every file under the given entries, as sorted paths relative to `root` with `/` separators. Names that
 * start with a dot (editor and OS litter, the stamp itself) are skipped, as are the `skip` paths.
 * @param {string} root
 * @param {readonly string[]} entries
 * @param {ReadonlySet<string>} skip
 */
function listFiles(root, entries, skip) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} path */
  const walk = (path) => {
    const rel = relative(root, path).split(sep).join("/");
    if (skip.has(rel)) return;
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) if (!name.startsWith(".")) walk(join(path, name));
    } else files.push(rel);
  };
  for (const entry of entries) walk(join(root, entry));
  return files.sort();
}

/**
 * One SHA-256 over the paths and contents of the files (contents, not times: a checkout that rewrites a
 * file with the same text is no change).
 * @param {string} root
 * @param {readonly string[]} entries
 * @param {ReadonlySet<string>} [skip]
 */
export function hashTree(root, entries, skip = new Set()) {
  const hash = createHash("sha256");
  const files = listFiles(root, entries, skip);
  for (const file of files) {
    hash.update(file).update("\0");
    hash
      .update(
        createHash("sha256")
          .update(readFileSync(join(root, file)))
          .digest("hex"),
      )
      .update("\0");
  }
  return { hash: hash.digest("hex"), files: files.length };
}

/** @param {string} root */
export const hashInputs = (root) => hashTree(root, BUILD_INPUTS, NOT_INPUTS).hash;

/** @param {string} root */
export const hashOutputs = (root) => hashTree(root, BUILD_OUTPUTS).hash;

/**
 * Whether `npm start` must build. It skips only when the stamp names the inputs as they are now and the
 * outputs as they are now: a `npm run dev` build, a hand-deleted bundle or an interrupted build all change
 * the outputs, and then it builds.
 * @param {string} root
 * @returns {{ build: boolean, reason: string, inputs: string }}
 */
export function decideBuild(root) {
  const inputs = hashInputs(root);
  const path = join(root, STAMP_FILE);
  if (!existsSync(path)) return { build: true, reason: "no stamp of an earlier build", inputs };
  /** @type {{ inputs?: unknown, outputs?: unknown }} */
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return { build: true, reason: "the stamp is unreadable", inputs };
  }
  if (stamp.inputs !== inputs) return { build: true, reason: "the sources changed since the last build", inputs };
  if (stamp.outputs !== hashOutputs(root))
    return { build: true, reason: "the build output changed since the last build", inputs };
  return { build: false, reason: "the build is up to date", inputs };
}

/**
 * Records a finished build. `inputs` is the hash taken before the build started, so a file edited during
 * the build makes the next start build again.
 * @param {string} root
 * @param {string} inputs
 */
export function writeStamp(root, inputs) {
  const path = join(root, STAMP_FILE);
  const stamp = { inputs, outputs: hashOutputs(root), builtAt: new Date().toISOString() };
  writeFileSync(`${path}.tmp`, `${JSON.stringify(stamp, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

/** @param {string} root */
export function removeStamp(root) {
  rmSync(join(root, STAMP_FILE), { force: true });
}

/**
 * A failed build is tried once more only when it died of the esbuild deadlock, and only after the first
 * attempt: any other failure (a type of error in the code, a missing file) fails at once.
 * @param {{ code: number, output: string }} result
 * @param {number} attempt 1 for the first build
 */
export function shouldRetry(result, attempt) {
  return result.code !== 0 && attempt === 1 && result.output.includes(ESBUILD_DEADLOCK);
}

/**
 * Runs the build through `run` and tries once more after an esbuild deadlock.
 * @param {() => Promise<{ code: number, output: string }>} run
 * @param {(message: string) => void} log
 * @returns {Promise<{ code: number, attempts: number }>}
 */
export async function buildWithRetry(run, log) {
  for (let attempt = 1; ; attempt++) {
    const result = await run();
    if (result.code === 0) return { code: 0, attempts: attempt };
    if (!shouldRetry(result, attempt)) return { code: result.code, attempts: attempt };
    log("esbuild's service deadlocked (evanw/esbuild#3287), a crash of the tool, not of the code: building once more");
  }
}

/** How much of a command's output is kept to look for the deadlock line (it comes at the end). */
const KEPT_OUTPUT = 64 * 1024;

/**
 * Runs a command with its output passed through to this process's, and keeps the tail of that output.
 * The command's own children (esbuild's Go service) write to the same pipes.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd?: string, echo?: boolean }} [options]
 * @returns {Promise<{ code: number, output: string }>}
 */
export function runCommand(command, args, { cwd, echo = true } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    /** @param {NodeJS.WriteStream} sink */
    const keep = (sink) => (/** @type {Buffer} */ chunk) => {
      if (echo) sink.write(chunk);
      output = (output + chunk.toString("utf8")).slice(-KEPT_OUTPUT);
    };
    child.stdout.on("data", keep(process.stdout));
    child.stderr.on("data", keep(process.stderr));
    child.on("error", (error) => resolve({ code: 127, output: `${output}\n${error.message}` }));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}
