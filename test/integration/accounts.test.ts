import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailOutbox, sessions, users } from "~db/schema";
import { requestPasswordReset, resetPassword, signIn, signOutEverywhere, signUp } from "~/accounts/account.server";
import { createSession, invalidateSession, validateSessionToken } from "~/accounts/session.server";
import { DAY_MS } from "~/accounts/session-rules";
import { EmailTakenError } from "~/accounts/user.server";
import { db } from "~/platform/db.server";
import { useIsolatedDatabase } from "~test/support/database";
import { makeUser, TEST_PASSWORD, uniqueEmail } from "~test/support/factories";

useIsolatedDatabase();

const texts = { subject: "Reset", body: (link: string) => `Open ${link}` };

describe("sign-up and sign-in", () => {
  it("stores an argon2id hash, never the password, and audits the sign-up", async () => {
    const email = uniqueEmail();
    const { user, cookie } = await signUp({
      email: email.toUpperCase(),
      password: TEST_PASSWORD,
      displayName: "A",
      locale: "en",
    });
    expect(user.email).toBe(email);
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(user.passwordHash).not.toContain(TEST_PASSWORD);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const audit = await db().select().from(auditLog).where(eq(auditLog.actorId, user.id));
    expect(audit.map((a) => a.action)).toContain("auth.sign_up");
  });

  it("refuses a second account for the same email, whatever its case", async () => {
    const user = await makeUser();
    await expect(makeUser({ email: user.email.toUpperCase() })).rejects.toBeInstanceOf(EmailTakenError);
    expect(await db().select().from(users).where(eq(users.email, user.email))).toHaveLength(1);
  });

  it("signs in with the right password only", async () => {
    const user = await makeUser();
    expect((await signIn(user.email, "wrong password!", "ip-a")).ok).toBe(false);
    const ok = await signIn(user.email, TEST_PASSWORD, "ip-a");
    expect(ok.ok).toBe(true);
    expect((await signIn(uniqueEmail(), TEST_PASSWORD, "ip-a")).ok).toBe(false);
  });

  it("throttles an account after five wrong passwords in a row, even for the right one", async () => {
    const user = await makeUser();
    for (let i = 0; i < 5; i++)
      expect(await signIn(user.email, `wrong-${i}-password`, "ip-b")).toEqual({ ok: false, reason: "invalid" });
    const sixth = await signIn(user.email, TEST_PASSWORD, "ip-b");
    expect(sixth.ok).toBe(false);
    if (sixth.ok) return;
    expect(sixth.reason).toBe("throttled");
    if (sixth.reason === "throttled") expect(sixth.retryAfterSeconds).toBeGreaterThan(0);
    // Another account from the same client is not locked out by it.
    const other = await makeUser();
    expect((await signIn(other.email, TEST_PASSWORD, "ip-b")).ok).toBe(true);
  });

  it("a success resets the count of failures", async () => {
    const user = await makeUser();
    for (let i = 0; i < 4; i++) await signIn(user.email, "wrong password!", "ip-c");
    expect((await signIn(user.email, TEST_PASSWORD, "ip-c")).ok).toBe(true);
    for (let i = 0; i < 4; i++) await signIn(user.email, "wrong password!", "ip-c");
    expect((await signIn(user.email, TEST_PASSWORD, "ip-c")).ok).toBe(true);
  });
});

describe("database sessions", () => {
  it("stores only the token's hash and validates the token", async () => {
    const user = await makeUser();
    const { token, session } = await createSession(user.id);
    expect(session.id).not.toBe(token);
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    const v = await validateSessionToken(token);
    expect(v?.user.id).toBe(user.id);
    expect(await validateSessionToken(token.replace(/.$/, (c) => (c === "a" ? "b" : "a")))).toBeNull();
  });

  it("extends a session used in its second half and deletes an expired one", async () => {
    const user = await makeUser();
    const start = new Date("2026-01-01T00:00:00Z");
    const { token, session } = await createSession(user.id, start);
    const inSecondHalf = new Date(start.getTime() + 20 * DAY_MS);
    const refreshed = await validateSessionToken(token, inSecondHalf);
    expect(refreshed?.refreshed).toBe(true);
    expect(refreshed!.session.expiresAt.getTime()).toBe(inSecondHalf.getTime() + 30 * DAY_MS);
    const [stored] = await db().select().from(sessions).where(eq(sessions.id, session.id));
    expect(stored!.expiresAt.getTime()).toBe(inSecondHalf.getTime() + 30 * DAY_MS);
    const afterExpiry = new Date(inSecondHalf.getTime() + 31 * DAY_MS);
    expect(await validateSessionToken(token, afterExpiry)).toBeNull();
    expect(await db().select().from(sessions).where(eq(sessions.id, session.id))).toHaveLength(0);
  });

  it("signs out one session, or every session of the user", async () => {
    const user = await makeUser();
    const a = await createSession(user.id);
    const b = await createSession(user.id);
    await invalidateSession(a.session.id);
    expect(await validateSessionToken(a.token)).toBeNull();
    expect(await validateSessionToken(b.token)).not.toBeNull();
    await signOutEverywhere(user.id);
    expect(await validateSessionToken(b.token)).toBeNull();
  });
});

describe("password reset through the outbox", () => {
  it("emails a single-use link that sets a new password and ends every session", async () => {
    const user = await makeUser();
    const before = await createSession(user.id);
    await requestPasswordReset(user.email, "https://qmd.example.org", texts);
    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, user.email));
    expect(mail?.kind).toBe("password_reset");
    const token = /token=([a-z2-7]+)/.exec(mail!.body)![1]!;
    expect(await resetPassword(token, "a brand new password")).toBe(true);
    expect(await resetPassword(token, "another new password")).toBe(false);
    expect(await validateSessionToken(before.token)).toBeNull();
    expect((await signIn(user.email, TEST_PASSWORD, "ip-d")).ok).toBe(false);
    expect((await signIn(user.email, "a brand new password", "ip-d")).ok).toBe(true);
  });

  it("ends every other reset link of the user once one is used", async () => {
    const user = await makeUser();
    for (let k = 0; k < 3; k++) await requestPasswordReset(user.email, "https://qmd.example.org", texts);
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.to, user.email));
    const tokens = mails.map((m) => /token=([a-z2-7]+)/.exec(m.body)![1]!);
    expect(new Set(tokens).size).toBe(3);
    expect(await resetPassword(tokens[1]!, "a brand new password")).toBe(true);
    for (const other of [tokens[0]!, tokens[2]!])
      expect(await resetPassword(other, "an attacker's password")).toBe(false);
    expect((await signIn(user.email, "a brand new password", "ip-e")).ok).toBe(true);
  });

  it("writes nothing for an unknown address and refuses a made-up token", async () => {
    const email = uniqueEmail();
    await requestPasswordReset(email, "https://qmd.example.org", texts);
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.to, email))).toHaveLength(0);
    expect(await resetPassword("a".repeat(32), "a brand new password")).toBe(false);
  });
});
