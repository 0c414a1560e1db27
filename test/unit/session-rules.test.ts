import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  newSessionExpiry,
  SESSION_LIFETIME_MS,
  SESSION_REFRESH_WINDOW_MS,
  sessionState,
} from "~/accounts/session-rules";

const now = new Date("2026-11-22T08:00:00Z");

describe("session expiry (Lucia guide rules)", () => {
  it("lives 30 days and slides in its second half", () => {
    expect(SESSION_LIFETIME_MS).toBe(30 * DAY_MS);
    expect(SESSION_REFRESH_WINDOW_MS).toBe(15 * DAY_MS);
    const expires = newSessionExpiry(now);
    expect(sessionState(expires, now)).toBe("valid");
    expect(sessionState(expires, new Date(now.getTime() + 15 * DAY_MS - 1))).toBe("valid");
    expect(sessionState(expires, new Date(now.getTime() + 15 * DAY_MS + 1))).toBe("refresh");
    expect(sessionState(expires, new Date(now.getTime() + 30 * DAY_MS - 1))).toBe("refresh");
    expect(sessionState(expires, new Date(now.getTime() + 30 * DAY_MS))).toBe("expired");
  });

  it("a refreshed session is valid again for a full lifetime", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * DAY_MS - 1 }), (elapsed) => {
        const later = new Date(now.getTime() + elapsed);
        const state = sessionState(newSessionExpiry(now), later);
        if (state === "expired") return false;
        return sessionState(newSessionExpiry(later), later) === "valid";
      }),
    );
  });

  it("is expired exactly from its expiry instant on", () => {
    fc.assert(
      fc.property(fc.integer({ min: -60 * DAY_MS, max: 60 * DAY_MS }), (offset) => {
        const expires = new Date(now.getTime() + offset);
        return (sessionState(expires, now) === "expired") === offset <= 0;
      }),
    );
  });
});
