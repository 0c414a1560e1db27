// Whether an error means "the database is not reachable just now" (a connection killed, a server
// shutting down or starting, a dropped network) rather than a bug or a bad request. Pure, so the HTTP
// layer and unit tests use it; the 503 it leads to is made in database-fault.server.ts.

/**
 * SQLSTATEs of a lost or refused connection: admin_shutdown (pg_terminate_backend), crash_shutdown,
 * cannot_connect_now (starting up or shutting down), class 08 (connection exceptions), too_many_connections;
 * and the socket errors Node gives when PostgreSQL is not there.
 */
const UNAVAILABLE_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
]);

// node-postgres words these without a code: the socket closed under a query, or a broken client was reused.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect/i;

/** True for a connection fault anywhere along the error's `cause` chain (drizzle wraps driver errors). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
    e = cause;
  }
  return false;
}

/** Seconds a client should wait before retrying (the pool reconnects at once; PostgreSQL restarts in seconds). */
export const RETRY_AFTER_SECONDS = 5;
