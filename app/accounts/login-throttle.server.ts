// Login throttling: consecutive failures per account, and a looser cap per client address. Each attempt is
// counted before its password is checked, in one atomic upsert in the database (rate-limiter-flexible's
// drizzle store, on PGlite and PostgreSQL alike), so simultaneous attempts and several web nodes share one
// count (decision 029). Keys are hashes: no email or address is stored.
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "~db/connect";
import { rateLimits } from "~db/schema";
import { hashToken } from "~/accounts/tokens.server";
import { config } from "~/platform/config.server";
import { db } from "~/platform/db.server";

const CLIENT_ATTEMPTS_PER_HOUR = 100;

export interface ThrottleOptions {
  maxFailures: number;
  blockSeconds: number;
}

/** The answer to "may this attempt go on to the password check?". */
export type LoginAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A hashed key: the store never holds an email or an address. */
const keyOf = (value: string) => hashToken(value).slice(0, 32);

/** Counters on `store`; two throttles on one database (two nodes) share their counts. */
export function createLoginThrottle(store: Db, options: ThrottleOptions) {
  const byAccount = new RateLimiterDrizzle({
    storeClient: store,
    schema: rateLimits,
    keyPrefix: "login_account",
    points: options.maxFailures,
    duration: options.blockSeconds,
    blockDuration: options.blockSeconds,
  });
  const byClient = new RateLimiterDrizzle({
    storeClient: store,
    schema: rateLimits,
    keyPrefix: "login_client",
    points: CLIENT_ATTEMPTS_PER_HOUR,
    duration: 3600,
    blockDuration: 3600,
  });
  return {
    /** Count one attempt (atomically) before any password is checked; refused once over the limit. */
    async take(email: string, clientIp: string): Promise<LoginAttempt> {
      try {
        await byClient.consume(keyOf(clientIp));
        await byAccount.consume(keyOf(email));
        return { allowed: true };
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)) };
      }
    },
    /** The right password: the account's run of failures ends, and the attempt is not held against the client. */
    async succeeded(email: string, clientIp: string): Promise<void> {
      await Promise.all([byAccount.delete(keyOf(email)), byClient.reward(keyOf(clientIp), 1)]);
    },
  };
}

const perDatabase = new WeakMap<Db, ReturnType<typeof createLoginThrottle>>();

/** The process's throttle, on the current database. */
export function loginThrottle() {
  const store = db();
  let throttle = perDatabase.get(store);
  if (!throttle) {
    const { LOGIN_MAX_FAILURES, LOGIN_BLOCK_SECONDS } = config();
    throttle = createLoginThrottle(store, { maxFailures: LOGIN_MAX_FAILURES, blockSeconds: LOGIN_BLOCK_SECONDS });
    perDatabase.set(store, throttle);
  }
  return throttle;
}

/** Called once in the primary process of a multi-process server: nothing to start, the counts live in the database. */
export function startThrottleStore(): void {}
