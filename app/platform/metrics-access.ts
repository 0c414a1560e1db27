// Who may read /metrics (decision 031). With METRICS_TOKEN set: a request carrying
// `Authorization: Bearer <token>`, from any address. Without it: only a direct connection from this
// machine (loopback socket address and no proxy forwarding headers, since a reverse proxy on the
// same host also connects from loopback).
import { timingSafeEqual } from "node:crypto";

export interface MetricsRequest {
  /** The socket's peer address (never the X-Forwarded-For value). */
  remoteAddress: string | undefined;
  authorization: string | undefined;
  forwarded: boolean;
}

export type MetricsAccess = "allowed" | "unauthorized" | "forbidden";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function metricsAccess(req: MetricsRequest, token: string | undefined): MetricsAccess {
  if (token) {
    const given = /^Bearer (.+)$/.exec(req.authorization ?? "")?.[1] ?? "";
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b) ? "allowed" : "unauthorized";
  }
  return !req.forwarded && LOOPBACK.test(req.remoteAddress ?? "") ? "allowed" : "forbidden";
}
