import type { User } from "~db/schema";
import type { Principal } from "~/accounts/access";
import type { RequestI18n } from "~/i18n/server-t.server";
import type { RequestedRelease } from "~/statistics/publish/view.server";

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
  /** The caller's locale and `t`, worked out once (requestI18n). */
  i18n?: Promise<RequestI18n>;
  /** The statistics release the URL asks for, looked up once for the layout and its child (requestedRelease). */
  release?: Promise<RequestedRelease | "unknown" | "withdrawn" | null>;
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
