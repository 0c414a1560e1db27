// HTTP entry: Express in front of the Remix build. It owns what must wrap every response
// (security headers, CSP nonce, origin check, body limit, access log) and the process lifecycle.
// With WEB_CONCURRENCY > 1 (PostgreSQL only) a primary process migrates and seeds, then forks
// that many workers which share the port. Bundled to build/server.js by `npm run build`.
import cluster from "node:cluster";
import { createApp, keepConnectionsAlive } from "./app";
import { runPrimary, stopOnSignal } from "./lifecycle";
import { createLog, messageOf } from "./log";
import { loadRemixBuild, type ServerSettings } from "./remix-build";

process.env.NODE_ENV ??= "production";
const build = await loadRemixBuild();
const portal = build.entry.module;

let settings: ServerSettings;
try {
  settings = portal.serverSettings();
} catch (err) {
  console.error(messageOf(err));
  process.exit(1);
}
const log = createLog(settings);

// `npm run worker`: a process that runs background jobs only (decision 030).
const role = process.argv.includes("--worker") ? "worker" : "web";
try {
  await portal.startup(role);
} catch (err) {
  log.fatal({ err: messageOf(err) }, "start-up failed");
  process.exit(1);
}

if (role === "worker") {
  log.info("QMD Portal job worker running");
  stopOnSignal(null, portal.shutdown, log);
} else if (cluster.isPrimary && settings.workers > 1) {
  await portal.shutdown();
  runPrimary(settings, portal.startClusterPrimary, log);
} else {
  const server = keepConnectionsAlive(
    createApp(build, settings, log).listen(settings.port, settings.host, () => {
      log.info(
        { url: `http://${settings.host === "0.0.0.0" ? "localhost" : settings.host}:${settings.port}` },
        "QMD Portal listening",
      );
    }),
  );
  stopOnSignal(server, portal.shutdown, log);
}
