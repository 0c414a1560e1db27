// Bench part "statistics": PostgreSQL loaded with BENCH_ASSESSMENTS synthetic assessments (default
// 1,000,000, through `db:synth`), then: release build time and memory (`release:build`, its own process),
// and p50/p95 of a firm's report (with its peer position), of the statistics pages and of the insights
// workspace (compare for an analyst, adoption for a provincial viewer) under concurrent load.
import { spawn } from "node:child_process";
import pg from "pg";
import { httpGet } from "./http-get";
import { benchUser, reportVisitors, sessionCookie } from "./members";

export interface StatisticsBenchDeps {
  url: string;
  startServer: (port: number, workers: string) => Promise<ReturnType<typeof spawn>>;
  serverPids: (server: ReturnType<typeof spawn>) => number[];
  cpuMs: (pids: number[]) => number;
  peakRss: (pid: number) => number | null;
  percentile: (xs: number[], p: number) => number;
}

function runScript(script: string, args: string[], url: string): Promise<{ stdout: string; seconds: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...(script.includes("release") ? ["--max-old-space-size=128"] : []), "--import", "tsx", script, ...args],
      { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" }, stdio: ["ignore", "pipe", "inherit"] },
    );
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.on("exit", (code) =>
      code === 0
        ? resolve({ stdout, seconds: Number(process.hrtime.bigint() - started) / 1e9 })
        : reject(new Error(`${script} exited with ${code}`)),
    );
  });
}

const lastJson = (text: string) =>
  JSON.parse(
    text
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .pop()!,
  );

const REVISITING = 50;
const FIRST_VIEWS = 1200; // 4 visitors × 100, then 8 × 100

