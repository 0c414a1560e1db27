// The login throttle counts before it checks, atomically, in the database (issue 15 items 2 and 10).
import { describe, expect, it } from "vitest";
import { signIn } from "~/accounts/account.server";
import { createLoginThrottle } from "~/accounts/login-throttle.server";
import { config } from "~/platform/config.server";
import { db } from "~/platform/db.server";
import { useIsolatedDatabase } from "~test/support/database";
import { makeUser, TEST_PASSWORD, uniqueEmail } from "~test/support/factories";

useIsolatedDatabase();

const reasons = (results: Array<Awaited<ReturnType<typeof signIn>>>) => results.map((r) => (r.ok ? "ok" : r.reason));
const count = (list: string[], what: string) => list.filter((r) => r === what).length;

describe("the login throttle under simultaneous attempts", () => {
  it.each([20, 24])(
    "%i wrong passwords at once: only the limit is checked, then even the right one waits",
    async (n) => {
      const max = config().LOGIN_MAX_FAILURES;
      const user = await makeUser();
      const ip = `ip-race-${n}`;
      const results = reasons(
        await Promise.all(Array.from({ length: n }, (_, i) => signIn(user.email, `wrong password ${i}`, ip))),
      );
      expect(count(results, "invalid")).toBe(max);
      expect(count(results, "throttled")).toBe(n - max);
      const right = await signIn(user.email, TEST_PASSWORD, ip);
      expect(right.ok ? "ok" : right.reason).toBe("throttled");
      if (!right.ok && right.reason === "throttled") expect(right.retryAfterSeconds).toBeGreaterThan(0);
    },
  );

  it("two nodes on one database share the count", async () => {
    const options = { maxFailures: 5, blockSeconds: 60 };
    const nodeA = createLoginThrottle(db(), options);
    const nodeB = createLoginThrottle(db(), options);
    const email = uniqueEmail();
    const taken = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? nodeA : nodeB).take(email, `ip-node-${i}`)),
    );
    expect(taken.filter((t) => t.allowed)).toHaveLength(5);
    expect((await nodeA.take(email, "ip-node-x")).allowed).toBe(false);
    expect((await nodeB.take(email, "ip-node-y")).allowed).toBe(false);
    // Another account is not affected, on either node.
    expect((await nodeB.take(uniqueEmail(), "ip-node-x")).allowed).toBe(true);
  });

  it("a success on one node ends the run of failures on the other", async () => {
    const options = { maxFailures: 3, blockSeconds: 60 };
    const nodeA = createLoginThrottle(db(), options);
    const nodeB = createLoginThrottle(db(), options);
    const email = uniqueEmail();
    for (let i = 0; i < 2; i++) expect((await nodeA.take(email, "ip-s")).allowed).toBe(true);
    await nodeB.succeeded(email, "ip-s");
    for (let i = 0; i < 3; i++) expect((await nodeA.take(email, "ip-s")).allowed).toBe(true);
    expect((await nodeB.take(email, "ip-s")).allowed).toBe(false);
  });
});
