// `npm run audit:pages`: Lighthouse 12 on the public pages of a built portal (decision 041).
//
// Starts the build (`npm run build` first) on its own port and a fresh PGlite folder with the demo seed
// (cases and a published release to show), runs Lighthouse through its node API in Debian's Chromium,
// prints the four category scores per page and exits 1 when a page is below the targets.
//
//   AUDIT_PAGES=home,statistics,case   the pages (default: all); or --pages home,statistics,case
//   AUDIT_RUNS=3                       performance runs per page, median taken (default 3); or --runs 3
//   AUDIT_PRESET=mobile|desktop        Lighthouse preset (default mobile); or --preset desktop
//   AUDIT_PORT                         the portal's port (default E2E_PORT, else 3210)
//   AUDIT_URL=http://host:port         audit a running portal instead of starting one
//   CHROME_PATH                        the browser (default CHROMIUM_PATH, else /usr/bin/chromium)
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import lighthouse, { desktopConfig, type Flags, type Result } from "lighthouse";
import { CHROMIUM_FLAGS } from "~test/e2e/support/chromium";
import {
  CATEGORIES,
  type Category,
  type PageScores,
  pageScores,
  type Scores,
  scoreTable,
  shortfalls,
  toPercent,
} from "./scores";

/** The public pages of issue 16, each a path or a way to find one (the case page: the library's first case). */
const PAGES: Record<string, string | ((base: string) => Promise<string>)> = {
  home: "/",
  statistics: "/statistics",
  region: "/statistics/region",
  scenes: "/scenes",
  case: firstCasePath,
  guide: "/guide",
};

async function firstCasePath(base: string): Promise<string> {
  const html = await (await fetch(`${base}/cases`)).text();
  const found = /href="(\/cases\/[0-9a-f-]{36})"/.exec(html);
  if (!found) throw new Error("no published case on /cases to audit");
  return found[1]!;
}

const { values: args } = parseArgs({
  options: { pages: { type: "string" }, runs: { type: "string" }, preset: { type: "string" } },
});
const pageNames = (args.pages ?? process.env.AUDIT_PAGES ?? Object.keys(PAGES).join(","))
  .split(",")
  .map((p) => p.trim())
  .filter(Boolean);
const unknown = pageNames.filter((p) => !(p in PAGES));
if (unknown.length) fail(`unknown page(s) ${unknown.join(", ")}; known: ${Object.keys(PAGES).join(", ")}`);
const runs = Number(args.runs ?? process.env.AUDIT_RUNS ?? 3);
if (!Number.isInteger(runs) || runs < 1 || runs > 9) fail("runs must be a whole number from 1 to 9");
const preset = args.preset ?? process.env.AUDIT_PRESET ?? "mobile";
if (preset !== "mobile" && preset !== "desktop") fail("preset must be mobile or desktop");
const chromePath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function fail(message: string): never {
  console.error(`audit:pages: ${message}`);
  process.exit(2);
}

const children: ChildProcess[] = [];
const cleanups: Array<() => void> = [];
function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  for (const clean of cleanups)
    try {
      clean();
    } catch {
      // Chromium may still be writing its profile as it exits: a leftover temporary folder is harmless.
    }
}
process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });

