// Login throttling: consecutive failures per account, and a looser cap per client address.
// Counters live in memory only (a restart forgets them), so no address is ever stored. With
// several worker processes the counters live in the primary and workers ask it over IPC.
import cluster from "node:cluster";
import {
  type RateLimiterAbstract,
  RateLimiterCluster,
  RateLimiterClusterMaster,
  RateLimiterMemory,
} from "rate-limiter-flexible";
import { config } from "~/platform/config.server";

let byAccount: RateLimiterAbstract | undefined;
let byClient: RateLimiterAbstract | undefined;
const CLIENT_FAILURES_PER_HOUR = 100;

function limiter(options: {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration: number;
}): RateLimiterAbstract {
  return cluster.isWorker ? new RateLimiterCluster({ ...options, timeoutMs: 3000 }) : new RateLimiterMemory(options);
}

/** Called once in the primary process of a multi-process server. */
export function startThrottleStore(): void {
  new RateLimiterClusterMaster();
}

function limiters() {
  const { LOGIN_MAX_FAILURES, LOGIN_BLOCK_SECONDS } = config();
  byAccount ??= limiter({
    keyPrefix: "login_account",
    points: LOGIN_MAX_FAILURES,
    duration: LOGIN_BLOCK_SECONDS,
    blockDuration: LOGIN_BLOCK_SECONDS,
  });
  byClient ??= limiter({
    keyPrefix: "login_client",
    points: CLIENT_FAILURES_PER_HOUR,
    duration: 3600,
    blockDuration: 3600,
  });
  return { byAccount, byClient, max: LOGIN_MAX_FAILURES };
}

/** Seconds to wait before another attempt, or 0 when an attempt is allowed. */
export async function loginRetryAfter(email: string, clientIp: string): Promise<number> {
  const { byAccount, byClient, max } = limiters();
  const [account, client] = await Promise.all([byAccount.get(email), byClient.get(clientIp)]);
  const wait = (r: typeof account, limit: number) =>
    r && r.consumedPoints >= limit ? Math.ceil(r.msBeforeNext / 1000) : 0;
  return Math.max(wait(account, max), wait(client, CLIENT_FAILURES_PER_HOUR));
}

export async function recordLoginFailure(email: string, clientIp: string): Promise<void> {
  const { byAccount, byClient } = limiters();
  await Promise.all([byAccount.penalty(email, 1), byClient.penalty(clientIp, 1)]);
}

export async function recordLoginSuccess(email: string): Promise<void> {
  await limiters().byAccount.delete(email);
}
