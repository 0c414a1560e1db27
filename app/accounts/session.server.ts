// Database sessions as taught by the Lucia guide: the cookie holds a random token, the
// database holds its hash; sessions expire after 30 days and slide when used.
import { createCookie } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import { type Session, sessions, type User, users } from "~db/schema";
import type { Principal } from "~/accounts/access";
import { accessRowsSql, principalFromRows } from "~/accounts/principal.server";
import { newSessionExpiry, SESSION_LIFETIME_MS, sessionState } from "~/accounts/session-rules";
import { generateToken, hashToken } from "~/accounts/tokens.server";
import { config } from "~/platform/config.server";
import { db } from "~/platform/db.server";
import { prepared } from "~/platform/prepared.server";

let cookie: ReturnType<typeof createCookie> | undefined;

export function sessionCookie() {
  const secure = config().COOKIE_SECURE;
  cookie ??= createCookie(secure ? "__Host-qmd_session" : "qmd_session", {
    httpOnly: true,
    secure,
    sameSite: "lax",
    path: "/",
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
  return cookie;
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[a-z2-7]{32}$/.test(value) ? value : null;
}

export async function createSession(userId: string, now = new Date()): Promise<{ token: string; session: Session }> {
  const token = generateToken();
  const [session] = await db()
    .insert(sessions)
    .values({ id: hashToken(token), userId, expiresAt: newSessionExpiry(now) })
    .returning();
  return { token, session: session! };
}

export type SessionValidation = { session: Session; user: User; principal: Principal; refreshed: boolean } | null;

// Runs on every signed-in request: the session, its user and the user's access in one query.
const sessionLookup = () =>
  prepared("session_lookup", (d) =>
    d
      .select({ session: sessions, user: users, access: accessRowsSql(users.id) })
      .from(sessions)
      .innerJoin(users, eq(sessions.userId, users.id))
      .where(eq(sessions.id, sql.placeholder("id")))
      .prepare("session_lookup"),
  );

// Sliding expiry: at most once per half-lifetime for a session in use (the bench's sessions, due
// within a day, each refresh on their one submit).
const sessionRefresh = () =>
  prepared("session_refresh", (d) =>
    d
      .update(sessions)
      .set({ expiresAt: sql`${sql.placeholder("expiresAt")}` })
      .where(eq(sessions.id, sql.placeholder("id")))
      .prepare("session_refresh"),
  );

export async function validateSessionToken(token: string, now = new Date()): Promise<SessionValidation> {
  const id = hashToken(token);
  const [found] = await sessionLookup().execute({ id });
  if (!found) return null;
  const row = { session: found.session, user: found.user, principal: principalFromRows(found.user.id, found.access) };
  const state = sessionState(row.session.expiresAt, now);
  if (state === "expired") {
    await db().delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (state === "refresh") {
    const expiresAt = newSessionExpiry(now);
    await sessionRefresh().execute({ id, expiresAt });
    return { ...row, session: { ...row.session, expiresAt }, refreshed: true };
  }
  return { ...row, refreshed: false };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await db().delete(sessions).where(eq(sessions.id, sessionId));
}

/** Sign out everywhere. */
export async function invalidateUserSessions(userId: string): Promise<void> {
  await db().delete(sessions).where(eq(sessions.userId, userId));
}

export function serializeSessionCookie(token: string): Promise<string> {
  return sessionCookie().serialize(token);
}

export function serializeBlankSessionCookie(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0 });
}
