import type { User } from "~db/schema";
import type { Principal } from "~/accounts/access";

// Per-request state shared by every loader/action of one request and by entry.server.
export interface RequestContext {
  /** CSP nonce for inline scripts of this response. */
  nonce: string;
  /** Set-Cookie values that entry.server appends to the response (e.g. a refreshed session). */
  setCookies: string[];
  /** The client address, used only in memory for rate limiting; never stored. */
  clientIp: string;
  /** Memoised auth lookup for this request. */
  auth?: Promise<{ user: User; principal: Principal; sessionId: string } | null>;
}

declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
}

export function createRequestContext(overrides: Partial<RequestContext> = {}): RequestContext {
  return { nonce: "", setCookies: [], clientIp: "unknown", ...overrides };
}

// Single-fetch typing for useLoaderData/useActionData (Remix v2 future flag).
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
