// Bench part "soak" (issue 15 item 4, decision 035): SOAK_USERS simulated users (default 100) at once for
// SOAK_SECONDS (default 60) against one built server on PostgreSQL, with a mix of what members and the
// public do: statistics pages, filling a questionnaire with autosaves, submitting it, reading reports,
// searching cases, downloading tables. Reports, per kind of request, the count and p50/p95; the errors
// (any unexpected status or network error); server and PostgreSQL CPU per request; peak RSS; and, after
// the run, whether every answer the server acknowledged is stored (lost answers must be 0).
import { spawn } from "node:child_process";
import http from "node:http";
import pg from "pg";
import type { Answers } from "~/assessment/answers";
import type { Change } from "~/assessment/merge";

export interface SoakBenchDeps {
  url: string;
  dbName: string;
  admin: pg.Client;
  startServer: (port: number, workers: string) => Promise<ReturnType<typeof spawn>>;
  serverPids: (server: ReturnType<typeof spawn>) => number[];
  cpuMs: (pids: number[]) => number;
  peakRss: (pid: number) => number | null;
  percentile: (xs: number[], p: number) => number;
}

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`);
  return value;
};

function runScript(script: string, args: string[], url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...(script.includes("release") ? ["--max-old-space-size=128"] : []), "--import", "tsx", script, ...args],
      { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" }, stdio: ["ignore", "pipe", "inherit"] },
    );
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.on("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${script} exited with ${code}`))));
  });
}

/** Periods the synthetic population does not use (it fills 2023–2025): each user's own drafts. */
const DRAFT_PERIODS = ["2026", "2022", "2021", "2020", "2019", "2018", "2017", "2016"];

interface Draft {
  id: string;
  base: string;
  /** Answers to give, page by page (scored questions only, as randomAnswers makes them). */
  pages: Array<Array<[string, Change]>>;
  page: number;
  /** Questions of the current page already answered in this run. */
  answeredOnPage: number;
  version: number;
  /** What the server acknowledged (a 200 to an autosave), as the browser's `saved` map keeps it. */
  acked: Record<string, Change>;
  submitted: boolean;
}

interface User {
  index: number;
  cookie: string;
  firmId: string;
  /** The firm's submitted synthetic 2025 assessment, whose report the user reads. */
  reportPath: string;
  drafts: Draft[];
  current: Draft | null;
  random: () => number;
}

const KINDS = [
  "statisticsPage",
  "questionnairePage",
  "autosave",
  "reviewPage",
  "submit",
  "report",
  "caseSearch",
  "caseDetail",
  "tableDownload",
  "apiCsv",
] as const;
type Kind = (typeof KINDS)[number];

const STATISTICS_PATHS = [
  "/statistics",
  "/statistics/industry",
  "/statistics/region",
  "/statistics/size",
  "/statistics/trends",
  "/statistics/methodology",
  "/statistics/releases",
  "/statistics/industry?region=330000",
  "/statistics/region?industry=C36",
  "/statistics/size?region=440000",
  "/statistics/trends?region=320000",
];
const TABLE_PATHS = [
  "/statistics/tables/industry.csv",
  "/statistics/tables/region.csv",
  "/statistics/tables/size.csv",
  "/statistics/tables/trends.csv",
  "/statistics/tables/dimensions.csv",
  "/statistics/tables/stages.json",
  "/statistics/tables/industry.csv?region=330000",
];

