import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "~/platform/config-schema";

describe("configuration", () => {
  it("has working defaults: PGlite, port 3000, demo seed on, secure cookies in production", () => {
    const c = parseConfig({});
    expect(c.databaseDriver).toBe("pglite");
    expect(c.PORT).toBe(3000);
    expect(c.SEED_DEMO).toBe(true);
    expect(c.NODE_ENV).toBe("production");
    expect(c.COOKIE_SECURE).toBe(true);
    expect(c.LOGIN_MAX_FAILURES).toBe(5);
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const c = parseConfig({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/qmd" });
    expect(c.databaseDriver).toBe("postgres");
  });

  it("treats empty strings as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", PORT: "" }).databaseDriver).toBe("pglite");
  });

  it("parses flags and lets COOKIE_SECURE override the default", () => {
    expect(parseConfig({ SEED_DEMO: "false", HOST: "127.0.0.1" }).SEED_DEMO).toBe(false);
    expect(parseConfig({ SEED_DEMO: "1" }).SEED_DEMO).toBe(true);
    expect(parseConfig({ NODE_ENV: "development" }).COOKIE_SECURE).toBe(false);
    expect(parseConfig({ COOKIE_SECURE: "false" }).COOKIE_SECURE).toBe(false);
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ PORT: "70000" }, "PORT"],
    [{ PORT: "abc" }, "PORT"],
    [{ SEED_DEMO: "maybe" }, "SEED_DEMO"],
    [{ PUBLIC_ORIGIN: "ftp://example.org" }, "PUBLIC_ORIGIN"],
    [{ SMTP_URL: "http://mail" }, "SMTP_URL"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
  ])("refuses %o with a message naming the variable", (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(new RegExp(`${name}:`));
  });

  it("names every bad variable at once", () => {
    try {
      parseConfig({ PORT: "0", DATABASE_URL: "nope" });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT:/);
      expect((e as Error).message).toMatch(/DATABASE_URL:/);
    }
  });

  it("requires PUBLIC_ORIGIN in production, except for the demo or a loopback-only trial", () => {
    expect(() => parseConfig({ SEED_DEMO: "false" })).toThrow(/PUBLIC_ORIGIN: required in production/);
    expect(parseConfig({ SEED_DEMO: "false", PUBLIC_ORIGIN: "https://qmd.example.org/x" }).linkOrigin).toBe(
      "https://qmd.example.org",
    );
    expect(parseConfig({}).linkOrigin).toBe("http://localhost:3000");
    expect(parseConfig({ SEED_DEMO: "false", HOST: "127.0.0.1", PORT: "4100" }).linkOrigin).toBe(
      "http://127.0.0.1:4100",
    );
    expect(parseConfig({ NODE_ENV: "development", SEED_DEMO: "false" }).linkOrigin).toBe("http://localhost:3000");
  });

  it("takes links from the request only behind a trusted proxy without PUBLIC_ORIGIN", () => {
    expect(parseConfig({ NODE_ENV: "development", TRUST_PROXY: "true" }).linkOrigin).toBeNull();
    expect(parseConfig({ TRUST_PROXY: "true", PUBLIC_ORIGIN: "https://a.example" }).linkOrigin).toBe(
      "https://a.example",
    );
  });
});
