// A server of a spec's own, on a database the spec fills before it starts (PGlite allows one process per
// data folder, so specs that need special data cannot share the suite's server).
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "~db/connect";

function databaseUrl(name: string): string {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface OwnServer {
  baseURL: string;
  start(fill: (handle: DatabaseHandle) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** `offset` is added to E2E_PORT; `name` names the database or PGlite folder. */
export function ownServer(offset: number, name: string): OwnServer {
  const port = Number(process.env.E2E_PORT ?? 3210) + offset;
  const baseURL = `http://127.0.0.1:${port}`;
  const pgliteDir = `./data/e2e-${name}-${port}`;
  const databaseName = `qmd_e2e_${name.replace(/\W/g, "_")}_${process.pid}`;
  let server: ChildProcess | undefined;

  async function prepare(fill: (handle: DatabaseHandle) => Promise<void>): Promise<Record<string, string>> {
    let handle: DatabaseHandle;
    let env: Record<string, string>;
    if (process.env.DATABASE_URL) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${databaseName}`);
      await admin.end();
      handle = await openDatabase({ driver: "postgres", url: databaseUrl(databaseName) });
      env = { DATABASE_URL: databaseUrl(databaseName) };
    } else {
      rmSync(pgliteDir, { recursive: true, force: true });
      handle = await openDatabase({ driver: "pglite", dataDir: pgliteDir });
      env = { PGLITE_DIR: pgliteDir };
    }
    await handle.migrate("db/migrations");
    try {
      await fill(handle);
    } finally {
      await handle.close();
    }
    return env;
  }

  async function waitForHealth(): Promise<void> {
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`${baseURL}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`the ${name} e2e server did not start`);
  }

  return {
    baseURL,
    async start(fill) {
      const env = await prepare(fill);
      server = spawn(process.execPath, ["build/server.js"], {
        env: {
          ...process.env,
          ...env,
          PORT: String(port),
          HOST: "127.0.0.1",
          COOKIE_SECURE: "false",
          SEED_DEMO: "false",
          LOG_LEVEL: "warn",
          NODE_ENV: "production",
        },
        stdio: ["ignore", "ignore", "inherit"],
      });
      await waitForHealth();
    },
    async stop() {
      if (server?.pid && server.exitCode === null) {
        const exited = new Promise((r) => server!.once("exit", r));
        server.kill("SIGTERM");
        await exited;
      }
      if (process.env.DATABASE_URL) {
        const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
        await admin.end();
      } else rmSync(pgliteDir, { recursive: true, force: true });
    },
  };
}
