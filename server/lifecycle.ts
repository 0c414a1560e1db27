// Process lifecycle: the child that does an embedded server's start-up work, a single server that closes
// HTTP and the database on SIGTERM/SIGINT, or a cluster primary (WEB_CONCURRENCY > 1, PostgreSQL only)
// that forks the workers and replaces any that exits.
import { spawn } from "node:child_process";
import cluster from "node:cluster";
import type { Server } from "node:http";
import { type Log, messageOf } from "./log";
import type { PortalEntry, ServerSettings } from "./remix-build";

type Signal = "SIGTERM" | "SIGINT";

function onStopSignal(stop: (signal: Signal) => void): void {
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

/** Stop accepting (a web server; a job worker has none), close the database, exit; forced after 10 s. */
export function stopOnSignal(server: Server | null, shutdown: PortalEntry["shutdown"], log: Log): void {
  let stopping = false;
  onStopSignal(async (signal) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    setTimeout(() => process.exit(1), 10_000).unref();
    server?.close();
    server?.closeIdleConnections();
    try {
      await shutdown();
    } catch (err) {
      log.error({ err: messageOf(err) }, "error while closing the database");
    }
    process.exit(0);
  });
}

export interface PreparationResult {
  /** The child's exit code, or null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The stop signal this process got meanwhile and passed on to the child. */
  stopped: Signal | null;
}

/**
 * Run this same server as `--prepare` in a child process (same Node flags, environment and output): it
 * does the start-up work and exits, so the memory that work grows goes with it (decision 045). A stop
 * signal meanwhile is passed on to the child.
 */
export function runPreparation(): Promise<PreparationResult> {
  return new Promise((resolve) => {
    let stopped: Signal | null = null;
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, "--prepare"], { stdio: "inherit" });
    const forward = (signal: Signal) => {
      stopped = signal;
      child.kill(signal);
    };
    const onTerm = () => forward("SIGTERM");
    const onInt = () => forward("SIGINT");
    process.on("SIGTERM", onTerm);
    process.on("SIGINT", onInt);
    const done = (result: Omit<PreparationResult, "stopped">) => {
      process.off("SIGTERM", onTerm);
      process.off("SIGINT", onInt);
      resolve({ ...result, stopped });
    };
    child.once("error", (err) => {
      console.error(`the start-up process could not be started: ${err.message}`);
      done({ code: 1, signal: null });
    });
    child.once("exit", (code, signal) => done({ code, signal }));
  });
}

/** The cluster primary: shared services for the workers, then `settings.workers` workers. */
export function runPrimary(
  settings: ServerSettings,
  startClusterPrimary: PortalEntry["startClusterPrimary"],
  log: Log,
): void {
  startClusterPrimary();
  // V8 lets the old generation grow lazily to ~300 MB under load; a cap keeps each worker's RSS well
  // under the 300 MB bar at no measured cost in throughput (WORKER_HEAP_MB, default 192).
  cluster.setupPrimary({
    execArgv: [...process.execArgv, `--max-old-space-size=${Number(process.env.WORKER_HEAP_MB ?? 192)}`],
  });
  let stopping = false;
  for (let i = 0; i < settings.workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.error({ worker: worker.id, code }, "worker exited; starting another");
    cluster.fork();
  });
  onStopSignal((signal) => {
    stopping = true;
    log.info({ signal }, "shutting down workers");
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(1), 12_000).unref();
  });
}
