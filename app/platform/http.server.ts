// Small response helpers shared by routes.
import { config } from "~/platform/config.server";

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}

const PROBE_ORIGIN = "http://same-site.invalid";

/**
 * Only same-site relative paths are allowed as redirect targets. Browsers drop tabs and newlines from a
 * URL and read a backslash as a slash, so "/\t/evil.test" would leave the site: any control character,
 * space or backslash refuses the target (and a control character could not go in a header anyway), and the
 * rest must resolve to this site; it comes back percent-encoded.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(to) || to.length > 2000) return fallback;
  try {
    const url = new URL(to, PROBE_ORIGIN);
    if (url.origin !== PROBE_ORIGIN) return fallback;
    // As the URL parser writes it: percent-encoded ASCII, so it always fits a Location header. Dot
    // segments are resolved on the way ("/.//evil.test" and "/%2e//evil.test" become "//evil.test"), so
    // the result is checked again: a path that starts with two slashes is another host to a browser.
    const path = url.pathname + url.search + url.hash;
    return path.startsWith("//") ? fallback : path;
  } catch {
    return fallback;
  }
}

/** The site's public origin, for links in emails: configured, never the request's Host (see linkOrigin). */
export function siteOrigin(request: Request): string {
  return config().linkOrigin ?? new URL(request.url).origin;
}
