import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditLedger } from "@/db/schema";
import { getBatch } from "@/lib/generation/get-batch";
import { processImage } from "@/lib/generation/process-image";
import { completeImage, LeaseLostError } from "@/lib/generation/settle-image";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { claimFor, workerDeps } from "../helpers/drain";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

describeEachBackend("worker leases", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  it("an image whose worker died is finished by another worker after the lease expires, charged once", async () => {
    const ctx = await env.newUser();
    const sub = await submitGeneration({ ctx, input: { prompt: "lighthouse", model: "procedural", quality: "hd" }, appUrl: "http://t" });

    // Worker A claims with a 1-second lease and is "killed": it never settles.
    const [dead] = await claimFor(env, 1, 1);
    expect(dead.id).toBe(sub.imageIds[0]);
    // While the lease holds, nobody else can take the image.
    expect(await claimFor(env, 1, 30)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 1500));

    // Worker B picks it up once the lease has expired and completes it.
    const [taken] = await claimFor(env, 1, 30);
    expect(taken.id).toBe(dead.id);
    expect(taken.attempts).toBe(2);
    await processImage(workerDeps(env), taken);

    // A wakes up late and tries to settle: its lease is gone, so nothing changes.
    await expect(
      completeImage(env.db, dead, { key: "x/y.png", mimeType: "image/png", bytes: 1, width: 1, height: 1 }),
    ).rejects.toBeInstanceOf(LeaseLostError);

    const batch = await getBatch({ ctx, input: { batchId: sub.batchId }, store: env.store });
    expect(batch.status).toBe("succeeded");
    expect(batch.creditsCharged).toBe(sub.creditsReserved);
    expect(batch.images[0].width).toBe(1024);
    const ledger = await env.db.select().from(creditLedger).where(eq(creditLedger.batchId, sub.batchId));
    expect(ledger.map((l) => l.kind)).toEqual(["reserve"]);
    expect(await env.balanceOf(ctx.userId)).toBe(1000 - sub.creditsReserved);
    expect(await env.ledgerSum(ctx.userId)).toBe(await env.balanceOf(ctx.userId));
  });

  it("an image whose worker died on its last attempt is failed and refunded when reclaimed", async () => {
    const ctx = await env.newUser();
    const sub = await submitGeneration({ ctx, input: { prompt: "comet", model: "procedural" }, appUrl: "http://t" });
    const deps = workerDeps(env, { maxAttempts: 1 });
    await claimFor(env, 1, 1); // attempt 1, then the worker dies
    await new Promise((r) => setTimeout(r, 1500));
    const [again] = await claimFor(env, 1, 30); // attempt 2 > maxAttempts
    await processImage(deps, again);
    const batch = await getBatch({ ctx, input: { batchId: sub.batchId }, store: env.store });
    expect(batch.status).toBe("failed");
    const refunds = await env.db
      .select()
      .from(creditLedger)
      .where(and(eq(creditLedger.batchId, sub.batchId), eq(creditLedger.kind, "refund")));
    expect(refunds).toHaveLength(1);
    expect(await env.balanceOf(ctx.userId)).toBe(1000);
  });
});
