// `npm run bench`: throughput and latency figures, printed as JSON. Needs PostgreSQL for the
// HTTP parts (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { sql } from "drizzle-orm";
import pg from "pg";

process.env.COOKIE_SECURE = "false";
process.env.LOG_LEVEL = "silent";
process.env.SEED_DEMO = "false";
// Everything here is local: the servers listen on loopback, and the scripts they run beside them (db:synth,
// release:build) count as a local trial, which production without PUBLIC_ORIGIN accepts (decision 029).
process.env.HOST = "127.0.0.1";

const only = process.argv.slice(2);
const want = (part: string) => only.length === 0 || only.includes(part);
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const results: Record<string, unknown> = {
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  startedAt: new Date().toISOString(),
};

const { loadVersionFiles } = await import("~/assessment/versions.server");
const { scoreAssessment } = await import("~/assessment/scoring");
const { randomAnswers } = await import("./answers");
const { seededRandom } = await import("~/platform/seeded-random");
const { httpGet, httpPost } = await import("./http-get");
const version = loadVersionFiles(
  "qmd-2025",
  readFileSync("content/questionnaires/qmd-2025.json", "utf8"),
  readFileSync("content/models/qmd-2025.json", "utf8"),
);

if (want("scoring")) results.scoring = benchScoring();
if (want("submit")) results.submit = await benchSubmit(Number(process.env.BENCH_SUBMISSIONS ?? 3000));
if (want("search")) results.search = await benchSearch(Number(process.env.BENCH_CASES ?? 10_000));
if (want("statistics"))
  results.statistics = await withBenchDatabase("qmd_bench_stats", async ({ url, startServer }) => {
    const { benchStatistics } = await import("./statistics");
    const part = await benchStatistics(
      { url, startServer, serverPids: (s) => [s.pid!, ...childrenOf(s.pid!)], cpuMs, peakRss, percentile },
      Number(process.env.BENCH_ASSESSMENTS ?? 1_000_000),
    );
    return { ...part, postgresBaseline: await postgresBaseline(url) };
  });
if (want("pdf"))
  results.pdf = await withBenchDatabase("qmd_bench_pdf", async ({ url, startServer }) => {
    const { benchPdf } = await import("./pdf");
    return benchPdf(
      { url, startServer, serverPids: (s) => [s.pid!, ...childrenOf(s.pid!)], cpuMs, peakRss, percentile },
      Number(process.env.BENCH_ASSESSMENTS ?? 20_000),
    );
  });
if (want("soak"))
  results.soak = await withBenchDatabase("qmd_bench_soak", async ({ url, dbName, admin, startServer }) => {
    const { benchSoak } = await import("./soak");
    const part = await benchSoak({
      url,
      dbName,
      admin,
      startServer,
      serverPids: (s) => [s.pid!, ...childrenOf(s.pid!)],
      cpuMs,
      peakRss,
      percentile,
    });
    // The soak's targets are pass or fail: a run with an error or a lost answer fails the command.
    if (part.errors > 0 || part.lostAnswers > 0) process.exitCode = 1;
    return { ...part, postgresBaseline: await postgresBaseline(url) };
  });
if (want("memory")) {
  const { benchMemory } = await import("./memory");
  // BENCH_MEMORY_PORT: another port when 3292 is taken (another session's server, say).
  results.memory = await benchMemory(Number(process.env.BENCH_MEMORY_PORT ?? 3292));
}
console.log(JSON.stringify(results, null, 2));

function benchScoring() {
  const random = seededRandom(42);
  const sets = Array.from({ length: 2000 }, () => randomAnswers(version.compiled, random));
  for (let i = 0; i < 20_000; i++) scoreAssessment(version.compiled, sets[i % sets.length]!); // warm-up
  const n = 200_000;
  const start = process.hrtime.bigint();
  let checksum = 0;
  for (let i = 0; i < n; i++) checksum += scoreAssessment(version.compiled, sets[i % sets.length]!).stage;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { assessments: n, seconds: round(seconds, 3), perSecond: Math.round(n / seconds), target: 20_000, checksum };
}

