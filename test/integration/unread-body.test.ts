// A response sent before its request body was read must not stall the kept-alive connection: the next
// request on the same socket is answered at once, not after headersTimeout and a reset (issue 15). Also:
// public/'s own files are served by name, and nothing else goes near the disk.
import { Agent, request } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useIsolatedDatabase } from "~test/support/database";
import { type InProcessServer, startInProcessServer } from "~test/support/in-process-app";

useIsolatedDatabase();
let server: InProcessServer;
beforeAll(async () => {
  server = await startInProcessServer();
});
afterAll(async () => {
  await server.close();
});

/** One POST over `agent`; rejects when no answer comes within 10 s (the stall lasted a minute). */
function post(agent: Agent, path: string, body: string): Promise<{ status: number; socket: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.baseURL}${path}`,
      {
        method: "POST",
        agent,
        timeout: 10_000,
        headers: { Origin: server.baseURL, "Content-Type": "application/x-www-form-urlencoded" },
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({ status: res.statusCode!, socket: (req.socket as { localPort?: number }).localPort! }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer to ${body.length} bytes within 10 s`)));
    req.on("error", reject);
    req.end(body);
  });
}

it("after a large body the route never read, the same connection answers the next requests at once", async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  // Signed out, so the action redirects to sign-in before it reads the form.
  const path = "/firms/00000000-0000-4000-8000-000000000000/cases/new";
  const large = new URLSearchParams(Array.from({ length: 30 }, (_, i) => [`f${i}`, "长".repeat(1500)])).toString();
  const answers = [];
  for (const body of [large, "a=1", large, "a=2"]) answers.push(await post(agent, path, body));
  agent.destroy();
  expect(answers.map((a) => a.status)).toEqual([302, 302, 302, 302]);
  // One socket throughout: the test is about a reused connection.
  expect(new Set(answers.map((a) => a.socket)).size).toBe(1);
}, 60_000);

it("serves public/'s own files by name, and leaves every other path to the routes", async () => {
  const robots = await fetch(`${server.baseURL}/robots.txt`);
  expect(robots.status).toBe(200);
  expect(robots.headers.get("Cache-Control")).toBe("public, max-age=3600");
  expect(await robots.text()).toContain("User-agent");
  expect((await fetch(`${server.baseURL}/print.js`, { method: "HEAD" })).status).toBe(200);
  // Not a public file: the portal's own not-found page, not a static 404 or a directory listing.
  const missing = await fetch(`${server.baseURL}/robots.txt.bak`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get("Content-Type")).toMatch(/text\/html/);
  expect(await missing.text()).toContain("<title>");
});
