// Session lifetime rules from the Lucia guide: a session lives 30 days and slides forward
// when it is used in its second half.
export const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_REFRESH_WINDOW_MS = 15 * DAY_MS;

export type SessionState = "expired" | "refresh" | "valid";

export function sessionState(expiresAt: Date, now: Date): SessionState {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return "expired";
  if (left < SESSION_REFRESH_WINDOW_MS) return "refresh";
  return "valid";
}

export function newSessionExpiry(now: Date): Date {
  return new Date(now.getTime() + SESSION_LIFETIME_MS);
}
