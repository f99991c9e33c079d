import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { creditLedger, images } from "@/db/schema";
import { getBatch } from "@/lib/generation/get-batch";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { openaiProvider } from "@/lib/providers/openai";
import { startFakeOpenAi, type FakeOpenAi } from "../fixtures/fake-openai";
import { drainQueue } from "../helpers/drain";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

describeEachBackend("generation end to end", (backend) => {
  let env: TestEnv;
  let fake: FakeOpenAi;
  beforeAll(async () => {
    env = await createTestEnv(backend);
    fake = await startFakeOpenAi();
    await env.overrideProvider("openai", openaiProvider.fromEnv({ OPENAI_API_KEY: "sk-provider-secret", OPENAI_BASE_URL: fake.url })!);
  });
  afterEach(() => fake.setMode("ok"));
  afterAll(async () => {
    await fake?.close();
    await env?.close();
  });

  it("renders a batch with the embedded model at the shape's exact size and charges its price", async () => {
    const ctx = await env.newUser();
    const sub = await submitGeneration({
      ctx,
      input: { prompt: "a watercolor lake at dawn", model: "procedural", style: "watercolor", shape: "landscape-wide", count: 2, seed: 42 },
      appUrl: "http://test",
    });
    expect(sub).toMatchObject({ status: "queued", count: 2, creditsReserved: 2, balance: 998, width: 1344, height: 756 });
    await drainQueue(env);
    const batch = await getBatch({ ctx, input: { batchId: sub.batchId }, store: env.store });
    expect(batch.status).toBe("succeeded");
    expect(batch.creditsCharged).toBe(2);
    expect(batch.creditsRefunded).toBe(0);
    for (const img of batch.images) {
      expect(img.status).toBe("succeeded");
      expect(img.url).toMatch(/^http:\/\/test\.local\/files\/bat_\w+\/img_\w+\.png\?exp=\d+&sig=/);
      const key = new URL(img.url!).pathname.replace("/files/", "");
      const file = await env.store.get(key);
      const meta = await sharp(file!.bytes).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([1344, 756, "png"]);
    }
    expect(await env.balanceOf(ctx.userId)).toBe(998);
    expect(await env.ledgerSum(ctx.userId)).toBe(998);
  });

  it("a provider that fails is retried, then refunded exactly once, leaving no image pending", async () => {
    fake.setMode("fail");
    const ctx = await env.newUser();
    const sub = await submitGeneration({ ctx, input: { prompt: "a cat", model: "gpt-image-1", count: 2 }, appUrl: "http://t" });
    const before = fake.requests.length;
    await drainQueue(env, { maxAttempts: 3 });
    expect(fake.requests.length - before).toBe(6); // 2 images × 3 attempts
    const batch = await getBatch({ ctx, input: { batchId: sub.batchId }, store: env.store });
    expect(batch.status).toBe("failed");
    expect(batch.creditsCharged).toBe(0);
    expect(batch.creditsRefunded).toBe(sub.creditsReserved);
    // No provider text reaches the user.
    expect(batch.images.every((i) => i.status === "failed" && !/exploded|secret/.test(i.error ?? ""))).toBe(true);
    const pending = await env.db.select().from(images).where(and(eq(images.batchId, sub.batchId), eq(images.status, "running")));
    expect(pending).toHaveLength(0);
    const refunds = await env.db
      .select()
      .from(creditLedger)
      .where(and(eq(creditLedger.batchId, sub.batchId), eq(creditLedger.kind, "refund")));
    expect(refunds).toHaveLength(2);
    expect(new Set(refunds.map((r) => r.imageId)).size).toBe(2);
    expect(await env.balanceOf(ctx.userId)).toBe(1000);
    expect(await env.ledgerSum(ctx.userId)).toBe(1000);
    // Running the worker again changes nothing.
    await drainQueue(env);
    expect(await env.balanceOf(ctx.userId)).toBe(1000);
  });

  it("a transient provider failure is retried and then charged once", async () => {
    fake.setMode({ failFirst: fake.requests.length + 1 });
    const ctx = await env.newUser();
    const sub = await submitGeneration({ ctx, input: { prompt: "a dog", model: "gpt-image-1" }, appUrl: "http://t" });
    await drainQueue(env);
    const batch = await getBatch({ ctx, input: { batchId: sub.batchId }, store: env.store });
    expect(batch.status).toBe("succeeded");
    expect(batch.creditsCharged).toBe(sub.creditsReserved);
    expect(await env.balanceOf(ctx.userId)).toBe(1000 - sub.creditsReserved);
  });

  it("never forwards the user's Pixola key or identity to the provider", async () => {
    const seen = JSON.stringify(fake.requests.map((r) => r.headers));
    expect(seen).not.toContain("pxk_");
    expect(fake.requests.every((r) => r.headers.authorization === "Bearer sk-provider-secret")).toBe(true);
  });
});
