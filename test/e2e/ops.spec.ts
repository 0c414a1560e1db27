// Operations, against servers of this spec's own: every request log line carries the request id;
// /metrics needs the token when one is set (and loopback otherwise); /healthz answers 503 while
// PostgreSQL is unreachable and 200 again after, with no restart; on PGlite a first start does its
// start-up work in a child process and a second start none; an unwritable PGlite folder stops the start
// with a message naming it.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { expect, test } from "@playwright/test";
import pg from "pg";

const basePort = Number(process.env.E2E_PORT ?? 3210);
const TOKEN = "e2e-metrics-token-0123456789";
const START_WITHIN_MS = 150_000;

interface Started {
  baseURL: string;
  child: ChildProcess;
  lines: () => Array<Record<string, unknown>>;
  stop: () => Promise<void>;
}

function startPortal(offset: number, env: Record<string, string>): Promise<Started> & { child: ChildProcess } {
  const port = basePort + offset;
  const baseURL = `http://127.0.0.1:${port}`;
  let out = "";
  const child = spawn(process.execPath, ["build/server.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      COOKIE_SECURE: "false",
      SEED_DEMO: "false",
      LOG_LEVEL: "info",
      NODE_ENV: "production",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const lines = () =>
    out
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
  };
  const ready = (async () => {
    // A start migrates a new database (and on PGlite creates the data folder): on a loaded machine that
    // took over a minute, so the wait is a deadline well inside the test's timeout, not a fixed count.
    const deadline = Date.now() + START_WITHIN_MS;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        if ((await fetch(`${baseURL}/healthz`)).ok) return { baseURL, child, lines, stop };
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the ops e2e server did not start:\n${out}`);
  })();
  return Object.assign(ready, { child });
}

function databaseUrl(name: string, port?: number): string {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${name}`;
  if (port) u.port = String(port);
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A TCP relay to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
function relay(listenPort: number, target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  return {
    up: () =>
      new Promise<void>((resolve) => {
        server = createServer((client) => {
          const upstream = connect(Number(target.port || 5432), target.hostname);
          for (const s of [client, upstream]) {
            sockets.add(s);
            s.on("error", () => undefined);
            s.on("close", () => {
              client.destroy();
              upstream.destroy();
              sockets.delete(s);
            });
          }
          client.pipe(upstream).pipe(client);
        });
        server.listen(listenPort, "127.0.0.1", () => resolve());
      }),
    down: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        sockets.clear();
        if (server) server.close(() => resolve());
        else resolve();
      }),
  };
}

test.describe("operations", () => {
  test.describe.configure({ mode: "serial", timeout: START_WITHIN_MS + 90_000 });

  test("request ids in every request log line, and /metrics behind its token", async () => {
    const dir = `./data/e2e-ops-${basePort + 40}`;
    rmSync(dir, { recursive: true, force: true });
    const env: Record<string, string> = { METRICS_TOKEN: TOKEN };
    const dbName = `qmd_e2e_ops_metrics_${process.pid}`;
    if (process.env.DATABASE_URL) {
      await admin((c) =>
        c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).then(() => c.query(`CREATE DATABASE ${dbName}`)),
      );
      env.DATABASE_URL = databaseUrl(dbName);
    } else env.PGLITE_DIR = dir;
    const portal = await startPortal(40, env);
    try {
      const { baseURL } = portal;
      const own = await fetch(`${baseURL}/scenes`, { headers: { "X-Request-Id": "e2e-request-0001" } });
      expect(own.headers.get("x-request-id")).toBe("e2e-request-0001");
      const minted = await fetch(`${baseURL}/firms/firm-one/plan`, { redirect: "manual" });
      const mintedId = minted.headers.get("x-request-id");
      expect(mintedId).toMatch(/^[0-9a-f-]{36}$/);
      await fetch(`${baseURL}/firms/firm-two/plan`, { redirect: "manual" });
      await fetch(`${baseURL}/no/such/page`);

      expect((await fetch(`${baseURL}/metrics`)).status).toBe(401);
      const wrong = await fetch(`${baseURL}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}x` } });
      expect(wrong.status).toBe(401);
      expect(((await wrong.json()) as { error: string }).error).toBe("unauthorized");
      const ok = await fetch(`${baseURL}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get("content-type")).toMatch(/^text\/plain/);
      const text = await ok.text();
      expect(text).toContain(
        'qmd_http_request_duration_seconds_count{method="GET",route="/firms/:firmId/plan",status="302"} 2',
      );
      expect(text).toContain('qmd_http_request_duration_seconds_count{method="GET",route="/scenes",status="200"} 1');
      expect(text).toContain('qmd_http_request_duration_seconds_count{method="GET",route="/*",status="404"} 1');
      expect(text).not.toMatch(/route="\/firms\/firm-/);
      expect(text).toMatch(/^qmd_process_resident_memory_bytes \d/m);
      if (process.env.DATABASE_URL) expect(text).toMatch(/^qmd_db_pool_connections\{state="total"\} [1-9]/m);

      await expect.poll(() => portal.lines().filter((l) => l.msg === "request").length).toBeGreaterThanOrEqual(7);
      const requests = portal.lines().filter((l) => l.msg === "request");
      for (const line of requests) expect(line.reqId, JSON.stringify(line)).toMatch(/^[\w.-]{8,64}$/);
      expect(requests.find((l) => l.path === "/scenes")?.reqId).toBe("e2e-request-0001");
      expect(requests.find((l) => l.path === "/firms/firm-one/plan")?.reqId).toBe(mintedId);
      expect(new Set(requests.map((l) => l.reqId)).size).toBe(requests.length);
      // Lines outside any request (start-up) carry none.
      expect(portal.lines().find((l) => l.msg === "database ready")?.reqId).toBeUndefined();
    } finally {
      await portal.stop();
      if (process.env.DATABASE_URL) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
      else rmSync(dir, { recursive: true, force: true });
    }
  });

  test("without a token, /metrics answers direct loopback connections only", async ({ request }) => {
    expect((await request.get("/metrics")).status()).toBe(200);
    const forwarded = await request.get("/metrics", { headers: { "X-Forwarded-For": "203.0.113.7" } });
    expect(forwarded.status()).toBe(403);
    expect(((await forwarded.json()) as { error: string }).error).toBe("forbidden");
  });

  test("/healthz answers 503 while PostgreSQL is unreachable and 200 again after", async () => {
    test.skip(!process.env.DATABASE_URL, "PostgreSQL only: PGlite lives inside the portal's process");
    const dbName = `qmd_e2e_ops_health_${process.pid}`;
    await admin((c) =>
      c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).then(() => c.query(`CREATE DATABASE ${dbName}`)),
    );
    const relayPort = basePort + 42;
    const link = relay(relayPort, new URL(process.env.DATABASE_URL!));
    await link.up();
    const portal = await startPortal(41, { DATABASE_URL: databaseUrl(dbName, relayPort) });
    try {
      const health = () => fetch(`${portal.baseURL}/healthz`).then((r) => r.status);
      expect(await health()).toBe(200);
      await link.down();
      await expect.poll(health, { timeout: 15_000 }).toBe(503);
      expect(await health()).toBe(503);
      await link.up();
      await expect.poll(health, { timeout: 15_000 }).toBe(200);
      // Pages work again too, on the same process.
      expect((await fetch(`${portal.baseURL}/scenes`)).status).toBe(200);
      expect(portal.child.exitCode).toBeNull();
    } finally {
      await portal.stop();
      await link.down();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
    }
  });

  test("on PGlite the first start does its start-up work in a child process, and the next start none", async () => {
    test.skip(Boolean(process.env.DATABASE_URL), "PGlite only");
    const dir = `./data/e2e-ops-${basePort + 44}`;
    rmSync(dir, { recursive: true, force: true });
    const CHILD_DONE = "start-up work done in a child process";
    try {
      const first = await startPortal(44, { PGLITE_DIR: dir });
      await first.stop();
      expect(first.lines().filter((l) => l.msg === CHILD_DONE)).toHaveLength(1);
      // The child migrated and synced; the server only opened the folder after it (decision 045).
      expect(first.lines().filter((l) => l.msg === "database ready")).toHaveLength(2);
      const second = await startPortal(44, { PGLITE_DIR: dir });
      expect((await fetch(`${second.baseURL}/scenes`)).status).toBe(200);
      await second.stop();
      expect(second.lines().filter((l) => l.msg === CHILD_DONE)).toHaveLength(0);
      expect(second.lines().filter((l) => l.msg === "database ready")).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("an unwritable PGlite folder stops the start with a message naming it", async () => {
    test.skip(Boolean(process.env.DATABASE_URL), "PGlite only");
    const root = `./data/e2e-ops-unwritable-${process.pid}`;
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    // A file where the folder should be: no mode bit helps root here.
    writeFileSync(`${root}/blocked`, "");
    const cases = [`${root}/blocked/pglite`];
    // A read-only folder, which stops every user but root.
    if (process.getuid?.() !== 0) {
      mkdirSync(`${root}/read-only`);
      chmodSync(`${root}/read-only`, 0o500);
      cases.push(`${root}/read-only/pglite`);
    }
    try {
      for (const dir of cases) {
        const portal = startPortal(43, { PGLITE_DIR: dir });
        portal.catch(() => undefined);
        const code = await new Promise<number | null>((r) => portal.child.once("exit", r));
        expect(code).not.toBe(0);
        await expect(portal).rejects.toThrow(/did not start/);
        const message = await portal.catch((e: Error) => e.message);
        expect(message).toContain(`the PGlite folder ${process.cwd()}/${dir.slice(2)} (PGLITE_DIR) cannot be written`);
      }
    } finally {
      chmodSync(root, 0o700);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