function benchSubmit(n: number) {
  return withBenchDatabase("qmd_bench", async ({ url, dbName, admin, startServer }) => {
    // A server in service is warm: the first submissions (JIT, pools, caches) are not counted.
    const warm = Number(process.env.BENCH_WARMUP ?? 1000);
    // Then SMALL_RUN submissions each from 4 and from 8 connections: p95 and CPU at the pages' visitor counts.
    const SMALL_RUN = 600;
    const all = await prepareSubmitFixtures(url, warm + n + 2 * SMALL_RUN);
    const warmup = all.slice(0, warm);
    const fixtures = all.slice(warm, warm + n);
    const smallRuns = [all.slice(warm + n, warm + n + SMALL_RUN), all.slice(warm + n + SMALL_RUN)];
    const baseline = await postgresBaseline(url);
    const port = 3290;
    const server = await startServer(
      port,
      process.env.BENCH_WORKERS ?? "2",
      process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean),
    );
    const { default: autocannon } = await import("autocannon");
    const drive = (list: typeof fixtures, connections = 32) => {
      let next = 0;
      return autocannon({
        url: `http://127.0.0.1:${port}`,
        connections,
        amount: list.length,
        requests: [
          {
            method: "POST",
            setupRequest: (req: Record<string, unknown>) => {
              const f = list[next++ % list.length]!;
              return {
                ...req,
                path: f.path,
                headers: { "content-type": "application/json", cookie: f.cookie, origin: `http://127.0.0.1:${port}` },
                body: f.body,
              };
            },
          },
        ],
      });
    };
    const warmRun = warm > 0 ? await drive(warmup) : null;
    // CPU time per submission, per process group: robust where throughput is not (shared cores).
    const serverPids = () => [server.pid!, ...childrenOf(server.pid!)];
    const backendPids = async () =>
      (await admin.query<{ pid: number }>("select pid from pg_stat_activity where datname = $1", [dbName])).rows.map(
        (r) => r.pid,
      );
    const cpuBefore = { server: cpuMs(serverPids()), postgres: cpuMs(await backendPids()), load: process.cpuUsage() };
    const run = await drive(fixtures);
    const load = process.cpuUsage(cpuBefore.load);
    const cpu = {
      server: cpuMs(serverPids()) - cpuBefore.server,
      postgres: cpuMs(await backendPids()) - cpuBefore.postgres,
      load: (load.user + load.system) / 1000,
    };
    // As the page parts measure: `connections` visitors at once, each submitting in turn, timed one by one.
    const atVisitors = async (list: typeof fixtures, connections: number) => {
      const before = cpuMs(serverPids());
      const ms: number[] = [];
      let next = 0;
      let non2xx = 0;
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (next < list.length) {
            const f = list[next++]!;
            const visit = await httpPost(port, f.path, f.body, {
              "content-type": "application/json",
              cookie: f.cookie,
              origin: `http://127.0.0.1:${port}`,
            });
            if (visit.status >= 300) non2xx++;
            ms.push(visit.ms);
          }
        }),
      );
      return {
        concurrentVisitors: connections,
        submissions: list.length,
        non2xx,
        serverCpuMsPerRequest: round((cpuMs(serverPids()) - before) / list.length, 2),
        p50: percentile(ms, 50),
        p95: percentile(ms, 95),
      };
    };
    const fourVisitors = await atVisitors(smallRuns[0]!, 4);
    const eightVisitors = await atVisitors(smallRuns[1]!, 8);
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const stored = (
      await check.query<{ n: number }>("select count(*)::int as n from assessments where status = 'submitted'")
    ).rows[0]!.n;
    await check.end();
    const rss = [server.pid!, ...childrenOf(server.pid!)].map(peakRss).filter((x): x is number => x !== null);
    return {
      submissions: n,
      warmupSubmissions: warm,
      warmupPerSecond: warmRun ? Math.round(warm / warmRun.duration) : null,
      non2xx: run.non2xx + (warmRun?.non2xx ?? 0),
      errors: run.errors,
      storedSubmitted: stored,
      storedExpected: warm + n + 2 * SMALL_RUN,
      perSecond: Math.round(run.requests.average),
      // autocannon's average is over whole-second buckets, so a 10 s run can only show …, 273, 300, 333:
      // submissions over the run's measured duration, for finer comparisons.
      perSecondOverRun: Math.round(n / run.duration),
      latencyMs: { p50: run.latency.p50, p97_5: run.latency.p97_5, p99: run.latency.p99, max: run.latency.max },
      connections: 32,
      fourVisitors,
      eightVisitors,
      serverWorkers: Number(process.env.BENCH_WORKERS ?? 2),
      // Server processes; this database's PostgreSQL backends (those open at the end); the bench process (autocannon).
      cpuMsPerSubmission: {
        server: round(cpu.server / n, 2),
        postgres: round(cpu.postgres / n, 2),
        loadGenerator: round(cpu.load / n, 2),
      },
      serverPeakRssMB: { largestProcess: Math.max(...rss), allProcesses: rss.reduce((a, b) => a + b, 0) },
      target: 300,
      postgresBaseline: baseline,
    };
  });
}

