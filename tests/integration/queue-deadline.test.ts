import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditLedger, images } from "@/db/schema";
import { forgetLiveProviders } from "@/lib/catalog/availability";
import { getBatch } from "@/lib/generation/get-batch";
import { announceWorker, failUnrunnableImages, retireWorker } from "@/lib/generation/heartbeat";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

// An image whose model no live worker can run must not wait for ever with the user's credits:
// after QUEUE_DEADLINE_SECONDS it fails, is refunded once, and says why.
describeEachBackend("queue deadline", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  it("fails and refunds queued images of a model whose worker went away, once, and leaves runnable ones alone", async () => {
    await announceWorker(env.db, "wrk_fal", ["fal"]);
    const ctx = await env.newUser();
    const gone = await submitGeneration({ ctx, input: { prompt: "a lake", model: "flux-2", count: 2 }, appUrl: "http://t" });
    const fine = await submitGeneration({ ctx, input: { prompt: "a lake", model: "procedural" }, appUrl: "http://t" });
    await retireWorker(env.db, "wrk_fal");
    forgetLiveProviders(env.db);
    // Not yet past the deadline: nothing happens.
    expect(await failUnrunnableImages(env.db, 900)).toBe(0);
    // Both batches have waited 16 minutes; only the fal one has no live worker.
    await env.db.update(images).set({ createdAt: sql`now() - interval '16 minutes'` });
    expect(await failUnrunnableImages(env.db, 900)).toBe(2);
    expect(await failUnrunnableImages(env.db, 900)).toBe(0);

    const b = await getBatch({ ctx, input: { batchId: gone.batchId }, store: env.store });
    expect(b.status).toBe("failed");
    expect(b.images.map((i) => i.errorCode)).toEqual(["unavailable", "unavailable"]);
    expect(b.images[0].error).toMatch(/No worker able to run this model was online for 15 minutes.*refunded/);
    const refunds = await env.db.select().from(creditLedger).where(and(eq(creditLedger.batchId, gone.batchId), eq(creditLedger.kind, "refund")));
    expect(refunds).toHaveLength(2);
    expect((await getBatch({ ctx, input: { batchId: fine.batchId }, store: env.store })).status).toBe("queued");
    expect(await env.balanceOf(ctx.userId)).toBe(1000 - fine.creditsReserved);
    expect(await env.ledgerSum(ctx.userId)).toBe(await env.balanceOf(ctx.userId));
  });
});
