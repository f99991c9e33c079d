import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./tests/helpers/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// A fresh data directory per run. The config is loaded by the runner and again by each
// worker; the env var makes them all agree on the one directory the runner created.
process.env.PIXOLA_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "pixola-e2e-"));

export default defineConfig({
  testDir: "tests/e2e",
  // Two browsers against the one app: the suite mostly waits (navigation, network idle, the
  // worker), so a second worker nearly halves it on two cores. Files stay whole per worker.
  workers: 2,
  fullyParallel: false,
  // No retries: a test that passes only on a second try is a bug to fix, not to hide.
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Twice the slowest test's time on the 2-core CI machine (access.spec.ts: ~45 s): a test that
  // hangs still fails, one that is slow on a loaded machine does not.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: "list",
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    // A trace of each failed test, for the person at this machine. Recording one for every test
    // (kept only on failure) took 40% of the suite's CPU on a 2-core machine: every action
    // snapshots the page. E2E_ARTIFACTS=off (.ci/run, whose clone is discarded) records none,
    // and saves no screenshots (tests/helpers/screenshots.ts).
    trace: process.env.E2E_ARTIFACTS === "off" ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    permissions: ["clipboard-read", "clipboard-write"],
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--disable-gpu", "--disable-quic", "--disable-sync"],
    },
  },
  webServer: {
    // scripts/test-all.sh builds first; here we only start the built app.
    command: "node dist/server.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      DATA_DIR: process.env.PIXOLA_E2E_DATA_DIR,
      DATABASE_URL: "",
      APP_URL: baseURL,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      AUTH_RATE_LIMIT: "off",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      // NEXT_DIST_DIR passes through from the caller's environment (Playwright merges process.env).
    },
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