/**
 * Case-library search over N synthetic published cases in PostgreSQL: p50/p95 of the search
 * itself (model call) and of the whole /cases page over HTTP, for a mix of Chinese queries.
 */
function benchSearch(n: number) {
  return withBenchDatabase("qmd_bench_search", async ({ url, startServer }) => {
    const { openDatabase } = await import("~db/connect");
    const { useDatabase, closeDatabase } = await import("~/platform/db.server");
    const { syncScenesFromContent, allScenes } = await import("~/scenes/scene.server");
    const { searchCases } = await import("~/cases/search.server");
    const { parseCatalogueFilters } = await import("~/catalogue/filters.server");
    const { FILTER_FIELDS } = await import("~/catalogue/filter-fields");
    const { insertSyntheticCases, SEARCH_QUERIES } = await import("./synthetic-cases");
    const { demoCreditCode } = await import("~db/seed");
    const schema = await import("~db/schema");
    const handle = await openDatabase({ driver: "postgres", url });
    await handle.migrate("db/migrations");
    useDatabase(handle);
    await syncScenesFromContent();
    const scenes = await allScenes();
    const [firm] = await handle.db
      .insert(schema.firms)
      .values({
        name: "Bench cases",
        creditCode: demoCreditCode("330000", 20_000_000),
        industryDivision: "C36",
        regionCode: "330000",
        sizeClass: "small",
        isSynthetic: true,
      })
      .returning({ id: schema.firms.id });
    const loadStart = process.hrtime.bigint();
    await insertSyntheticCases(handle.db, { firmId: firm!.id, count: n, random: seededRandom(11), scenes });
    await handle.db.execute(sql`analyze cases`);
    const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;

    const queries = SEARCH_QUERIES.map((q) => parseCatalogueFilters(new URLSearchParams(q), FILTER_FIELDS));
    for (const q of queries) await searchCases(q.filters, q.page); // warm-up
    const modelMs: number[] = [];
    const hits: number[] = [];
    const slowestMs = queries.map(() => 0);
    for (let pass = 0; pass < 20; pass++) {
      for (const [i, q] of queries.entries()) {
        const t0 = process.hrtime.bigint();
        const found = await searchCases(q.filters, q.page);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        modelMs.push(ms);
        slowestMs[i] = Math.max(slowestMs[i]!, round(ms, 1));
        if (pass === 0) hits.push(found.capped ? -found.total : found.total);
      }
    }
    await closeDatabase();

    const port = 3291;
    const server = await startServer(port, "1");
    const serverPids = () => [server.pid!, ...childrenOf(server.pid!)];
    const paths = SEARCH_QUERIES.map((q) => `/cases?${new URLSearchParams(q)}`);
    for (const p of paths) await httpGet(port, p); // warm-up
    /** `visitors` at once, each walking the query mix `rounds` times: latency and server CPU per page. */
    const pages = async (visitors: number, rounds: number) => {
      const httpMs: number[] = [];
      const cpuBefore = cpuMs(serverPids());
      await Promise.all(
        Array.from({ length: visitors }, async (_, v) => {
          for (let round = 0; round < rounds; round++) {
            for (let i = 0; i < paths.length; i++) {
              const path = paths[(i + v * 3) % paths.length]!;
              const visit = await httpGet(port, path);
              if (visit.status !== 200) throw new Error(`${path} answered ${visit.status}`);
              httpMs.push(visit.ms);
            }
          }
        }),
      );
      return {
        samples: httpMs.length,
        concurrentVisitors: visitors,
        serverCpuMsPerRequest: round((cpuMs(serverPids()) - cpuBefore) / httpMs.length, 2),
        p50: percentile(httpMs, 50),
        p95: percentile(httpMs, 95),
        max: round(Math.max(...httpMs), 1),
      };
    };
    const fourVisitors = await pages(4, 10);
    const eightVisitors = await pages(8, 5);
    return {
      cases: n,
      loadSeconds: round(loadSeconds, 1),
      queries: SEARCH_QUERIES.length,
      // Per query of SEARCH_QUERIES: matches (negative: more than that many, the count stops there), slowest search in ms.
      matchesPerQuery: hits,
      slowestMsPerQuery: slowestMs,
      searchMs: {
        samples: modelMs.length,
        p50: percentile(modelMs, 50),
        p95: percentile(modelMs, 95),
        max: round(Math.max(...modelMs), 1),
      },
      pageOverHttpMs: { fourVisitors, eightVisitors },
      target: { p95Ms: 50, serverCpuMsPerPage: 4 },
    };
  });
}

