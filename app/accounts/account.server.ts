// Sign-up, sign-in, sign-out and password reset, each audited.
import { and, eq, gt, isNull } from "drizzle-orm";
import { passwordResetTokens, type User, users } from "~db/schema";
import { loginThrottle } from "~/accounts/login-throttle.server";
import { hashPassword } from "~/accounts/password.server";
import { ensureBootstrapAdmins } from "~/accounts/role-grant.server";
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  serializeBlankSessionCookie,
  serializeSessionCookie,
} from "~/accounts/session.server";
import { generateToken, hashToken } from "~/accounts/tokens.server";
import { createUser, findUserByEmail, normaliseEmail, verifyCredentials } from "~/accounts/user.server";
import type { Locale } from "~/i18n/locales";
import { recordAudit } from "~/platform/audit.server";
import { config } from "~/platform/config.server";
import { db } from "~/platform/db.server";
import { enqueueEmail, logUnsentEmail } from "~/platform/outbox.server";

export async function signUp(input: { email: string; password: string; displayName: string; locale: Locale }) {
  const user = await createUser(input);
  await recordAudit({ actorId: user.id, action: "auth.sign_up", subjectType: "user", subjectId: user.id });
  if (config().ADMIN_EMAILS.includes(user.email)) await ensureBootstrapAdmins([user.email]);
  return startSession(user);
}

async function startSession(user: User) {
  const { token } = await createSession(user.id);
  return { user, cookie: await serializeSessionCookie(token) };
}

export type SignInResult =
  | { ok: true; user: User; cookie: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function signIn(email: string, password: string, clientIp: string): Promise<SignInResult> {
  const key = normaliseEmail(email);
  // Counted before the password is checked, so simultaneous attempts cannot slip past the limit.
  const attempt = await loginThrottle().take(key, clientIp);
  if (!attempt.allowed) {
    await recordAudit({
      actorId: null,
      action: "auth.sign_in_throttled",
      details: { account: hashToken(key).slice(0, 16) },
    });
    return { ok: false, reason: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };
  }
  const user = await verifyCredentials(key, password);
  if (!user) {
    await recordAudit({
      actorId: null,
      action: "auth.sign_in_failed",
      details: { account: hashToken(key).slice(0, 16) },
    });
    return { ok: false, reason: "invalid" };
  }
  await loginThrottle().succeeded(key, clientIp);
  await recordAudit({ actorId: user.id, action: "auth.sign_in", subjectType: "user", subjectId: user.id });
  return { ok: true, ...(await startSession(user)) };
}

export async function signOut(sessionId: string, userId: string): Promise<string> {
  await invalidateSession(sessionId);
  await recordAudit({ actorId: userId, action: "auth.sign_out", subjectType: "user", subjectId: userId });
  return serializeBlankSessionCookie();
}

export async function signOutEverywhere(userId: string): Promise<string> {
  await invalidateUserSessions(userId);
  await recordAudit({ actorId: userId, action: "auth.sign_out_everywhere", subjectType: "user", subjectId: userId });
  return serializeBlankSessionCookie();
}

const RESET_LIFETIME_MS = 60 * 60 * 1000;

/** Always behaves the same whether or not the address has an account. */
export async function requestPasswordReset(
  email: string,
  origin: string,
  texts: { subject: string; body: (link: string) => string },
): Promise<void> {
  const user = await findUserByEmail(email);
  if (!user) return;
  const token = generateToken();
  const link = `${origin}/reset-password?${new URLSearchParams({ token })}`;
  const message = { to: user.email, subject: texts.subject, body: texts.body(link), kind: "password_reset" as const };
  await db().transaction(async (tx) => {
    await tx
      .insert(passwordResetTokens)
      .values({ id: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_LIFETIME_MS) });
    await enqueueEmail(message, tx);
    await recordAudit(
      { actorId: user.id, action: "auth.password_reset_requested", subjectType: "user", subjectId: user.id },
      tx,
    );
  });
  logUnsentEmail(message);
}

export async function findValidResetToken(token: string) {
  const [row] = await db()
    .select()
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.id, hashToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/**
 * Set a new password from a reset token; every other reset link of the user and every session end.
 * Returns false for a bad token.
 */
export async function resetPassword(token: string, newPassword: string): Promise<boolean> {
  const row = await findValidResetToken(token);
  if (!row) return false;
  const passwordHash = await hashPassword(newPassword);
  const used = await db().transaction(async (tx) => {
    const marked = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.id, row.id), isNull(passwordResetTokens.usedAt)))
      .returning({ id: passwordResetTokens.id });
    if (marked.length === 0) return false; // used concurrently
    // Every other link the user was sent ends too: one reset answers all of them.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, row.userId), isNull(passwordResetTokens.usedAt)));
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, row.userId));
    await recordAudit(
      { actorId: row.userId, action: "auth.password_reset", subjectType: "user", subjectId: row.userId },
      tx,
    );
    return true;
  });
  if (used) await invalidateUserSessions(row.userId);
  return used;
}
