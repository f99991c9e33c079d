import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditLedger, images } from "@/db/schema";
import { liveProviders } from "@/lib/catalog/availability";
import { getBatch } from "@/lib/generation/get-batch";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { startWorker, type WorkerHandle } from "@/lib/generation/worker";
import { falProvider } from "@/lib/providers/fal";
import type { QueueClient } from "@/lib/providers/types";
import { startFakeFal } from "../fixtures/fake-fal";
import type { FakeProvider } from "../fixtures/fake-provider";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";
import { waitFor } from "../helpers/wait-for";

/**
 * A provider job that outlives its worker's lease many times over keeps its image: the live
 * worker renews the lease, so a second worker polling the same queue never takes the image over,
 * the job is submitted once, and the image is charged once on its first attempt.
 */
const LEASE_SECONDS = 2;
const POLL_INTERVAL_MS = 200;
/** About 7 s of pending status checks at 200 ms: more than three leases. */
const PENDING_CHECKS = 35;

describeEachBackend("lease renewal during a long provider job", (backend) => {
  let env: TestEnv;
  let fake: FakeProvider;
  beforeAll(async () => {
    env = await createTestEnv(backend);
    fake = await startFakeFal();
  });
  afterAll(async () => {
    await fake?.close();
    await env?.close();
  });

  const worker = () => {
    const client = falProvider.fromEnv(fake.env) as QueueClient;
    client.pollIntervalMs = POLL_INTERVAL_MS;
    return startWorker({
      db: env.db,
      store: env.store,
      providers: new Map([["fal", client]]),
      ioConcurrency: 4,
      cpuConcurrency: 1,
      leaseSeconds: LEASE_SECONDS,
      maxAttempts: 3,
      timeoutSeconds: 120,
      queueDeadlineSeconds: 900,
      backoffMs: () => 100,
      pollMs: 50,
    });
  };

  it("the worker that holds the image keeps it past three leases; a second worker never claims it", async () => {
    fake.reset();
    fake.setScenario("poll", { pendingChecks: PENDING_CHECKS });
    const started: WorkerHandle[] = [];
    try {
      const first = worker();
      started.push(first);
      await waitFor(async () => (await liveProviders(env.db)).has("fal"), { what: "the worker to announce fal", timeoutMs: 10_000, intervalMs: 25 });

      const ctx = await env.newUser();
      const sub = await submitGeneration({ ctx, input: { prompt: "a slow sunrise", model: "flux-2" }, appUrl: "http://t" });
      const row = async () => (await env.db.select().from(images).where(eq(images.id, sub.imageIds[0])))[0];

      await waitFor(() => first.inFlight().get("fal") === 1, { what: "the first worker to start the job", timeoutMs: 10_000, intervalMs: 25 });
      const claimedAt = Date.now();
      const claimed = await row();
      expect(claimed.attempts).toBe(1);

      // A second worker on the same database, polling the same queue while the job is alive.
      const second = worker();
      started.push(second);

      let secondHeld = 0;
      let lastLockedUntil = claimed.lockedUntil!.getTime();
      let renewals = 0;
      const tokens = new Set<string>([claimed.leaseToken!]);
      const batch = await waitFor(
        async () => {
          secondHeld = Math.max(secondHeld, second.inFlight().get("fal") ?? 0);
          const r = await row();
          if (r.leaseToken) tokens.add(r.leaseToken);
          if (r.lockedUntil && r.lockedUntil.getTime() > lastLockedUntil) {
            renewals++;
            lastLockedUntil = r.lockedUntil.getTime();
          }
          const b = await getBatch({ ctx, input: { batchId: sub.batchId }, store: env.store });
          return b.status === "queued" || b.status === "running" ? null : b;
        },
        { what: "the batch to finish", timeoutMs: 60_000, intervalMs: 25 },
      );
      const ranMs = Date.now() - claimedAt;

      expect(batch.status).toBe("succeeded");
      // Nobody else ever held the image: one claim, one lease token, the second worker idle.
      const done = await row();
      expect(done.status).toBe("succeeded");
      expect(done.attempts).toBe(1);
      expect([...tokens]).toEqual([claimed.leaseToken]);
      expect(secondHeld).toBe(0);
      // The job really outlived three leases, so only renewal can have kept the image.
      expect(ranMs).toBeGreaterThan(3 * LEASE_SECONDS * 1000);
      expect(renewals).toBeGreaterThanOrEqual(3);

      expect(fake.violations).toEqual([]);
      expect(fake.submissions()).toBe(1);
      expect(batch.creditsCharged).toBe(sub.creditsReserved);
      const ledger = await env.db.select().from(creditLedger).where(eq(creditLedger.batchId, sub.batchId));
      expect(ledger.map((l) => l.kind)).toEqual(["reserve"]);
      expect(await env.balanceOf(ctx.userId)).toBe(1000 - sub.creditsReserved);
      expect(await env.ledgerSum(ctx.userId)).toBe(1000 - sub.creditsReserved);
    } finally {
      await Promise.all(started.map((w) => w.stop()));
    }
  });
});
