// /metrics' content on the driver of the run: pool use on PostgreSQL, the job queue's hook, a gauge
// registered by another part, request durations by route pattern, process metrics.
import { describe, expect, it } from "vitest";
import { jobMetrics, metricsResponse, observeHttpRequest, registerGauge } from "~/platform/metrics.server";
import { useIsolatedDatabase } from "~test/support/database";

const { handle } = useIsolatedDatabase();

const sample = (text: string, name: string) =>
  text
    .split("\n")
    .find((line) => line.startsWith(name))
    ?.split(" ")
    .pop();

describe("metrics", () => {
  it("serves the Prometheus text format with every family the portal promises", async () => {
    await handle().ping();
    let depth = 4;
    jobMetrics.depthFrom(async () => [
      { queue: "release-build", state: "queued", count: depth },
      { queue: "email", state: "active", count: 1 },
    ]);
    jobMetrics.depthFrom(async () => {
      throw new Error("queue unreachable");
    });
    jobMetrics.failed("email");
    jobMetrics.failed("email");
    registerGauge("qmd_test_things", "things for a test", ["kind"], () => [{ labels: { kind: "a" }, value: 7 }]);
    observeHttpRequest("GET", "/firms/:firmId/plan", 200, 0.012);
    observeHttpRequest("BREW", "/", 400, 0.001);

    const { contentType, body } = await metricsResponse();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(body, 'qmd_job_queue_depth{queue="release-build",state="queued"}')).toBe("4");
    expect(sample(body, 'qmd_job_queue_depth{queue="email",state="active"}')).toBe("1");
    expect(sample(body, 'qmd_job_failures_total{queue="email"}')).toBe("2");
    expect(sample(body, 'qmd_test_things{kind="a"}')).toBe("7");
    expect(
      sample(body, 'qmd_http_request_duration_seconds_count{method="GET",route="/firms/:firmId/plan",status="200"}'),
    ).toBe("1");
    // An unknown method is one label value, not one per spelling.
    expect(sample(body, 'qmd_http_request_duration_seconds_count{method="other",route="/",status="400"}')).toBe("1");
    expect(body).toMatch(/^qmd_process_cpu_seconds_total \d/m);
    expect(body).toMatch(/^qmd_nodejs_eventloop_lag_seconds /m);
    if (handle().driver === "postgres") {
      expect(Number(sample(body, 'qmd_db_pool_connections{state="total"}'))).toBeGreaterThanOrEqual(1);
      expect(sample(body, 'qmd_db_pool_connections{state="waiting"}')).toBe("0");
    } else {
      expect(body).not.toMatch(/^qmd_db_pool_connections\{/m);
    }

    // Depth is read on each scrape, not kept from the last one.
    depth = 0;
    expect(sample((await metricsResponse()).body, 'qmd_job_queue_depth{queue="release-build",state="queued"}')).toBe(
      "0",
    );
  });
});
