// The request id of the request being served, for every log line written while serving it. The
// HTTP layer (server/app.ts) runs each request inside `runWithRequestId`; the loggers of both
// bundles (server/log.ts and app/platform/logger.server.ts) read it through `requestIdMixin`. The
// store lives on globalThis so that the server bundle and the Remix build share one.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

const KEY = Symbol.for("qmd-portal.request-id");
const holder = globalThis as { [KEY]?: AsyncLocalStorage<string> };
const store = (holder[KEY] ??= new AsyncLocalStorage<string>());

/** A caller's `X-Request-Id` is kept when it is a plain token (a proxy's id); otherwise a new UUID. */
export function requestIdFrom(header: string | undefined): string {
  return header && /^[\w.-]{8,64}$/.test(header) ? header : randomUUID();
}

export function runWithRequestId<T>(id: string, fn: () => T): T {
  return store.run(id, fn);
}

export function currentRequestId(): string | undefined {
  return store.getStore();
}

/** pino's `mixin`: `{ reqId }` inside a request, nothing outside one. */
export function requestIdMixin(): { reqId?: string } {
  const id = store.getStore();
  return id ? { reqId: id } : {};
}
