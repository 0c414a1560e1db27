// Bench part "pdf": the firm report as a PDF (report.pdf) over BENCH_ASSESSMENTS synthetic assessments
// (default 20,000 here: a PDF costs its report's reads plus the drawing, which do not grow with the
// population), 4 visitors at once, each opening their own firm's PDF: p50/p95, server CPU ms per
// request and the server's peak RSS. Target: p95 under 2 s, RSS under 300 MB.
import { spawn } from "node:child_process";
import pg from "pg";
import { httpGet } from "./http-get";
import { reportVisitors } from "./members";

export interface PdfBenchDeps {
  url: string;
  startServer: (port: number, workers: string) => Promise<ReturnType<typeof spawn>>;
  serverPids: (server: ReturnType<typeof spawn>) => number[];
  cpuMs: (pids: number[]) => number;
  peakRss: (pid: number) => number | null;
  percentile: (xs: number[], p: number) => number;
}

function runScript(script: string, args: string[], url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}`))));
  });
}

const VISITORS = 4;
const PER_VISITOR = 15;

export async function benchPdf(deps: PdfBenchDeps, target: number) {
  const { expectedAssessmentsPerFirm } = await import("~db/synth/generate");
  const firms = Math.ceil(target / expectedAssessmentsPerFirm(3));
  await runScript(
    "db/synth/cli.ts",
    ["--firms", String(firms), "--seed", "2026", "--periods", "2023,2024,2025"],
    deps.url,
  );
  await runScript("db/release-cli.ts", ["--publish", "--label", `bench-pdf-${Date.now()}`], deps.url);
  const client = new pg.Client({ connectionString: deps.url });
  await client.connect();
  await client.query("vacuum (analyze)");
  const assessments = (
    await client.query<{ n: number }>("select count(*)::int as n from assessments where status = 'submitted'")
  ).rows[0]!.n;
  const members = await reportVisitors(client, {
    count: VISITORS * PER_VISITOR + VISITORS,
    page: "report.pdf",
    emailPrefix: "pdf-bench",
  });
  await client.end();

  const port = 3293;
  const server = await deps.startServer(port, "1");
  const get = async (m: { path: string; cookie: string }) => {
    const visit = await httpGet(port, m.path, m.cookie);
    if (visit.status !== 200 || !visit.body.startsWith("%PDF-")) throw new Error(`${m.path} answered ${visit.status}`);
    return visit;
  };
  // The first PDF of the process reads and parses the font: timed apart, as a server's first download.
  const first = await get(members[0]!);
  const warm = members.slice(1, VISITORS);
  for (const m of warm) await get(m);
  const measured = members.slice(VISITORS);
  const bytes: number[] = [];
  const ms: number[] = [];
  const cpuBefore = deps.cpuMs(deps.serverPids(server));
  await Promise.all(
    Array.from({ length: VISITORS }, async (_, v) => {
      for (let r = 0; r < PER_VISITOR; r++) {
        const visit = await get(measured[r * VISITORS + v]!);
        ms.push(visit.ms);
        bytes.push(Buffer.byteLength(visit.body, "latin1"));
      }
    }),
  );
  const cpu = deps.cpuMs(deps.serverPids(server)) - cpuBefore;
  const rss = deps
    .serverPids(server)
    .map(deps.peakRss)
    .filter((x): x is number => x !== null);
  return {
    assessments,
    firstPdfMs: Math.round(first.ms),
    samples: ms.length,
    concurrentVisitors: VISITORS,
    p50: deps.percentile(ms, 50),
    p95: deps.percentile(ms, 95),
    max: Math.round(Math.max(...ms)),
    serverCpuMsPerRequest: Math.round(cpu / ms.length),
    pdfKB: Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length / 1024),
    serverPeakRssMB: { largestProcess: Math.max(...rss), allProcesses: rss.reduce((a, b) => a + b, 0) },
    targets: { p95Ms: 2000, rssMB: 300 },
  };
}
