// The bench's page visitor: a GET over a kept-alive connection, timed from request to the last byte.
// It runs on the same two cores as the server and PostgreSQL, so it should cost them little: node:http
// takes ~40% of the CPU per request that fetch (undici) took (0.9 ms against 2.2 ms per report page).
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface Visit {
  ms: number;
  status: number;
  body: string;
}

export function httpGet(port: number, path: string, cookie?: string): Promise<Visit> {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent, headers: cookie ? { cookie } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          ms: Number(process.hrtime.bigint() - t0) / 1e6,
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** A POST of a JSON body over the same kept-alive connections, timed the same way. */
export function httpPost(
  port: number,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<Omit<Visit, "body">> {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        agent,
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.statusCode ?? 0 }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