interface BenchDatabase {
  url: string;
  dbName: string;
  admin: pg.Client;
  /** Start the built server (build/server.js) on this database; it is stopped when the part ends. */
  startServer: (port: number, workers: string, nodeArgs?: string[]) => Promise<ReturnType<typeof spawn>>;
}

/** A fresh PostgreSQL database for one bench part, dropped afterwards (BENCH_KEEP_DB=1 keeps it, for EXPLAIN and the like). */
async function withBenchDatabase<T>(prefix: string, run: (db: BenchDatabase) => Promise<T>): Promise<T> {
  // BENCH_REUSE_DB=<name> runs a part on a database kept from an earlier run (BENCH_KEEP_DB=1), e.g. the
  // 1,000,000-assessment one, without loading it again; it is kept afterwards.
  const reuse = process.env.BENCH_REUSE_DB;
  const dbName = reuse ?? `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (!reuse) await admin.query(`CREATE DATABASE ${dbName}`);
  const url = withDatabase(adminUrl, dbName);
  const servers: Array<ReturnType<typeof spawn>> = [];
  // As `npm run serve` starts it: the same old-space cap for a single process as for each cluster worker.
  const startServer = async (
    port: number,
    workers: string,
    nodeArgs: string[] = [`--max-old-space-size=${Number(process.env.WORKER_HEAP_MB ?? 192)}`],
  ) => {
    // BENCH_EXTRA_NODE_ARGS go to every server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" for a profile.
    const extra = process.env.BENCH_EXTRA_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
    const server = spawn(process.execPath, [...nodeArgs, ...extra, "build/server.js"], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        WEB_CONCURRENCY: workers,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    servers.push(server);
    await waitFor(`http://127.0.0.1:${port}/healthz`);
    return server;
  };
  try {
    return await run({ url, dbName, admin, startServer });
  } finally {
    for (const server of servers) server.kill("SIGTERM");
    if (servers.length) await new Promise((r) => setTimeout(r, 500));
    if (process.env.BENCH_KEEP_DB === "1" || reuse) console.error(`kept database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!, 1);
}

/**
 * Users, firms, sessions and drafts written in bulk, so the run measures the submit path only.
 * Sessions are fresh (30 days left, as after signing in), so they are not extended on every call:
 * a real session is extended at most once in 15 days.
 */
async function prepareSubmitFixtures(url: string, n: number) {
  const { openDatabase } = await import("~db/connect");
  const { useDatabase, closeDatabase } = await import("~/platform/db.server");
  const { syncQuestionnaireVersions } = await import("~/assessment/questionnaire.server");
  const { hashToken, generateToken } = await import("~/accounts/tokens.server");
  const { serializeSessionCookie } = await import("~/accounts/session.server");
  const { hashPassword } = await import("~/accounts/password.server");
  const { demoCreditCode } = await import("~db/seed");
  const schema = await import("~db/schema");
  const handle = await openDatabase({ driver: "postgres", url });
  await handle.migrate("db/migrations");
  useDatabase(handle);
  await syncQuestionnaireVersions();
  const passwordHash = await hashPassword("bench password 123");
  const random = seededRandom(7);
  const fixtures: Array<{ path: string; cookie: string; body: string }> = [];
  for (let start = 0; start < n; start += 500) {
    const size = Math.min(500, n - start);
    const users = await handle.db
      .insert(schema.users)
      .values(
        Array.from({ length: size }, (_, i) => ({
          email: `bench-${start + i}@example.test`,
          passwordHash,
          displayName: "Bench",
        })),
      )
      .returning({ id: schema.users.id });
    const orgs = await handle.db
      .insert(schema.firms)
      .values(
        users.map((_, i) => ({
          name: `Bench ${start + i}`,
          creditCode: demoCreditCode("330000", 10_000_000 + start + i),
          industryDivision: "C36",
          regionCode: "330000",
          sizeClass: "small" as const,
          isSynthetic: true,
        })),
      )
      .returning({ id: schema.firms.id });
    await handle.db
      .insert(schema.memberships)
      .values(users.map((u, i) => ({ firmId: orgs[i]!.id, userId: u.id, role: "owner" as const })));
    const tokens = users.map(() => generateToken());
    await handle.db.insert(schema.sessions).values(
      users.map((u, i) => ({
        id: hashToken(tokens[i]!),
        userId: u.id,
        expiresAt: new Date(Date.now() + 30 * 86_400_000),
      })),
    );
    const drafts = await handle.db
      .insert(schema.assessments)
      .values(
        orgs.map((o) => ({ firmId: o.id, questionnaireVersionId: version.id, period: "2026", isSynthetic: true })),
      )
      .returning({ id: schema.assessments.id, org: schema.assessments.firmId });
    for (let i = 0; i < size; i++) {
      fixtures.push({
        path: `/firms/${drafts[i]!.org}/assessments/${drafts[i]!.id}/submit`,
        cookie: (await serializeSessionCookie(tokens[i]!)).split(";")[0]!,
        body: JSON.stringify({ version: 1, answers: randomAnswers(version.compiled, random) }),
      });
    }
  }
  await closeDatabase();
  return fixtures;
}

/** What PostgreSQL itself does on this machine: single-row insert-and-commit, and an index lookup. */
async function postgresBaseline(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 32 });
  await pool.query("drop table if exists bench_baseline");
  await pool.query("create table bench_baseline (id bigserial primary key, payload jsonb not null)");
  const insertRate = async (connections: number, seconds: number) => {
    let count = 0;
    const stop = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < stop) {
          await pool.query("insert into bench_baseline (payload) values ($1)", [{ a: 1 }]);
          count++;
        }
      }),
    );
    return Math.round(count / seconds);
  };
  const one = await insertRate(1, 2);
  const many = await insertRate(32, 2);
  const lookups = 2000;
  const start = process.hrtime.bigint();
  for (let i = 1; i <= lookups; i++) await pool.query("select * from bench_baseline where id = $1", [i]);
  const lookupMs = Number(process.hrtime.bigint() - start) / 1e6 / lookups;
  await pool.query("drop table bench_baseline");
  await pool.end();
  return { insertCommitPerSecond1Conn: one, insertCommitPerSecond32Conn: many, indexLookupMs: round(lookupMs, 3) };
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** User plus system CPU time of these processes so far, in ms (0 for a process gone). */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

function peakRss(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

async function waitFor(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url}`);
}

function withDatabase(u: string, database: string) {
  const x = new URL(u);
  x.pathname = `/${database}`;
  return x.toString();
}

function round(x: number, digits: number) {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}
