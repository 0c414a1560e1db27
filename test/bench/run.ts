// `npm run bench`: throughput and latency figures, printed as JSON. Needs PostgreSQL for the
// HTTP parts (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import pg from "pg";

process.env.COOKIE_SECURE = "false";
process.env.LOG_LEVEL = "silent";
process.env.SEED_DEMO = "false";

const only = process.argv.slice(2);
const want = (part: string) => only.length === 0 || only.includes(part);
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  startedAt: new Date().toISOString(),
};

const { loadVersionFiles } = await import("../../app/assessment/versions.server");
const { scoreAssessment } = await import("../../app/assessment/scoring");
const { randomAnswers } = await import("./answers");
const { seededRandom } = await import("./random");
const version = loadVersionFiles("qmd-2025", readFileSync("content/questionnaires/qmd-2025.json", "utf8"), readFileSync("content/models/qmd-2025.json", "utf8"));

if (want("scoring")) results.scoring = benchScoring();
if (want("submit")) results.submit = await benchSubmit(Number(process.env.BENCH_SUBMISSIONS ?? 3000));
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

async function benchSubmit(n: number) {
  const dbName = `qmd_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = withDatabase(adminUrl, dbName);
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const fixtures = await prepareSubmitFixtures(url, n);
    const baseline = await postgresBaseline(url);
    const port = 3290;
    server = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []), "server.js"], { env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", WEB_CONCURRENCY: process.env.BENCH_WORKERS ?? "2" }, stdio: ["ignore", "ignore", "inherit"] });
    await waitFor(`http://127.0.0.1:${port}/healthz`);
    const { default: autocannon } = await import("autocannon");
    // CPU time per submission, per process group: robust where throughput is not (shared cores).
    const serverPids = () => [server!.pid!, ...childrenOf(server!.pid!)];
    const backendPids = async () => (await admin.query<{ pid: number }>("select pid from pg_stat_activity where datname = $1", [dbName])).rows.map((r) => r.pid);
    const cpuBefore = { server: cpuMs(serverPids()), postgres: cpuMs(await backendPids()), load: process.cpuUsage() };
    let next = 0;
    const run = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 32,
      amount: n,
      requests: [
        {
          method: "POST",
          setupRequest: (req: Record<string, unknown>) => {
            const f = fixtures[next++ % fixtures.length]!;
            return { ...req, path: f.path, headers: { "content-type": "application/json", cookie: f.cookie, origin: `http://127.0.0.1:${port}` }, body: f.body };
          },
        },
      ],
    });
    const load = process.cpuUsage(cpuBefore.load);
    const cpu = { server: cpuMs(serverPids()) - cpuBefore.server, postgres: cpuMs(await backendPids()) - cpuBefore.postgres, load: (load.user + load.system) / 1000 };
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const stored = (await check.query<{ n: number }>("select count(*)::int as n from assessments where status = 'submitted'")).rows[0]!.n;
    await check.end();
    const rss = [server.pid!, ...childrenOf(server.pid!)].map(peakRss).filter((x): x is number => x !== null);
    return {
      submissions: n,
      non2xx: run.non2xx,
      errors: run.errors,
      storedSubmitted: stored,
      perSecond: Math.round(run.requests.average),
      // autocannon's average is over whole-second buckets, so a 10 s run can only show …, 273, 300, 333:
      // submissions over the run's measured duration, for finer comparisons.
      perSecondOverRun: Math.round(n / run.duration),
      latencyMs: { p50: run.latency.p50, p97_5: run.latency.p97_5, p99: run.latency.p99, max: run.latency.max },
      connections: 32,
      serverWorkers: Number(process.env.BENCH_WORKERS ?? 2),
      // Server processes; this database's PostgreSQL backends (those open at the end); the bench process (autocannon).
      cpuMsPerSubmission: { server: round(cpu.server / n, 2), postgres: round(cpu.postgres / n, 2), loadGenerator: round(cpu.load / n, 2) },
      serverPeakRssMB: { largestProcess: Math.max(...rss), allProcesses: rss.reduce((a, b) => a + b, 0) },
      target: 300,
      postgresBaseline: baseline,
    };
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

/** Users, firms, sessions and drafts written in bulk, so the run measures the submit path only. */
async function prepareSubmitFixtures(url: string, n: number) {
  const { openDatabase } = await import("../../db/connect");
  const { useDatabase, closeDatabase } = await import("../../app/db.server");
  const { syncQuestionnaireVersions } = await import("../../app/models/questionnaire.server");
  const { hashToken, generateToken } = await import("../../app/auth/tokens.server");
  const { serializeSessionCookie } = await import("../../app/auth/session.server");
  const { hashPassword } = await import("../../app/auth/password.server");
  const { demoCreditCode } = await import("../../db/seed");
  const schema = await import("../../db/schema");
  const handle = await openDatabase({ driver: "postgres", url });
  await handle.migrate("db/migrations");
  useDatabase(handle);
  await syncQuestionnaireVersions();
  const passwordHash = await hashPassword("bench password 123");
  const random = seededRandom(7);
  const fixtures: Array<{ path: string; cookie: string; body: string }> = [];
  for (let start = 0; start < n; start += 500) {
    const size = Math.min(500, n - start);
    const users = await handle.db.insert(schema.users).values(Array.from({ length: size }, (_, i) => ({ email: `bench-${start + i}@example.test`, passwordHash, displayName: "Bench" }))).returning({ id: schema.users.id });
    const orgs = await handle.db
      .insert(schema.organisations)
      .values(users.map((_, i) => ({ name: `Bench ${start + i}`, creditCode: demoCreditCode("330000", 10_000_000 + start + i), industryDivision: "C36", regionCode: "330000", sizeClass: "small" as const, isSynthetic: true })))
      .returning({ id: schema.organisations.id });
    await handle.db.insert(schema.memberships).values(users.map((u, i) => ({ organisationId: orgs[i]!.id, userId: u.id, role: "owner" as const })));
    const tokens = users.map(() => generateToken());
    await handle.db.insert(schema.sessions).values(users.map((u, i) => ({ id: hashToken(tokens[i]!), userId: u.id, expiresAt: new Date(Date.now() + 86_400_000) })));
    const drafts = await handle.db
      .insert(schema.assessments)
      .values(orgs.map((o) => ({ organisationId: o.id, questionnaireVersionId: version.id, period: "2026", isSynthetic: true })))
      .returning({ id: schema.assessments.id, org: schema.assessments.organisationId });
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
