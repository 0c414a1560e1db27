// Bench part "memory" (issue 16 item 5, decision 045): the embedded default as `npm start` runs it (PGlite,
// demo seed, npm start's Node flags) on a fresh data folder. Records the server's RSS once
// it first answers /healthz, then walks every page kind (grouped by route pattern, from app/routes) as the
// demo accounts and an anonymous visitor for BENCH_MEMORY_SECONDS (default 300), and records the RSS again.
// Loopback only; the walk only reads (GET), apart from signing in.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DEMO_PASSWORD = "qmd-demo-2026";
const HOST = "127.0.0.1";
/** Who walks: anonymous, then the demo accounts (README), each from its own start pages. */
const IDENTITIES: Array<{ name: string; email: string | null; seeds: string[] }> = [
  {
    name: "anonymous",
    email: null,
    seeds: [
      "/",
      "/guide",
      "/scenes",
      "/cases",
      "/cases?q=%E8%B4%A8%E9%87%8F",
      "/statistics",
      "/scoring",
      "/questionnaires",
      "/api/v1/releases",
      "/api/v1/openapi.json",
      "/login",
      "/signup",
      "/forgot-password",
      "/no-such-page",
    ],
  },
  { name: "owner", email: "owner@demo.qmd.example", seeds: ["/account", "/firms/new"] },
  { name: "member", email: "member@demo.qmd.example", seeds: ["/account"] },
  {
    name: "analyst",
    email: "analyst@demo.qmd.example",
    seeds: ["/review/cases", "/insights", "/scenes", "/scenes/new"],
  },
  { name: "admin", email: "admin@demo.qmd.example", seeds: ["/admin", "/admin/releases"] },
  { name: "government", email: "gov@demo.qmd.example", seeds: ["/insights"] },
  { name: "governmentZj", email: "gov-zj@demo.qmd.example", seeds: ["/insights"] },
];
/** Never fetched: they act (sign out, switch language) or are not pages. */
const SKIP = /^\/(logout|locale)(\/|$|\?)|^\/(build|assets|fonts)\/|\.(css|js|map|woff2?|png|svg|ico|txt)(\?|$)/;
/** URLs kept per route pattern and identity: an analyst's scene page has links an anonymous one lacks. */
const URLS_PER_KIND = 12;
const CRAWL_LIMIT = 1500;

interface Route {
  pattern: string;
  segments: string[];
}

/** Remix v2 flat-route file names as URL patterns: `firms.$firmId.plan.tsx` → `/firms/:firmId/plan`. */
export function routePatterns(dir = "app/routes"): Route[] {
  const routes: Route[] = [];
  const names = readdirSync(dir).map((file) => file.replace(/\.(tsx|ts)$/, ""));
  for (const file of readdirSync(dir)) {
    const source = readFileSync(join(dir, file), "utf8");
    // Pages are what a GET answers: a loader or a component (action-only routes are not walked).
    if (!/export (async )?function loader|export const loader|export default/.test(source)) continue;
    // Segments split at the dots outside brackets: `openapi[.]json` is one segment, `openapi.json`.
    const segments = file
      .replace(/\.(tsx|ts)$/, "")
      .split(/\.(?![^[]*\])/)
      .filter((s) => s !== "_index" && !s.startsWith("_"))
      .map((s) => s.replace(/_$/, "").replace(/\[\.\]/g, "."))
      .map((s) => (s === "$" ? "*" : s.startsWith("$") ? `:${s.slice(1)}` : s));
    // A layout route (statistics.tsx) is reached through its index; only leaves are page kinds.
    if (names.includes(`${file.replace(/\.(tsx|ts)$/, "")}._index`)) continue;
    routes.push({ pattern: "/" + segments.join("/"), segments });
  }
  return routes;
}

/** The route pattern a path belongs to: the one with most static segments that matches it. */
function kindOf(routes: Route[], path: string): string {
  const parts = path.split("?")[0]!.split("/").filter(Boolean);
  let best: { pattern: string; score: number } | null = null;
  for (const r of routes) {
    let score = 0;
    let ok = true;
    for (let i = 0; i < r.segments.length; i++) {
      const seg = r.segments[i]!;
      if (seg === "*") {
        score -= 100;
        break;
      }
      if (i >= parts.length) {
        ok = false;
        break;
      }
      if (seg.startsWith(":")) continue;
      if (seg !== decodeURIComponent(parts[i]!)) {
        ok = false;
        break;
      }
      score++;
    }
    if (!r.segments.includes("*") && r.segments.length !== parts.length) ok = false;
    if (ok && (!best || score > best.score)) best = { pattern: r.pattern, score };
  }
  return best?.pattern ?? "/*";
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8, timeout: 4000 });

