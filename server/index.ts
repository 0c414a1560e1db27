// HTTP entry: Express in front of the Remix build. It owns what must wrap every response
// (security headers, CSP nonce, origin check, body limit, access log) and the process lifecycle.
// With WEB_CONCURRENCY > 1 (PostgreSQL only) a primary process migrates and seeds, then forks
// that many workers which share the port. Bundled to build/server.js by `npm run build`.
import cluster from "node:cluster";
import { createApp, keepConnectionsAlive } from "./app";
import { runPreparation, runPrimary, stopOnSignal } from "./lifecycle";
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

// `npm run worker`: a process that runs background jobs only (decision 030). `--prepare`: the short-lived
// child in which an embedded web server has its start-up work done (decision 045).
const role = process.argv.includes("--worker") ? "worker" : process.argv.includes("--prepare") ? "prepare" : "web";
try {
  if ((await portal.startup(role)) === "prepare-first") {
    const started = Date.now();
    const child = await runPreparation();
    if (child.stopped) {
      log.info({ signal: child.stopped }, "stopped during the start-up work");
      process.exit(0);
    }
    if (child.code !== 0) {
      log.fatal(
        { code: child.code, signal: child.signal },
        "start-up failed: the start-up work (migrations, syncs, demo seed) did not finish in its child process; its messages are above",
      );
      process.exit(child.code || 1);
    }
    log.info({ ms: Date.now() - started }, "start-up work done in a child process");
    await portal.startup(role, { prepared: true });
  }
} catch (err) {
  log.fatal({ err: messageOf(err) }, "start-up failed");
  process.exit(1);
}

if (role === "prepare") {
  await portal.shutdown();
  process.exit(0);
} else if (role === "worker") {
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
