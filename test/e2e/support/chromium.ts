// Debian's Chromium, as the end-to-end tests and the Lighthouse audit launch it: Playwright cannot download
// a browser here, and the tests run as root (hence no sandbox) on machines without a GPU.
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The end-to-end suite's launch options (playwright.config.ts; specs that add to them start from these). */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [...CHROMIUM_FLAGS, "--disable-quic"],
};
