// Prometheus metrics of this process (prom-client), served at /metrics by the HTTP layer
// (server/app.ts) under the access rule of app/platform/metrics-access.ts (decision 031):
// - qmd_http_request_duration_seconds{method,route,status}: route is the Remix route pattern (or
//   `static`, `unmatched`, an Express path), never the raw URL, so the label set stays bounded;
// - qmd_db_pool_connections{state=total|idle|waiting} on PostgreSQL;
// - qmd_job_queue_depth{queue,state} and qmd_job_failures_total{queue}, fed by the job queue through
//   `jobMetrics` (see below);
// - Node's process metrics (CPU, memory, event-loop lag, GC), prefixed qmd_.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { config } from "~/platform/config.server";
import { databaseHandleOrNull } from "~/platform/db.server";
import { type MetricsAccess, metricsAccess, type MetricsRequest } from "~/platform/metrics-access";

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: "qmd_" });

const requestDuration = new Histogram({
  name: "qmd_http_request_duration_seconds",
  help: "HTTP request duration by method, route pattern and status",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

new Gauge({
  name: "qmd_db_pool_connections",
  help: "PostgreSQL pool connections by state (total, idle, waiting for a connection)",
  labelNames: ["state"] as const,
  registers: [metricsRegistry],
  collect() {
    const stats = databaseHandleOrNull()?.poolStats?.();
    if (!stats) return;
    this.set({ state: "total" }, stats.total);
    this.set({ state: "idle" }, stats.idle);
    this.set({ state: "waiting" }, stats.waiting);
  },
});

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function observeHttpRequest(method: string, route: string, status: number, seconds: number): void {
  requestDuration.observe({ method: METHODS.has(method) ? method : "other", route, status: String(status) }, seconds);
}

/** Who may read /metrics: the token from METRICS_TOKEN, else loopback only. */
export function metricsAccessFor(req: MetricsRequest): MetricsAccess {
  return metricsAccess(req, config().METRICS_TOKEN);
}

export async function metricsResponse(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

type GaugeSample = { labels?: Record<string, string>; value: number };

/**
 * Register a gauge read on every scrape: `read` answers its samples (labels and value). For other
 * parts of the portal, e.g. a worker's own state. Registering the same name twice is refused.
 */
export function registerGauge(
  name: string,
  help: string,
  labelNames: readonly string[],
  read: () => GaugeSample[] | Promise<GaugeSample[]>,
): void {
  new Gauge({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      for (const sample of await read()) this.set(sample.labels ?? {}, sample.value);
    },
  });
}

type QueueDepth = { queue: string; state: string; count: number };
const depthSources: Array<() => Promise<QueueDepth[]>> = [];

registerGauge(
  "qmd_job_queue_depth",
  "Jobs by queue and state (from the job queue's own count)",
  ["queue", "state"],
  async () => {
    const samples: GaugeSample[] = [];
    for (const source of depthSources)
      for (const d of await source().catch(() => []))
        samples.push({ labels: { queue: d.queue, state: d.state }, value: d.count });
    return samples;
  },
);

const jobFailures = new Counter({
  name: "qmd_job_failures_total",
  help: "Jobs that failed (each failed attempt), by queue",
  labelNames: ["queue"] as const,
  registers: [metricsRegistry],
});

/**
 * The job queue's hook: `jobMetrics.depthFrom(async () => [{ queue, state, count }])` once at start
 * (called on every scrape; an error there drops that source's samples for the scrape), and
 * `jobMetrics.failed(queue)` whenever a job attempt fails.
 */
export const jobMetrics = {
  depthFrom(source: () => Promise<QueueDepth[]>): void {
    depthSources.push(source);
  },
  failed(queue: string): void {
    jobFailures.inc({ queue });
  },
};
