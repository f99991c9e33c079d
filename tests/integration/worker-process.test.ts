import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBatch } from "@/lib/generation/get-batch";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

const root = path.resolve(import.meta.dirname, "../..");

function startWorkerProcess(databaseUrl: string, dataDir: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, WORKER_CONCURRENCY: "2", LOG_LEVEL: "error" },
    stdio: "ignore",
  });
}

// Separate worker processes need a shared PostgreSQL; PGlite belongs to one process.
describe.runIf(process.env.TEST_DATABASE_URL)("npm run worker as separate processes (postgres)", () => {
  let env: TestEnv;
  let dataDir: string;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    env = await createTestEnv("postgres");
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pixola-worker-"));
    workers.push(startWorkerProcess(env.handle.url!, dataDir), startWorkerProcess(env.handle.url!, dataDir));
  });
  afterAll(async () => {
    for (const w of workers) w.kill("SIGTERM");
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once("exit", r)))));
    await env?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("two worker processes share the queue and finish every image exactly once", async () => {
    const ctx = await env.newUser();
    const subs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        submitGeneration({ ctx, input: { prompt: `shared queue ${i}`, model: "procedural", count: 4, shape: "square-small" }, appUrl: "http://t" }),
      ),
    );
    // The workers store files in their own DATA_DIR; what matters here is the database state.
    const deadline = Date.now() + 60_000;
    let batches = [];
    for (;;) {
      batches = await Promise.all(subs.map((s) => getBatch({ ctx, input: { batchId: s.batchId }, store: env.store })));
      if (batches.every((b) => b.status === "succeeded") || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(batches.map((b) => b.status)).toEqual(Array(6).fill("succeeded"));
    expect(batches.reduce((n, b) => n + b.creditsCharged, 0)).toBe(24);
    expect(await env.balanceOf(ctx.userId)).toBe(1000 - 24);
    expect(await env.ledgerSum(ctx.userId)).toBe(1000 - 24);
  });
});