export async function benchSoak(deps: SoakBenchDeps) {
  const users = Math.max(1, Math.floor(env("SOAK_USERS", 100)));
  const seconds = env("SOAK_SECONDS", 60);
  const assessmentsTarget = env("SOAK_ASSESSMENTS", 20_000);
  const caseCount = Math.floor(env("SOAK_CASES", 2_000));
  const draftsPerUser = Math.min(DRAFT_PERIODS.length, Math.max(1, Math.floor(env("SOAK_DRAFTS", 4))));
  const thinkMin = env("SOAK_THINK_MIN_MS", 250);
  const thinkMax = Math.max(thinkMin, env("SOAK_THINK_MAX_MS", 1250));
  const workers = process.env.SOAK_WORKERS ?? "2";
  const port = env("SOAK_PORT", 3294);

  // A population and a published release, so statistics pages, tables and reports have data.
  const { expectedAssessmentsPerFirm } = await import("~db/synth/generate");
  await runScript(
    "db/synth/cli.ts",
    [
      "--firms",
      String(Math.ceil(assessmentsTarget / expectedAssessmentsPerFirm(3))),
      "--seed",
      "2026",
      "--periods",
      "2023,2024,2025",
    ],
    deps.url,
  );
  const release = JSON.parse(
    (await runScript("db/release-cli.ts", ["--publish", "--label", `bench-soak-${Date.now()}`], deps.url))
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .pop()!,
  ) as { number: number };
  const { seeded, questionnaire } = await seedUsersAndCases(deps.url, users, draftsPerUser, caseCount);
  const client = new pg.Client({ connectionString: deps.url });
  await client.connect();
  await client.query("vacuum (analyze)");
  await client.end();

  const server = await deps.startServer(port, workers);
  const origin = `http://127.0.0.1:${port}`;
  // Idle kept-alive sockets close after 4 s, before the server's 5 s (Node's keepAliveTimeout): otherwise a
  // request sent on a socket the server is closing meets ECONNRESET, which a browser retries unseen (runs 2
  // and 3 of 2026-12-07 had 1 and 2 such resets in ~6,800 requests, all after an idle socket was reused).
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: 4000 });
  const samples = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
  const errors: Array<{ kind: Kind; path: string; status: number | string; detail?: string }> = [];
  let errorCount = 0;

  interface Answer {
    status: number;
    headers: http.IncomingHttpHeaders;
    body: string;
  }
  const request = (
    kind: Kind,
    path: string,
    cookie: string | null,
    post?: { type: string; body: string },
  ): Promise<Answer | null> => {
    const t0 = process.hrtime.bigint();
    return new Promise((resolve) => {
      const headers: Record<string, string> = { "accept-language": "zh-CN,zh;q=0.9" };
      if (cookie) headers.cookie = cookie;
      if (post) {
        headers["content-type"] = post.type;
        headers["content-length"] = String(Buffer.byteLength(post.body));
        headers.origin = origin;
      }
      const req = http.request(
        { host: "127.0.0.1", port, path, method: post ? "POST" : "GET", agent, headers, timeout: 30_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            samples.get(kind)!.push(Number(process.hrtime.bigint() - t0) / 1e6);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString("utf8"),
            });
          });
          res.on("error", (e) => fail(kind, path, "network", e.message, resolve));
        },
      );
      req.on("timeout", () => req.destroy(new Error("timed out after 30 s")));
      req.on("error", (e) => fail(kind, path, "network", e.message, resolve));
      if (post) req.end(post.body);
      else req.end();
    });
  };
  const fail = (kind: Kind, path: string, status: number | string, detail: string, done?: (x: null) => void) => {
    errorCount++;
    if (errors.length < 20) errors.push({ kind, path, status, detail: detail.slice(0, 200) });
    done?.(null);
  };
  /** The request, counted as an error unless it answers `expected` (and passes `check`). */
  const expect = async (
    kind: Kind,
    path: string,
    cookie: string | null,
    expected: number,
    check?: (a: Answer) => string | null,
    post?: { type: string; body: string },
  ): Promise<Answer | null> => {
    const answer = await request(kind, path, cookie, post);
    if (!answer) return null;
    if (answer.status !== expected) {
      fail(kind, path, answer.status, answer.body);
      return null;
    }
    const problem = check?.(answer);
    if (problem) {
      fail(kind, path, answer.status, problem);
      return null;
    }
    return answer;
  };

  const deadline = Date.now() + seconds * 1000;
  const pause = (u: User) =>
    new Promise((r) => setTimeout(r, Math.min(thinkMin + u.random() * (thinkMax - thinkMin), deadline - Date.now())));
  const live = () => Date.now() < deadline;
  const pickFrom = <T>(u: User, xs: readonly T[]) => xs[Math.floor(u.random() * xs.length)]!;
  const html = (a: Answer) => (a.body.includes("</html>") ? null : "not a whole HTML page");
  const caseIds = seeded.caseIds;
  const searchPaths = (await import("./synthetic-cases")).SEARCH_QUERIES.map((q) => `/cases?${new URLSearchParams(q)}`);

  async function fill(u: User): Promise<void> {
    if (!u.current) u.current = u.drafts.find((d) => !d.submitted) ?? null;
    const d = u.current;
    if (!d) return browseStatistics(u); // every draft submitted: the user reads statistics instead
    const opened = await expect("questionnairePage", d.base, u.cookie, 200, html);
    if (!opened) return;
    // One to three pages, then the user leaves and comes back later (the draft remembers the page).
    const pagesThisVisit = 1 + Math.floor(u.random() * 3);
    for (let p = 0; p < pagesThisVisit && live() && d.page < d.pages.length; p++) {
      const questions = d.pages[d.page]!;
      while (d.answeredOnPage < questions.length && live()) {
        await pause(u);
        const batch = questions.slice(d.answeredOnPage, d.answeredOnPage + 1 + Math.floor(u.random() * 3));
        const changes: Record<string, Change> = Object.fromEntries(batch);
        // Now and then the user changes their mind about an answer saved earlier on this page.
        const earlier = questions.slice(0, d.answeredOnPage);
        if (earlier.length && u.random() < 0.15) {
          const [q] = pickFrom(u, earlier);
          const again = questionnaire.alternative(q, d.acked[q] ?? null, u.random);
          if (again !== null) changes[q] = again;
        }
        const moveOn = d.answeredOnPage + batch.length >= questions.length;
        if (!(await save(u, d, changes, moveOn ? Math.min(d.page + 1, d.pages.length - 1) : d.page))) return;
        d.answeredOnPage += batch.length;
      }
      if (d.answeredOnPage >= questions.length) {
        d.page++;
        d.answeredOnPage = 0;
      }
    }
    if (d.page < d.pages.length || !live()) return;
    await pause(u);
    const review = await expect("reviewPage", `${d.base}/review`, u.cookie, 200, (a) => {
      const version = /name="version" value="(\d+)"/.exec(a.body)?.[1];
      return Number(version) === d.version ? null : `review shows version ${version}, acknowledged ${d.version}`;
    });
    if (!review || !live()) return;
    await pause(u);
    const submitted = await expect(
      "submit",
      `${d.base}/review`,
      u.cookie,
      302,
      (a) => (a.headers.location?.endsWith(`${d.base}/report`) ? null : `redirected to ${a.headers.location}`),
      { type: "application/x-www-form-urlencoded", body: `version=${d.version}` },
    );
    if (!submitted) return;
    d.submitted = true;
    u.current = null;
    await expect("report", `${d.base}/report`, u.cookie, 200, html);
  }

  /** One autosave as the browser sends it; true when acknowledged. */
  async function save(u: User, d: Draft, changes: Record<string, Change>, page: number): Promise<boolean> {
    const base = Object.fromEntries(Object.keys(changes).map((q) => [q, d.acked[q] ?? null]));
    const body = JSON.stringify({ version: d.version, page, changes, base });
    const answer = await expect(
      "autosave",
      `${d.base}/answers`,
      u.cookie,
      200,
      (a) => (Number.isInteger((JSON.parse(a.body) as { version?: number }).version) ? null : "no version"),
      { type: "application/json", body },
    );
    if (!answer) return false;
    d.version = (JSON.parse(answer.body) as { version: number }).version;
    for (const [q, v] of Object.entries(changes)) {
      if (v === null) delete d.acked[q];
      else d.acked[q] = v;
    }
    return true;
  }

  async function browseStatistics(u: User): Promise<void> {
    const n = 1 + Math.floor(u.random() * 3);
    for (let i = 0; i < n && live(); i++) {
      await expect("statisticsPage", pickFrom(u, STATISTICS_PATHS), null, 200, html);
      await pause(u);
    }
  }

  async function searchCases(u: User): Promise<void> {
    const found = await expect("caseSearch", pickFrom(u, searchPaths), null, 200, html);
    if (!found || !live() || u.random() < 0.5) return;
    await pause(u);
    const linked = [...found.body.matchAll(/href="\/cases\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    await expect("caseDetail", `/cases/${pickFrom(u, linked.length ? linked : caseIds)}`, null, 200, html);
  }

  async function download(u: User): Promise<void> {
    if (u.random() < 0.7) {
      const path = pickFrom(u, TABLE_PATHS);
      await expect("tableDownload", path, null, 200, (a) =>
        /attachment; filename="/.test(String(a.headers["content-disposition"])) && a.body.length > 20
          ? null
          : "no download",
      );
    } else {
      const period = pickFrom(u, ["2023", "2024", "2025"]);
      await expect("apiCsv", `/api/v1/releases/${release.number}/cells.csv?period=${period}`, null, 200, (a) =>
        a.body.split("\n").length > 10 ? null : "short CSV",
      );
    }
  }

  async function readReport(u: User): Promise<void> {
    const own = u.drafts.filter((d) => d.submitted);
    const path = own.length && u.random() < 0.5 ? `${pickFrom(u, own).base}/report` : u.reportPath;
    await expect("report", path, u.cookie, 200, html);
  }

  /** A user's session: activities by weight, with think time between requests, until the deadline. */
  async function simulate(u: User): Promise<void> {
    // Users arrive over the first two seconds rather than in one burst.
    await new Promise((r) => setTimeout(r, u.random() * 2000));
    for (let step = 0; step < 100_000 && live(); step++) {
      const r = u.random();
      if (r < 0.4) await fill(u);
      else if (r < 0.65) await browseStatistics(u);
      else if (r < 0.75) await readReport(u);
      else if (r < 0.9) await searchCases(u);
      else await download(u);
      await pause(u);
    }
  }

  // Warm-up: each page once, as on a server in service (not counted).
  for (const path of [...STATISTICS_PATHS, ...TABLE_PATHS, ...searchPaths.slice(0, 3)])
    await request("statisticsPage", path, null);
  for (const k of KINDS) samples.get(k)!.length = 0;
  errorCount = 0;
  errors.length = 0;

  const backendPids = async () =>
    (
      await deps.admin.query<{ pid: number }>("select pid from pg_stat_activity where datname = $1", [deps.dbName])
    ).rows.map((r) => r.pid);
  const cpuBefore = {
    server: deps.cpuMs(deps.serverPids(server)),
    postgres: deps.cpuMs(await backendPids()),
    load: process.cpuUsage(),
  };
  const started = process.hrtime.bigint();
  await Promise.all(seeded.users.map(simulate));
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const loadCpu = process.cpuUsage(cpuBefore.load);
  const cpu = {
    server: deps.cpuMs(deps.serverPids(server)) - cpuBefore.server,
    postgres: deps.cpuMs(await backendPids()) - cpuBefore.postgres,
    load: (loadCpu.user + loadCpu.system) / 1000,
  };
  const rss = deps
    .serverPids(server)
    .map(deps.peakRss)
    .filter((x): x is number => x !== null);
  agent.destroy();

  const lost = await lostAnswers(deps.url, seeded.users);
  const total = KINDS.reduce((n, k) => n + samples.get(k)!.length, 0);
  const byKind = Object.fromEntries(
    KINDS.filter((k) => samples.get(k)!.length).map((k) => {
      const ms = samples.get(k)!;
      return [
        k,
        {
          requests: ms.length,
          p50: deps.percentile(ms, 50),
          p95: deps.percentile(ms, 95),
          max: Math.round(Math.max(...ms)),
        },
      ];
    }),
  );
  const drafts = seeded.users.flatMap((u) => u.drafts);
  return {
    users,
    seconds,
    wallSeconds: Math.round(wallSeconds * 10) / 10,
    serverWorkers: Number(workers),
    thinkTimeMs: [thinkMin, thinkMax],
    population: { release: release.number, cases: caseCount },
    requests: total,
    requestsPerSecond: Math.round(total / wallSeconds),
    errors: errorCount,
    firstErrors: errors,
    byKind,
    questionnaires: {
      touched: drafts.filter((d) => d.version > 1).length,
      submitted: drafts.filter((d) => d.submitted).length,
      answersAcknowledged: lost.checked,
    },
    lostAnswers: lost.lost,
    lostExamples: lost.examples,
    // Server processes; this database's PostgreSQL backends (those open at the end); the bench process.
    cpuMsPerRequest: {
      server: Math.round((cpu.server / total) * 100) / 100,
      postgres: Math.round((cpu.postgres / total) * 100) / 100,
      loadGenerator: Math.round((cpu.load / total) * 100) / 100,
    },
    serverPeakRssMB: { largestProcess: Math.max(...rss), allProcesses: rss.reduce((a, b) => a + b, 0) },
    targets: { errors: 0, lostAnswers: 0 },
  };
}

/**
 * Every answer the server acknowledged, compared with what is stored (draft or submitted). With
 * SOAK_PLANT_LOSS=1 one acknowledged answer is deleted first, to show that this check can fail.
 */
async function lostAnswers(url: string, users: User[]) {
  const { sameAnswer } = await import("~/assessment/merge");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const drafts = users.flatMap((u) => u.drafts).filter((d) => Object.keys(d.acked).length);
    if (process.env.SOAK_PLANT_LOSS === "1" && drafts.length) {
      const victim = drafts[0]!;
      const question = Object.keys(victim.acked)[0]!;
      await client.query("update assessments set answers = answers - $1::text where id = $2", [question, victim.id]);
      console.error(`soak: planted a loss (${question} of assessment ${victim.id})`);
    }
    const stored = new Map(
      (
        await client.query<{ id: string; status: string; answers: Answers }>(
          "select id, status::text, answers from assessments where id = any($1::uuid[])",
          [drafts.map((d) => d.id)],
        )
      ).rows.map((r) => [r.id, r]),
    );
    let checked = 0;
    let lost = 0;
    const examples: Array<{ assessment: string; question: string; saved: Change; stored: Change | undefined }> = [];
    for (const d of drafts) {
      const row = stored.get(d.id);
      if (d.submitted && row?.status !== "submitted") {
        lost++;
        examples.push({ assessment: d.id, question: "(status)", saved: "submitted", stored: row?.status ?? null });
      }
      for (const [q, v] of Object.entries(d.acked)) {
        checked++;
        const there = row?.answers[q] as Change | undefined;
        if (!sameAnswer(v, there)) {
          lost++;
          if (examples.length < 10) examples.push({ assessment: d.id, question: q, saved: v, stored: there });
        }
      }
    }
    return { checked, lost, examples };
  } finally {
    await client.end();
  }
}

