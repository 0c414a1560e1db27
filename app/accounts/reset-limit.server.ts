// How many password-reset emails one address, and one client, may ask for: counted in the database like the
// login throttle (decision 029), for known and unknown addresses alike, so the answer reveals nothing.
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "~db/connect";
import { rateLimits } from "~db/schema";
import { hashToken } from "~/accounts/tokens.server";
import { normaliseEmail } from "~/accounts/user.server";
import { db } from "~/platform/db.server";
import { logger } from "~/platform/logger.server";

export const RESET_EMAILS_PER_ADDRESS_PER_HOUR = 3;
export const RESET_REQUESTS_PER_CLIENT_PER_HOUR = 10;

const keyOf = (value: string) => hashToken(value).slice(0, 32);

function createResetLimit(store: Db) {
  const limiter = (keyPrefix: string, points: number) =>
    new RateLimiterDrizzle({ storeClient: store, schema: rateLimits, keyPrefix, points, duration: 3600 });
  return {
    byAddress: limiter("reset_address", RESET_EMAILS_PER_ADDRESS_PER_HOUR),
    byClient: limiter("reset_client", RESET_REQUESTS_PER_CLIENT_PER_HOUR),
  };
}

const perDatabase = new WeakMap<Db, ReturnType<typeof createResetLimit>>();

/** Count one reset request; false (and a log line, without the address) once over either limit. */
export async function takeResetRequest(email: string, clientIp: string): Promise<boolean> {
  const store = db();
  let limit = perDatabase.get(store);
  if (!limit) perDatabase.set(store, (limit = createResetLimit(store)));
  const account = keyOf(normaliseEmail(email));
  try {
    await limit.byClient.consume(keyOf(clientIp));
    await limit.byAddress.consume(account);
    return true;
  } catch (refused) {
    if (!(refused instanceof RateLimiterRes)) throw refused;
    logger.warn({ account: account.slice(0, 16) }, "password reset request over the rate limit: no email queued");
    return false;
  }
}
