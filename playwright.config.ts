import { defineConfig } from "@playwright/test";
import { E2E_ADMIN_EMAIL } from "./test/e2e/support/admin";
import { CHROMIUM_LAUNCH } from "./test/e2e/support/chromium";

const port = Number(process.env.E2E_PORT ?? 3210);

// Chromium from Debian (Playwright cannot download its own browser here); flags for running as root.
export default defineConfig({
  testDir: "test/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: CHROMIUM_LAUNCH,
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "node test/e2e/support/start-server.mjs",
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      COOKIE_SECURE: "false",
      SEED_DEMO: "false",
      LOG_LEVEL: "warn",
      ADMIN_EMAILS: E2E_ADMIN_EMAIL,
      PGLITE_DIR: `./data/e2e-${port}`,
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
  },
});
