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
  /** Another server process on the same PostgreSQL database (a second web node), at E2E_PORT + `offset`; its base URL. */
  startNode(offset: number): Promise<string>;
  stop(): Promise<void>;
  /** SIGKILL every server process of this spec (a crash: no shutdown code runs); the database stays, for checks. */
  kill(): Promise<void>;
  /** The spec's database, opened from the test (PGlite: only once its server is gone, one process per folder). */
  open(): Promise<DatabaseHandle>;
}

/** `offset` is added to E2E_PORT; `name` names the database or PGlite folder. */
export function ownServer(offset: number, name: string): OwnServer {
  const port = Number(process.env.E2E_PORT ?? 3210) + offset;
  const baseURL = `http://127.0.0.1:${port}`;
  const pgliteDir = `./data/e2e-${name}-${port}`;
  const databaseName = `qmd_e2e_${name.replace(/\W/g, "_")}_${process.pid}`;
  const servers: ChildProcess[] = [];
  let databaseEnv: Record<string, string> | undefined;

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

  async function waitForHealth(url: string): Promise<void> {
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`the ${name} e2e server did not start`);
  }

  async function spawnServer(at: number): Promise<void> {
    const server = spawn(process.execPath, ["build/server.js"], {
      env: {
        ...process.env,
        ...databaseEnv,
        PORT: String(at),
        HOST: "127.0.0.1",
        COOKIE_SECURE: "false",
        SEED_DEMO: "false",
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    servers.push(server);
    await waitForHealth(`http://127.0.0.1:${at}`);
  }

  return {
    baseURL,
    async start(fill) {
      databaseEnv = await prepare(fill);
      await spawnServer(port);
    },
    async startNode(offset) {
      if (!databaseEnv || !process.env.DATABASE_URL)
        throw new Error("a second node needs PostgreSQL and start() first");
      const nodePort = Number(process.env.E2E_PORT ?? 3210) + offset;
      await spawnServer(nodePort);
      return `http://127.0.0.1:${nodePort}`;
    },
    async kill() {
      await Promise.all(
        servers.splice(0).map(async (server) => {
          if (!server.pid || server.exitCode !== null || server.signalCode !== null) return;
          const exited = new Promise((r) => server.once("exit", r));
          server.kill("SIGKILL");
          await exited;
        }),
      );
    },
    open() {
      return process.env.DATABASE_URL
        ? openDatabase({ driver: "postgres", url: databaseUrl(databaseName), poolSize: 2 })
        : openDatabase({ driver: "pglite", dataDir: pgliteDir });
    },
    async stop() {
      await Promise.all(
        servers.splice(0).map(async (server) => {
          if (!server.pid || server.exitCode !== null) return;
          const exited = new Promise((r) => server.once("exit", r));
          server.kill("SIGTERM");
          await exited;
        }),
      );
      if (process.env.DATABASE_URL) {
        const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
        await admin.end();
      } else rmSync(pgliteDir, { recursive: true, force: true });
    },
  };
}
