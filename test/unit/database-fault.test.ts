// Which errors are a lost database connection (answered 503, retry) and which are not (a bug: 500).
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "~/platform/database-fault";

const pgError = (code: string, message = "error") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("knows a terminated, refused or broken connection, also wrapped by drizzle", () => {
    for (const code of ["57P01", "57P02", "57P03", "08006", "08003", "ECONNREFUSED"])
      expect(isDatabaseUnavailable(pgError(code)), code).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(
      true,
    );
    const wrapped = new Error("Failed query: update assessments …", {
      cause: pgError("57P01", "terminating connection due to administrator command"),
    });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it("leaves other errors alone: constraint violations, bad SQL, bugs, thrown responses", () => {
    for (const code of ["23505", "22P02", "42P01", "40001"])
      expect(isDatabaseUnavailable(pgError(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(new Response(null, { status: 404 }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("Connection terminated")).toBe(false);
  });
});