/**
 * Each user: an owner of a distinct synthetic firm that submitted in 2025 (whose report they read), with
 * a fresh session and `draftsPerUser` empty drafts in periods the population does not use; and
 * `caseCount` published synthetic cases for the search.
 */
async function seedUsersAndCases(url: string, count: number, draftsPerUser: number, caseCount: number) {
  const { openDatabase } = await import("~db/connect");
  const { useDatabase, closeDatabase } = await import("~/platform/db.server");
  const { syncScenesFromContent, allScenes } = await import("~/scenes/scene.server");
  const { syncQuestionnaireVersions, currentQuestionnaireVersion } = await import("~/assessment/questionnaire.server");
  const { questionsOf } = await import("~/assessment/questions");
  const { insertSyntheticCases } = await import("./synthetic-cases");
  const { randomAnswers } = await import("./answers");
  const { seededRandom } = await import("~/platform/seeded-random");
  const { benchUser, sessionCookie } = await import("./members");
  const handle = await openDatabase({ driver: "postgres", url });
  useDatabase(handle);
  try {
    await syncQuestionnaireVersions();
    await syncScenesFromContent();
    const version = (await currentQuestionnaireVersion())!;
    const scenes = await allScenes();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const [caseFirm] = (
      await client.query<{ id: string }>("select firm_id as id from assessments where is_synthetic limit 1")
    ).rows;
    const random = seededRandom(35);
    const caseIds = await insertSyntheticCases(handle.db, { firmId: caseFirm!.id, count: caseCount, random, scenes });

    const picks = (
      await client.query<{ firm: string; id: string }>(
        "select firm_id as firm, id from assessments where status = 'submitted' and period = '2025' order by md5(id::text) limit $1",
        [count],
      )
    ).rows;
    if (picks.length < count) throw new Error(`only ${picks.length} firms for ${count} users: raise SOAK_ASSESSMENTS`);
    const questions = questionsOf(version.definition);
    const pageOf = new Map(questions.map((q) => [q.name, q.pageIndex]));
    const users: User[] = [];
    for (const [i, p] of picks.entries()) {
      const userId = await benchUser(client, `soak-${Date.now()}-${i}@example.test`, `Soak ${i}`);
      await client.query("insert into memberships (firm_id, user_id, role) values ($1, $2, 'owner')", [p.firm, userId]);
      const drafts: Draft[] = [];
      for (const period of DRAFT_PERIODS.slice(0, draftsPerUser)) {
        const { id } = (
          await client.query<{ id: string }>(
            "insert into assessments (firm_id, questionnaire_version_id, period) values ($1, $2, $3) returning id",
            [p.firm, version.id, period],
          )
        ).rows[0]!;
        const answers = randomAnswers(version.compiled, random);
        const pages = version.definition.pages.map(() => [] as Array<[string, Change]>);
        for (const [q, v] of Object.entries(answers)) pages[pageOf.get(q)!]!.push([q, v as Change]);
        drafts.push({
          id,
          base: `/firms/${p.firm}/assessments/${id}`,
          pages,
          page: 0,
          answeredOnPage: 0,
          version: 1,
          acked: {},
          submitted: false,
        });
      }
      users.push({
        index: i,
        cookie: await sessionCookie(client, userId),
        firmId: p.firm,
        reportPath: `/firms/${p.firm}/assessments/${p.id}/report`,
        drafts,
        current: null,
        random: seededRandom(1000 + i),
      });
    }
    await client.end();
    // Another valid answer to a question, for a user who changes their mind.
    const byName = new Map(questions.map((q) => [q.name, q]));
    const alternative = (q: string, current: Change, rnd: () => number): Change | null => {
      const info = byName.get(q);
      if (!info || info.type !== "radiogroup") return null;
      const others = info.values.filter((v) => String(v) !== String(current));
      if (!others.length) return null;
      const value = others[Math.floor(rnd() * others.length)]!;
      return /^\d+$/.test(value) ? Number(value) : value;
    };
    return { seeded: { users, caseIds }, questionnaire: { alternative } };
  } finally {
    await closeDatabase();
  }
}