export async function benchStatistics(deps: StatisticsBenchDeps, target: number) {
  const { expectedAssessmentsPerFirm } = await import("~db/synth/generate");
  const firms = Math.ceil(target / expectedAssessmentsPerFirm(3));
  const client = new pg.Client({ connectionString: deps.url });
  await client.connect();
  const hasTable =
    (await client.query<{ t: string | null }>("select to_regclass('assessments')::text as t")).rows[0]!.t !== null;
  const loaded =
    hasTable &&
    (await client.query<{ n: boolean }>("select exists (select 1 from assessments where is_synthetic) as n")).rows[0]!
      .n;
  const synth = loaded
    ? { seconds: 0, stdout: "" }
    : await runScript(
        "db/synth/cli.ts",
        ["--firms", String(firms), "--seed", "2026", "--periods", "2023,2024,2025"],
        deps.url,
      );
  await client.query("analyze");
  const assessments = (
    await client.query<{ n: number }>("select count(*)::int as n from assessments where status = 'submitted'")
  ).rows[0]!.n;
  // BENCH_RELEASE=reuse (with BENCH_REUSE_DB) serves the release an earlier run published instead of building one.
  const reuseRelease =
    process.env.BENCH_RELEASE === "reuse" &&
    (await client.query("select 1 from statistics_releases where status = 'published'")).rowCount! > 0;
  const build = reuseRelease
    ? { seconds: 0, stdout: "{}" }
    : await runScript("db/release-cli.ts", ["--publish", "--label", `bench-${Date.now()}`], deps.url);
  const built = lastJson(build.stdout);
  // Serving is measured in steady state: the build's million written rows are flushed and vacuumed first,
  // as PostgreSQL's own background work would do within minutes (otherwise it runs during the first loads).
  await client.query("checkpoint");
  await client.query("vacuum (analyze) member_spans, release_cells, statistics_releases");

  // Firm members, each with a session, looking at their own latest report: fifty who come back to it
  // (revisits: the render is kept, everything else is loaded and checked again), and 1,200 who each open
  // theirs once (first views: nothing of theirs is cached), at most one visit per firm in that set.
  const members = await reportVisitors(client, {
    count: REVISITING + FIRST_VIEWS,
    page: "report",
    emailPrefix: "stats-bench",
  });
  // Staff of the insights workspace: an association analyst (compare) and a provincial viewer (adoption).
  const staffCookie = async (role: string, scope: string | null) => {
    const userId = await benchUser(client, `insights-bench-${role}-${Date.now()}@example.test`, "Bench staff");
    await client.query("insert into role_grants (user_id, role, scope) values ($1, $2, $3)", [userId, role, scope]);
    return sessionCookie(client, userId);
  };
  const analyst = await staffCookie("analyst", null);
  const zhejiang = await staffCookie("government", "330000");
  const revisiting = members.slice(0, REVISITING);
  const firstViews = members.slice(REVISITING);
  await client.end();

  const port = 3292;
  // One worker: on two cores, a second worker contends with PostgreSQL and the load generator, and each
  // request then costs ~50% more CPU (measured: first-view report p95 74 ms with 2 workers, 54 ms with 1).
  const server = await deps.startServer(port, process.env.BENCH_WORKERS ?? "1");
  const get = async (path: string, cookie?: string) => {
    const visit = await httpGet(port, path, cookie);
    if (visit.status !== 200) throw new Error(`${path} answered ${visit.status}`);
    return visit;
  };
  const probe = await get(revisiting[0]!.path, revisiting[0]!.cookie);
  const hasPeers = probe.body.includes('data-testid="peer-band"');
  /** `visitors` at once, each making `perVisitor` requests in turn over `paths`; with `warm`, each path is requested once beforehand. */
  const load = async (
    paths: Array<{ path: string; cookie?: string }>,
    visitors: number,
    perVisitor: number,
    warm = true,
  ) => {
    if (warm) for (const p of paths) await get(p.path, p.cookie); // each page once, as on a server in service
    const ms: number[] = [];
    const cpuBefore = deps.cpuMs(deps.serverPids(server));
    await Promise.all(
      Array.from({ length: visitors }, async (_, v) => {
        for (let r = 0; r < perVisitor; r++) {
          const p = paths[(r * visitors + v) % paths.length]!;
          ms.push((await get(p.path, p.cookie)).ms);
        }
      }),
    );
    // Server CPU (user + system, every server process) per request: on shared cores it is steadier than latency.
    const serverCpuMs = deps.cpuMs(deps.serverPids(server)) - cpuBefore;
    return {
      samples: ms.length,
      concurrentVisitors: visitors,
      serverCpuMsPerRequest: Math.round((serverCpuMs / ms.length) * 100) / 100,
      p50: deps.percentile(ms, 50),
      p95: deps.percentile(ms, 95),
      max: Math.round(Math.max(...ms)),
    };
  };
  let unseen = 0;
  /** The next `count` first-view members: no report is requested twice in the run. */
  const nextFirstViews = (count: number) => firstViews.slice(unseen, (unseen += count));
  const statisticsPaths = [
    "/statistics",
    "/statistics/industry",
    "/statistics/region",
    "/statistics/size",
    "/statistics/trends",
  ].map((path) => ({ path }));
  const g = (names: string[]) => names.map((n) => `g=${encodeURIComponent(n)}`).join("&");
  const comparePaths = [
    `/insights/compare?by=region&${g(["浙江省", "江苏省", "广东省"])}&within=${encodeURIComponent("装备制造业")}`,
    `/insights/compare?by=industry&${g(["C36", "C38"])}`,
    `/insights/compare?by=industry&${g(["C34", "C35", "C36", "C38", "C39"])}&within=${encodeURIComponent("浙江省")}&mode=trend`,
    "/insights/compare?by=size",
  ].map((path) => ({ path, cookie: analyst }));
  const adoptionPaths = ["/insights/adoption", "/insights/adoption?period=2024"].map((path) => ({
    path,
    cookie: zhejiang,
  }));
  // BENCH_PAGES=reportFirstView,statisticsPages… measures only those kinds (a profile of one kind, say).
  const kinds = process.env.BENCH_PAGES?.split(",").filter(Boolean);
  const measure = async <T>(kind: string, run: () => Promise<T>) =>
    !kinds || kinds.includes(kind) ? await run() : undefined;
  // Four visitors at once (as in the search part), then eight.
  const atLoad = async (visitors: number) => ({
    reportRevisit: await measure("reportRevisit", () => load(revisiting, visitors, 100)), // first: it also warms the server up
    reportFirstView: await measure("reportFirstView", async () => ({
      ...(await load(nextFirstViews(visitors * 100), visitors, 100, false)),
      peerBandShown: hasPeers,
    })),
    statisticsOverview: await measure("statisticsOverview", () => load([{ path: "/statistics" }], visitors, 100)),
    statisticsPages: await measure("statisticsPages", () => load(statisticsPaths, visitors, 50)),
    insightsCompare: await measure("insightsCompare", () => load(comparePaths, visitors, 50)),
    insightsAdoption: await measure("insightsAdoption", () => load(adoptionPaths, visitors, 50)),
  });
  const fourVisitors = await atLoad(4);
  const eightVisitors = await atLoad(8);
  const rss = deps
    .serverPids(server)
    .map(deps.peakRss)
    .filter((x): x is number => x !== null);
  return {
    assessments,
    synthSeconds: loaded ? "reused" : Math.round(synth.seconds),
    release: {
      buildSecondsWallClock: Math.round(build.seconds * 10) / 10,
      buildMsInsideTransaction: built.summary?.buildMs,
      cells: built.summary?.cells,
      suppressed: built.summary?.suppressed,
      unresolved: built.summary?.unresolved,
      peakRssMB: built.peakRssMB,
    },
    fourVisitors,
    eightVisitors,
    serverPeakRssMB: { largestProcess: Math.max(...rss), allProcesses: rss.reduce((a, b) => a + b, 0) },
    targets: { p95Ms: 50, releaseBuildSeconds: 60, rssMB: 300 },
  };
}
