import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batches, creditLedger, idempotencyKeys, wallets } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { submitGenerationIdempotently } from "@/lib/generation/submit-generation";
import { sweepIdempotencyKeys } from "@/lib/idempotency/sweep-idempotency-keys";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

const input = { prompt: "a lighthouse in fog", model: "procedural", quality: "hd" as const, count: 2 };
const submit = (ctx: Ctx, idempotencyKey: string, body: object = input) =>
  submitGenerationIdempotently({ ctx, input: body as never, appUrl: "http://test", idempotencyKey });

describeEachBackend("idempotent generation", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  const reservesOf = (userId: string) =>
    env.db.select().from(creditLedger).where(and(eq(creditLedger.userId, userId), eq(creditLedger.kind, "reserve")));
  const batchesWithKey = (userId: string, key: string) =>
    env.db.select().from(batches).where(and(eq(batches.userId, userId), eq(batches.idempotencyKey, key)));

  it("replays the same batch and body for the same key and request, with one reserve", async () => {
    const ctx = await env.newUser();
    const first = await submit(ctx, "k-replay");
    expect(first).toMatchObject({ status: 202, replayed: false, result: { creditsReserved: 4, balance: 996 } });
    // Key order and whitespace do not make it another request.
    const again = await submit(ctx, "k-replay", { count: 2, quality: "hd", model: "procedural", prompt: "  a lighthouse in fog " });
    expect(again).toEqual({ status: 202, replayed: true, result: first.result });
    expect(await reservesOf(ctx.userId)).toHaveLength(1);
    expect(await env.balanceOf(ctx.userId)).toBe(996);
    expect(await batchesWithKey(ctx.userId, "k-replay")).toHaveLength(1);
  });

  it("refuses the same key with a different request (422) and changes nothing", async () => {
    const ctx = await env.newUser();
    await submit(ctx, "k-diff");
    const err = await submit(ctx, "k-diff", { ...input, count: 3 }).catch((e) => e);
    expect(err).toMatchObject({ code: "unprocessable" });
    expect(err.message).toMatch(/already used with a different request/);
    expect(await reservesOf(ctx.userId)).toHaveLength(1);
  });

  it("20 concurrent requests with one key make one batch and one reserve", async () => {
    const ctx = await env.newUser();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => submit(ctx, "k-race")));
    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const failed = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    // Duplicates wait for the first and replay it; a 409 would also be acceptable, two batches never.
    expect(failed.every((e) => e.code === "conflict")).toBe(true);
    expect(new Set(ok.map((r) => r.result.batchId)).size).toBe(1);
    expect(ok.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await batchesWithKey(ctx.userId, "k-race")).toHaveLength(1);
    expect(await reservesOf(ctx.userId)).toHaveLength(1);
    expect(await env.balanceOf(ctx.userId)).toBe(996);
  });

  it("keeps keys per user", async () => {
    const [a, b] = [await env.newUser(), await env.newUser()];
    const ra = await submit(a, "k-shared");
    const rb = await submit(b, "k-shared");
    expect(rb.replayed).toBe(false);
    expect(rb.result.batchId).not.toBe(ra.result.batchId);
  });

  it("does not store client errors: the key works once the request can succeed", async () => {
    const ctx = await env.newUser(3);
    await expect(submit(ctx, "k-4xx")).rejects.toMatchObject({ code: "insufficient_credits" });
    await expect(submit(ctx, "k-4xx", { ...input, model: "no-such-model" })).rejects.toMatchObject({ code: "bad_request" });
    expect(await env.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, ctx.userId))).toHaveLength(0);
    const cheaper = await submit(ctx, "k-4xx", { ...input, quality: "standard" });
    expect(cheaper.replayed).toBe(false);
    expect(await env.balanceOf(ctx.userId)).toBe(1);
  });

  it("marks a key failed on a server-side error; the same request may run again, another may not", async () => {
    const ctx = await env.newUser();
    const boom = () => Promise.reject(new Error("database went away"));
    await expect(withIdempotency({ ctx, key: "k-fail", requestHash: "h1", run: boom })).rejects.toThrow("database went away");
    const [row] = await env.db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, ctx.userId), eq(idempotencyKeys.key, "k-fail")));
    expect(row.state).toBe("failed");
    await expect(withIdempotency({ ctx, key: "k-fail", requestHash: "h2", run: async () => ({ status: 200, body: 2 }) })).rejects.toMatchObject({
      code: "unprocessable",
    });
    expect(await withIdempotency({ ctx, key: "k-fail", requestHash: "h1", run: async () => ({ status: 200, body: 1 }) })).toEqual({
      status: 200,
      body: 1,
      replayed: false,
    });
  });

  it("keeps a key 24 hours: then it runs again, and the sweep deletes it", async () => {
    const ctx = await env.newUser();
    const first = await submit(ctx, "k-old");
    const age = (hours: number) =>
      env.db
        .update(idempotencyKeys)
        .set({ createdAt: sql`now() - make_interval(hours => ${hours})` })
        .where(and(eq(idempotencyKeys.userId, ctx.userId), eq(idempotencyKeys.key, "k-old")));
    await age(23);
    expect((await submit(ctx, "k-old")).replayed).toBe(true);
    await age(25);
    const later = await submit(ctx, "k-old", { ...input, count: 1 });
    expect(later.replayed).toBe(false);
    expect(later.result.batchId).not.toBe(first.result.batchId);
    await age(25);
    expect(await sweepIdempotencyKeys(env.db)).toBeGreaterThanOrEqual(1);
    expect(await env.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, ctx.userId))).toHaveLength(0);
    const [w] = await env.db.select().from(wallets).where(eq(wallets.userId, ctx.userId));
    expect(w.balance).toBe(await env.ledgerSum(ctx.userId));
  });
});
