import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { arrayContains, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditLedger, images, workers } from "@/db/schema";
import { getBatch } from "@/lib/generation/get-batch";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { startFakeFal } from "../fixtures/fake-fal";
import type { FakeProvider } from "../fixtures/fake-provider";
import { createTestEnv, type TestEnv } from "../helpers/test-env";
import { waitFor } from "../helpers/wait-for";
import { startWorkerProcess, type WorkerProcess } from "../helpers/worker-process";

/**
 * A worker process killed with SIGKILL in the middle of a provider job: another worker process
 * takes the image over once the dead worker's lease runs out (WORKER_LEASE_SECONDS, default 10),
 * resumes the stored provider job instead of submitting again, and the user is charged once.
 */
/** The default lease is 10 s and is renewed every third of it; the takeover must follow within this. */
const TAKEOVER_LIMIT_MS = 15_000;

// Separate worker processes need a shared PostgreSQL; PGlite belongs to one process.
describe.runIf(process.env.TEST_DATABASE_URL)("a worker process killed mid-job (postgres)", () => {
  let env: TestEnv;
  let fake: FakeProvider;
  let dataDir: string;
  const procs: WorkerProcess[] = [];

  beforeAll(async () => {
    env = await createTestEnv("postgres");
    fake = await startFakeFal();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pixola-crash-"));
  });
  afterAll(async () => {
    await Promise.all(procs.map((w) => w.terminate()));
    await fake?.close();
    await env?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Worker ids announcing fal (A and B announce under their own ids). */
  const falWorkers = async () =>
    (await env.db.select({ id: workers.id }).from(workers).where(arrayContains(workers.providers, ["fal"]))).map((r) => r.id);

  it("another worker takes the image over within the lease, resumes the same provider job, and charges once", async () => {
    // The job stays pending until the takeover has been seen; then it finishes after two more checks.
    fake.setScenario("poll", { pendingChecks: 1_000_000 });
    // startWorkerProcess passes only PATH and HOME on; the rest of the worker's environment is this.
    const workerEnv = { DATABASE_URL: env.handle.url!, DATA_DIR: dataDir, ...fake.env, LOG_LEVEL: "error", RENDER_THREADS: "1" };
    const describeProcs = () => procs.map((w, i) => `--- worker ${"AB"[i]} output:\n${w.output()}`).join("\n");
    /** waitFor, with both workers' output in the error. */
    const waitForWorkers = <T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number, intervalMs?: number) =>
      waitFor(probe, { what, timeoutMs, intervalMs }).catch((e) => {
        throw new Error(`${e.message}\n${describeProcs()}`);
      });

    const a = startWorkerProcess(workerEnv);
    procs.push(a);
    await waitForWorkers("worker A to announce fal", async () => (await falWorkers()).length === 1, 60_000);

    const ctx = await env.newUser();
    const sub = await submitGeneration({ ctx, input: { prompt: "a lighthouse in a storm", model: "flux-2" }, appUrl: "http://t" });
    const imageId = sub.imageIds[0];
    const row = async () => (await env.db.select().from(images).where(eq(images.id, imageId)))[0];

    // A claimed the image, submitted it to fal and stored the provider's job before waiting on it.
    const held = await waitForWorkers("worker A to store the provider job", async () => {
      const r = await row();
      return fake.submissions() === 1 && r.providerJob && r.leaseToken ? r : null;
    }, 30_000);
    expect(held.status).toBe("running");
    expect(held.attempts).toBe(1);

    const b = startWorkerProcess(workerEnv);
    procs.push(b);
    await waitForWorkers("worker B to announce fal", async () => (await falWorkers()).length === 2, 60_000);
    // A is still the owner while it is alive: its lease is renewed, so B cannot take the image.
    expect((await row()).leaseToken).toBe(held.leaseToken);

    // kill() sends SIGKILL to A's process group at once, then waits for the group to be gone.
    const killing = a.kill();
    const killedAt = Date.now();
    await killing;

    const taken = await waitForWorkers(
      "worker B to take the image over",
      async () => {
        const r = await row();
        return r.leaseToken && r.leaseToken !== held.leaseToken ? { r, at: Date.now() } : null;
      },
      TAKEOVER_LIMIT_MS + 15_000,
      50,
    );
    const takeoverMs = taken.at - killedAt;
    expect(takeoverMs).toBeLessThanOrEqual(TAKEOVER_LIMIT_MS);
    expect(taken.r.status).toBe("running");
    expect(taken.r.attempts).toBe(2);
    // B kept A's provider job rather than starting another.
    expect(taken.r.providerJob).toEqual(held.providerJob);

    // Let the job finish: two more status checks from B, then COMPLETED.
    const isStatus = (q: { method: string; url: string }) => q.method === "GET" && q.url.endsWith("/status");
    const checksBefore = fake.requests.filter(isStatus).length;
    fake.setScenario("poll", { pendingChecks: checksBefore + 2 });

    const batch = await waitForWorkers("the batch to finish", async () => {
      const bt = await getBatch({ ctx, input: { batchId: sub.batchId }, store: env.store });
      return bt.status === "queued" || bt.status === "running" ? null : bt;
    }, 30_000, 200);

    expect(batch.status).toBe("succeeded");
    expect(fake.violations).toEqual([]);
    expect(fake.submissions()).toBe(1);
    // B polled the job A had submitted: status checks of that one request id after the takeover.
    const jobId = (held.providerJob as { id: string }).id;
    const checksAfterKill = fake.requests.filter((q) => isStatus(q) && q.at > killedAt && q.url.includes(jobId));
    expect(checksAfterKill.length).toBeGreaterThanOrEqual(3);
    const firstCheckByB = checksAfterKill[0].at - killedAt;
    expect(firstCheckByB).toBeLessThanOrEqual(TAKEOVER_LIMIT_MS);

    const done = await row();
    expect(done.status).toBe("succeeded");
    expect(done.attempts).toBe(2);
    expect(batch.creditsCharged).toBe(sub.creditsReserved);
    const ledger = await env.db.select().from(creditLedger).where(eq(creditLedger.batchId, sub.batchId));
    expect(ledger.map((l) => l.kind)).toEqual(["reserve"]);
    expect(await env.balanceOf(ctx.userId)).toBe(1000 - sub.creditsReserved);
    expect(await env.ledgerSum(ctx.userId)).toBe(1000 - sub.creditsReserved);
    console.info(`worker-crash: takeover ${takeoverMs} ms after SIGKILL, first status check by B after ${firstCheckByB} ms`);
  });
});
