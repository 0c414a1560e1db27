// Run first by `npm test` and `npm run test:e2e`: the end-to-end tests need Debian's Chromium (Playwright
// cannot download its own browser here). When it is missing, install it if we can (root with apt-get),
// else stop with one line saying what to run, rather than failing deep inside Playwright.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const usable = () => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

if (!usable()) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  if (root && apt && !process.env.CHROMIUM_PATH) {
    console.error(`Chromium is missing at ${path}; installing it with apt-get (Debian's chromium package)…`);
    const install = () =>
      spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit" }).status === 0;
    if (!install()) {
      spawnSync("apt-get", ["update"], { stdio: "inherit" });
      install();
    }
  }
  if (!usable()) {
    console.error(
      `Chromium not found at ${path}: run \`sudo apt-get install -y chromium\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary, then run the tests again.`,
    );
    process.exit(1);
  }
}
