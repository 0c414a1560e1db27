// HSTS in production (issue 15 item 10): what server/headers.ts sends, served by a real Express app.
import express, { type RequestHandler } from "express";
import { describe, expect, it } from "vitest";
import { parseConfig } from "~/platform/config-schema";

// server/ has no import alias (it is not part of the app); load it by file URL.
const { securityHeaders } = (await import(new URL("../../server/headers.ts", import.meta.url).href)) as {
  securityHeaders: (settings: { secure: boolean }) => RequestHandler[];
};

async function headersServed(secure: boolean, port: number): Promise<Headers> {
  const app = express();
  app.use((_req, res, next) => void ((res.locals.nonce = "n"), next()));
  app.use(securityHeaders({ secure }));
  app.get("/", (_req, res) => void res.send("ok"));
  const server = app.listen(port, "127.0.0.1");
  await new Promise((ok) => server.once("listening", ok));
  try {
    return (await fetch(`http://127.0.0.1:${port}/`)).headers;
  } finally {
    server.close();
  }
}

describe("security headers", () => {
  it("sends HSTS in production (secure by default) and not on a plain-http trial", async () => {
    // Production's default is secure, so HSTS is on unless COOKIE_SECURE=false says it is a local http trial.
    const production = parseConfig({ PUBLIC_ORIGIN: "https://qmd.example.org", SEED_DEMO: "false" });
    const served = await headersServed(production.COOKIE_SECURE, 43001);
    expect(served.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(served.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect((await headersServed(false, 43002)).get("strict-transport-security")).toBeNull();
  });
});
