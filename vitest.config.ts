import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

// Worker threads rather than forked processes: a test file starts faster in a thread, which the
// many short files feel most. Vitest's default on a two-core machine is a single worker.
const pool = "threads";

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "db/**/*.test.ts", "tests/unit/**/*.test.ts"],
          globalSetup: ["tests/views-setup.ts"],
          testTimeout: 30_000,
          pool,
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // The second migrates one database per backend, which every test file copies.
          globalSetup: ["tests/views-setup.ts", "tests/integration/global-setup.ts"],
          env: { LOG_LEVEL: "error" },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool,
          // More files than cores: many wait on leases, timeouts and other processes.
          maxWorkers: 4,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "http",
          include: ["tests/http/**/*.test.ts"],
          globalSetup: ["tests/http/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool,
          // Two files at a time: most of a file's time is spent waiting on the app processes it
          // talks to (or starts), and files share nothing but the suite's app, where each test
          // uses users and keys of its own.
          maxWorkers: 2,
        },
      },
    ],
  },
});