function request(
  port: number,
  path: string,
  options: { cookie?: string; method?: string; body?: string; raw?: boolean } = {},
): Promise<{ status: number; location?: string; cookie?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.body !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers.origin = `http://${HOST}:${port}`;
    }
    const req = http.request({ host: HOST, port, path, method: options.method ?? "GET", agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const type = String(res.headers["content-type"] ?? "");
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          cookie: res.headers["set-cookie"]?.[0]?.split(";")[0],
          body: options.raw || type.includes("html") ? Buffer.concat(chunks).toString("utf8") : "",
        });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

function memoryOf(pid: number): { rssMB: number; peakMB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const mb = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]) / 1024);
    return { rssMB: mb("VmRSS"), peakMB: mb("VmHWM") };
  } catch {
    return null;
  }
}

const MB = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * The server's memory in parts: V8's heap and external memory (its /metrics), and the largest anonymous
 * mapping's resident part, which is PGlite's WebAssembly memory (128 MB or more, grown in 64 KiB pages;
 * the larger mappings V8 reserves stay untouched).
 */
async function memoryDetail(pid: number, port: number) {
  const metrics = (await request(port, "/metrics", { raw: true })).body;
  const gauge = (name: string) => MB(Number(new RegExp(`^${name} (\\S+)$`, "m").exec(metrics)?.[1] ?? NaN));
  let wasm = { sizeMB: 0, rssMB: 0 };
  let size = 0;
  let anonymous = false;
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ (\d+)\s*(.*)$/.exec(line);
    if (header) {
      anonymous = header[1] === "0" && header[2] === "";
      continue;
    }
    const field = /^(Size|Rss):\s+(\d+) kB/.exec(line);
    if (!field || !anonymous) continue;
    if (field[1] === "Size") size = Number(field[2]);
    else if (size >= 128 * 1024 && size <= 4 * 1024 * 1024 && Number(field[2]) / 1024 > wasm.rssMB)
      wasm = { sizeMB: Math.round(size / 1024), rssMB: Math.round(Number(field[2]) / 1024) };
  }
  return {
    rssMB: memoryOf(pid)?.rssMB ?? null,
    heapUsedMB: gauge("qmd_nodejs_heap_size_used_bytes"),
    heapTotalMB: gauge("qmd_nodejs_heap_size_total_bytes"),
    externalMB: gauge("qmd_nodejs_external_memory_bytes"),
    wasmMappedMB: wasm.sizeMB,
    wasmResidentMB: wasm.rssMB,
  };
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** User plus system CPU time of a process so far, in ms (USER_HZ is 100 on Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function linksIn(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

/** The arguments `npm start` gives node for the server: `node <flags> build/server.js`, its last command. */
function startCommandArgs(): string[] {
  const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
  const last = scripts.start!.split("&&").at(-1)!.trim().split(/\s+/);
  if (last[0] !== "node" || last.at(-1) !== "build/server.js")
    throw new Error(`npm start's last command: ${last.join(" ")}`);
  return last.slice(1);
}

export async function benchMemory(port: number) {
  const seconds = Number(process.env.BENCH_MEMORY_SECONDS ?? 300);
  const visitors = Number(process.env.BENCH_MEMORY_VISITORS ?? 2);
  const dataDir = mkdtempSync(join(tmpdir(), "qmd-bench-memory-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DIR: join(dataDir, "pglite"),
    SEED_DEMO: "true",
    PORT: String(port),
    HOST,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  // As `npm start` runs it (its last command in package.json, Node flags included), with whatever
  // environment the bench was given (MALLOC_ARENA_MAX, NODE_OPTIONS…).
  const started = Date.now();
  const server = spawn(process.execPath, startCommandArgs(), {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  // Peak RSS of any helper process the server starts (its last reading before it exits).
  const helperPeakMB = new Map<number, number>();
  const watch = setInterval(() => {
    for (const pid of childrenOf(server.pid!)) {
      const m = memoryOf(pid);
      if (m && Number.isFinite(m.peakMB)) helperPeakMB.set(pid, m.peakMB);
    }
  }, 200);
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode} before answering`);
      if (Date.now() - started > 15 * 60_000) throw new Error("the server did not answer /healthz in 15 minutes");
      const up = await request(port, "/healthz").catch(() => null);
      if (up?.status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const startSeconds = (Date.now() - started) / 1000;
    clearInterval(watch);
    const afterStart = memoryOf(server.pid!)!;

    const routes = routePatterns();
    const walkStart = Date.now();
    const deadline = walkStart + seconds * 1000;
    const cookies = new Map<string, string | undefined>();
    for (const who of IDENTITIES) {
      if (!who.email) continue;
      const body = new URLSearchParams({ email: who.email, password: DEMO_PASSWORD, redirectTo: "" }).toString();
      const res = await request(port, "/login", { method: "POST", body });
      if (res.status !== 302 || !res.cookie) throw new Error(`signing in as ${who.email} answered ${res.status}`);
      cookies.set(who.name, res.cookie);
    }
    const afterLogin = await memoryDetail(server.pid!, port);
    // Crawl: every link each identity sees, grouped by route pattern, up to URLS_PER_KIND per kind each.
    const byKind = new Map<string, Array<{ who: string; path: string }>>();
    const statuses: Record<string, number> = {};
    let requests = 0;
    const count = (status: number) => {
      requests++;
      statuses[status] = (statuses[status] ?? 0) + 1;
    };
    for (const who of IDENTITIES) {
      const seen = new Set<string>();
      const mine = new Map<string, number>();
      const queue = [...who.seeds];
      while (queue.length && requests < CRAWL_LIMIT && Date.now() < deadline) {
        const path = queue.shift()!;
        if (seen.has(path) || SKIP.test(path)) continue;
        seen.add(path);
        const kind = kindOf(routes, path);
        if ((mine.get(kind) ?? 0) >= URLS_PER_KIND) continue;
        const res = await request(port, path, { cookie: cookies.get(who.name) });
        count(res.status);
        if (res.location?.startsWith("/")) queue.push(res.location);
        if (res.status >= 300) continue;
        mine.set(kind, (mine.get(kind) ?? 0) + 1);
        byKind.set(kind, [...(byKind.get(kind) ?? []), { who: who.name, path }]);
        for (const link of linksIn(res.body)) if (!seen.has(link)) queue.push(link);
      }
    }
    const crawled = requests;
    const afterCrawl = await memoryDetail(server.pid!, port);
    // Walk: the kinds in turn, each time the next URL of the kind, until the deadline.
    const kinds = [...byKind.keys()].sort();
    const visits: Record<string, number> = {};
    const cpuBefore = cpuMs(server.pid!);
    let turn = 0;
    await Promise.all(
      Array.from({ length: visitors }, async () => {
        while (Date.now() < deadline) {
          const i = turn++;
          const kind = kinds[i % kinds.length]!;
          const list = byKind.get(kind)!;
          const { who, path } = list[Math.floor(i / kinds.length) % list.length]!;
          const res = await request(port, path, { cookie: cookies.get(who) });
          count(res.status);
          visits[kind] = (visits[kind] ?? 0) + 1;
        }
      }),
    );
    const walked = requests - crawled;
    const cpuPerRequest = walked > 0 ? Math.round(((cpuMs(server.pid!) - cpuBefore) / walked) * 100) / 100 : null;
    const afterWalk = memoryOf(server.pid!)!;
    const walkDetail = await memoryDetail(server.pid!, port);
    const pageKinds = routes.map((r) => r.pattern).filter((k) => !SKIP.test(k));
    return {
      machineLoadAverage: readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
      mallocArenaMax: process.env.MALLOC_ARENA_MAX ?? null,
      firstStartSeconds: Math.round(startSeconds * 10) / 10,
      rssAfterFirstStartMB: afterStart.rssMB,
      peakRssDuringStartMB: afterStart.peakMB,
      // Processes the server ran during its start (e.g. the start-up work on a fresh folder): peak RSS each.
      helperPeakRssMB: [...helperPeakMB.values()],
      walkSeconds: Math.round((Date.now() - walkStart) / 1000),
      visitors,
      requests,
      crawlRequests: crawled,
      statuses,
      // Server CPU per request of the walk after the crawl (smaller shared buffers must not cost much here).
      serverCpuMsPerRequest: cpuPerRequest,
      kindsWalked: kinds.length,
      kindsNotReached: pageKinds.filter((k) => !byKind.has(k)),
      visitsPerKind: visits,
      rssAfterWalkMB: afterWalk.rssMB,
      peakRssMB: afterWalk.peakMB,
      // Where the RSS is, after signing in, after the crawl and after the walk.
      detail: { afterLogin, afterCrawl, afterWalk: walkDetail },
      targetMB: 350,
    };
  } finally {
    clearInterval(watch);
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