async function until<T>(what: string, seconds: number, probe: () => Promise<T | undefined>): Promise<T> {
  for (let waited = 0; waited < seconds * 4; waited++) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not ready yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not start within ${seconds} s`);
}

/** The built portal through the e2e start script: a fresh PGlite folder of its own, seeded with the demo. */
async function startPortal(): Promise<string> {
  if (process.env.AUDIT_URL) return process.env.AUDIT_URL.replace(/\/$/, "");
  if (!existsSync("build/server.js")) fail("no build: run `npm run build` first");
  const port = Number(process.env.AUDIT_PORT ?? process.env.E2E_PORT ?? 3210);
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    COOKIE_SECURE: "false",
    SEED_DEMO: "true",
    LOG_LEVEL: "warn",
    PGLITE_DIR: `./data/audit-${port}`,
  };
  // Always the embedded database, whichever driver the surrounding test run uses.
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ["test/e2e/support/start-server.mjs"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(server);
  cleanups.push(() => rmSync(env.PGLITE_DIR!, { recursive: true, force: true }));
  server.on("exit", (code) => {
    if (code !== null && code !== 0) fail(`the portal exited with ${code}`);
  });
  await until("the portal", 180, async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined));
  return base;
}

/** Headless Chromium with a DevTools port of its own choosing (read back from DevToolsActivePort). */
async function startChromium(): Promise<number> {
  const profile = mkdtempSync(join(tmpdir(), "qmd-audit-"));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const chrome = spawn(
    chromePath,
    [
      "--headless=new",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      ...CHROMIUM_FLAGS,
      "--no-default-browser-check",
      "about:blank",
    ],
    { stdio: "ignore" },
  );
  children.push(chrome);
  chrome.on("error", (err) => fail(`cannot start ${chromePath}: ${err.message}`));
  return until("Chromium", 30, async () => {
    const [port] = readFileSync(join(profile, "DevToolsActivePort"), "utf8").split("\n");
    return port ? Number(port) : undefined;
  });
}

function categoryScores(lhr: Result): Scores {
  return Object.fromEntries(CATEGORIES.map((c) => [c, toPercent(lhr.categories[c]?.score)])) as Scores;
}

/** The audits that cost a category points, for the log of a page below target. */
function losses(lhr: Result, category: Category): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((a) => a.score !== null && a.score < 1)
    .map((a) => `${a.id} (${a.score}): ${a.displayValue ?? a.title}`);
}

async function main() {
  const started = Date.now();
  const base = await startPortal();
  const port = await startChromium();
  const flags: Flags = { port, output: "json", logLevel: "error" };
  const config = preset === "desktop" ? desktopConfig : undefined;
  // A trace Lighthouse could not record (NO_NAVSTART and the like, seen on a busy machine) is run again.
  const run = async (url: string, only: Category[], attempt = 1): Promise<Result> => {
    const result = await lighthouse(url, { ...flags, onlyCategories: only }, config);
    const error = result ? result.lhr.runtimeError : { code: "NO_RESULT", message: "Lighthouse returned nothing" };
    if (!error) return result!.lhr;
    if (attempt < 3) {
      console.error(`${url}: ${error.code}, running again`);
      return run(url, only, attempt + 1);
    }
    throw new Error(`${url}: ${error.message}`);
  };
  const rows: PageScores[] = [];
  const notes: string[] = [];
  for (const name of pageNames) {
    const target = PAGES[name]!;
    const path = typeof target === "string" ? target : await target(base);
    const full = await run(`${base}${path}`, [...CATEGORIES]);
    const extra: Array<number | null> = [];
    for (let i = 1; i < runs; i++) extra.push(categoryScores(await run(`${base}${path}`, ["performance"])).performance);
    const row = pageScores(name, path, categoryScores(full), extra);
    rows.push(row);
    for (const s of shortfalls([row])) notes.push(`${name} ${s.category}: ${losses(full, s.category).join("; ")}`);
    console.error(`audited ${name} (${path}): ${JSON.stringify(row.scores)}`);
  }
  console.log(
    `Lighthouse 12, ${preset} preset, performance the median of ${runs} run(s), ${Math.round((Date.now() - started) / 1000)} s\n`,
  );
  console.log(scoreTable(rows));
  const below = shortfalls(rows);
  if (below.length) {
    console.log(`\n${below.length} score(s) below target:`);
    for (const note of notes) console.log(`- ${note}`);
    process.exitCode = 1;
  }
}

main().then(
  () => process.exit(),
  (err: unknown) => {
    console.error(`audit:pages: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
