// What wraps every response: a per-request CSP nonce, the access log line, and the security
// headers (helmet's CSP naming that nonce, HSTS when secure, Permissions-Policy).
import { randomBytes } from "node:crypto";
import type { RequestHandler, Response } from "express";
import helmet from "helmet";
import type { Log } from "./log";
import type { ServerSettings } from "./remix-build";

declare global {
  // Express types its per-response locals through this global namespace; augmenting it is the documented way.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The CSP nonce of this response, for Remix's inline scripts (see loadContext). */
      nonce: string;
    }
  }
}

/** Gives the response its nonce and logs it once finished. */
export function nonceAndAccessLog(log: Log): RequestHandler {
  return (req, res, next) => {
    res.locals.nonce = randomBytes(16).toString("base64");
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    next();
  };
}

export function securityHeaders(settings: ServerSettings): RequestHandler[] {
  const csp = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        // helmet passes Node's ServerResponse type; at run time it is Express's, with the nonce.
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.nonce}'`],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        ...(settings.secure ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    // "no-referrer" would make browsers send `Origin: null` on same-site form posts (refused by the origin check).
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: settings.secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  const permissions: RequestHandler = (_req, res, next) => {
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    next();
  };
  return [csp, permissions];
}
