// The pure parts of /metrics: route patterns as labels (bounded, never the raw URL), the access rule,
// and the request id kept per async context.
import { describe, expect, it } from "vitest";
import { metricsAccess } from "~/platform/metrics-access";
import { currentRequestId, requestIdFrom, requestIdMixin, runWithRequestId } from "~/platform/request-id";
import { routePatternMatcher } from "~/platform/route-pattern";

const routes = {
  root: { id: "root", path: "" },
  "routes/_index": { id: "routes/_index", parentId: "root", index: true },
  "routes/$": { id: "routes/$", parentId: "root", path: "*" },
  "routes/statistics": { id: "routes/statistics", parentId: "root", path: "statistics" },
  "routes/statistics._index": { id: "routes/statistics._index", parentId: "routes/statistics", index: true },
  "routes/statistics.region": { id: "routes/statistics.region", parentId: "routes/statistics", path: "region" },
  "routes/firms.$firmId.plan": { id: "routes/firms.$firmId.plan", parentId: "root", path: "firms/:firmId/plan" },
  "routes/firms.new": { id: "routes/firms.new", parentId: "root", path: "firms/new" },
};

describe("route pattern labels", () => {
  const patternOf = routePatternMatcher(routes);
  it("names the route, not the URL", () => {
    expect(patternOf("/firms/3f2a/plan")).toBe("/firms/:firmId/plan");
    expect(patternOf("/firms/other-id/plan")).toBe("/firms/:firmId/plan");
    expect(patternOf("/firms/new")).toBe("/firms/new");
    expect(patternOf("/statistics/region")).toBe("/statistics/region");
    expect(patternOf("/statistics")).toBe("/statistics");
    expect(patternOf("/")).toBe("/");
  });
  it("maps single-fetch data requests to their page and unknown URLs to the splat", () => {
    expect(patternOf("/firms/x/plan.data")).toBe("/firms/:firmId/plan");
    expect(patternOf("/_root.data")).toBe("/");
    expect(patternOf("/no/such/page/123")).toBe("/*");
  });
  it("answers null when only the root matches (no splat route)", () => {
    const { "routes/$": _splat, ...rest } = routes;
    expect(routePatternMatcher(rest)("/nothing")).toBeNull();
  });
});

describe("metrics access", () => {
  const direct = { remoteAddress: "127.0.0.1", authorization: undefined, forwarded: false };
  it("without a token: direct loopback connections only", () => {
    expect(metricsAccess(direct, undefined)).toBe("allowed");
    expect(metricsAccess({ ...direct, remoteAddress: "::1" }, undefined)).toBe("allowed");
    expect(metricsAccess({ ...direct, remoteAddress: "::ffff:127.0.0.1" }, undefined)).toBe("allowed");
    expect(metricsAccess({ ...direct, remoteAddress: "10.0.0.5" }, undefined)).toBe("forbidden");
    expect(metricsAccess({ ...direct, remoteAddress: "::ffff:10.0.0.5" }, undefined)).toBe("forbidden");
    // A reverse proxy on this machine connects from loopback but forwards someone else.
    expect(metricsAccess({ ...direct, forwarded: true }, undefined)).toBe("forbidden");
    expect(metricsAccess({ ...direct, remoteAddress: undefined }, undefined)).toBe("forbidden");
  });
  it("with a token: the bearer token, from any address, and loopback alone is not enough", () => {
    const token = "s3cret-token-0123456789";
    expect(metricsAccess({ ...direct, authorization: `Bearer ${token}` }, token)).toBe("allowed");
    expect(metricsAccess({ ...direct, remoteAddress: "10.0.0.5", authorization: `Bearer ${token}` }, token)).toBe(
      "allowed",
    );
    expect(metricsAccess(direct, token)).toBe("unauthorized");
    expect(metricsAccess({ ...direct, authorization: `Bearer ${token}x` }, token)).toBe("unauthorized");
    expect(metricsAccess({ ...direct, authorization: token }, token)).toBe("unauthorized");
  });
});

describe("request id", () => {
  it("keeps a plain caller id and replaces anything else", () => {
    expect(requestIdFrom("abc-123.DEF_456")).toBe("abc-123.DEF_456");
    for (const bad of [undefined, "", "short", "has space in it", "x".repeat(65), "a\nb-cdefghi"])
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });
  it("is the id of the request whose async work is running, and absent outside", async () => {
    const seen: Array<string | undefined> = [];
    await Promise.all(
      ["request-aaaa", "request-bbbb"].map((id) =>
        runWithRequestId(id, async () => {
          await new Promise((r) => setTimeout(r, id.endsWith("a") ? 20 : 5));
          seen.push(currentRequestId());
          expect(requestIdMixin()).toEqual({ reqId: id });
        }),
      ),
    );
    expect(seen).toEqual(["request-bbbb", "request-aaaa"]);
    expect(requestIdMixin()).toEqual({});
  });
});
