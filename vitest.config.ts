import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig, type Plugin } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

// A process per test file, not worker threads. Threads share one process, and in it V8's registry
// of JIT code pages; PGlite's WebAssembly, compiled and freed by many threads, can desync it and
// abort the whole process ("Check failed: jit_page_->allocations_.erase(addr) == 1",
// nodejs/node#64500, open), which takes the run down with no report. Forks confine each file's
// WebAssembly to its own process. Cost on this 2-core machine: unit 26 s → 24 s, integration
// 94 s → 120 s.
const pool = "forks";

// Without isolation, a fork runs file after file with the modules it has already loaded (each
// file still builds its own databases, stores and apps through tests/helpers): importing lib/,
// drizzle and PGlite once per fork instead of once per file. Measured on a 2-core machine,
// back to back: unit 40 s → 21 s, integration 213 s → 121 s (import time summed over files:
// 98 s → 27 s). The HTTP suite keeps isolation: its files spend their time in app processes.
const isolate = false;

// drizzle-orm through its CommonJS build. On Node 24, each ES module of drizzle-orm makes Node
// re-read the package's 178 KB `exports` map while resolving it: 0.8 s to import pg-core and the
// two drivers as ES modules against 0.15 s through require (0.13 s on Node 20), paid again by
// every test file's fresh worker. Same version, same code; the built app bundles its own copy.
// Packages loaded natively (better-auth's adapter) keep the ES build: drizzle tells its objects
// apart by `entityKind`, not class identity, so the two work together (the auth tests cross them).
const require = createRequire(import.meta.url);
const drizzleCjs: Plugin = {
  name: "drizzle-cjs",
  enforce: "pre",
  resolveId(id) {
    if (id === "drizzle-orm" || id.startsWith("drizzle-orm/")) return require.resolve(id);
  },
};

// What every project shares.
const common = { resolve: { alias }, plugins: [drizzleCjs] };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        ...common,
        test: {
          name: "unit",
          isolate,
          include: ["lib/**/*.test.ts", "db/**/*.test.ts", "tests/unit/**/*.test.ts"],
          globalSetup: ["tests/views-setup.ts"],
          testTimeout: 30_000,
          pool,
          maxWorkers: 2,
        },
      },
      {
        ...common,
        test: {
          name: "integration",
          isolate,
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
        ...common,
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
