import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batches, creditLedger, images, oauthClient } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { ALL_SCOPES, type Ctx } from "@/lib/context";
import { refundImage } from "@/lib/credits/ledger";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { getUsage } from "@/lib/usage/get-usage";
import { drainQueue } from "../../helpers/drain";
import { describeEachBackend } from "../../helpers/test-db";
import { createTestEnv, type TestEnv } from "../../helpers/test-env";

describeEachBackend("getUsage", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  /** The ledger's net spend per batch attribute, summed independently of getUsage's grouping. */
  async function ledgerSpend(userId: string, where = sql`true`) {
    const [r] = await env.db
      .select({ n: sql<number>`coalesce(-sum(${creditLedger.amount}), 0)::int` })
      .from(creditLedger)
      .innerJoin(batches, eq(batches.id, creditLedger.batchId))
      .where(and(eq(creditLedger.userId, userId), where));
    return Number(r.n);
  }

  it("adds up to the ledger per key, app, playground, model and day, and leaves out other users and old batches", async () => {
    const session = await env.newUser();
    const as = (actor: Ctx["actor"]): Ctx => ({ ...session, actor });
    const keyA = (await createApiKey({ ctx: session, input: { name: "Laptop" } })).apiKey.id;
    const keyB = (await createApiKey({ ctx: session, input: { name: "CI" } })).apiKey.id;
    const clientId = `client_${Date.now()}`;
    await env.db.insert(oauthClient).values({ id: `oc_${Date.now()}`, clientId, name: "Claude", redirectUris: ["http://127.0.0.1/cb"] });
    const gen = (ctx: Ctx, model: string, count: number, quality: "standard" | "hd" = "standard") =>
      submitGeneration({ ctx, input: { prompt: `usage ${model} ${count}`, model, count, quality }, appUrl: "http://t" });

    await gen(as({ kind: "apiKey", keyId: keyA, scopes: ALL_SCOPES }), "procedural", 2);
    const refunded = await gen(as({ kind: "apiKey", keyId: keyA, scopes: ALL_SCOPES }), "procedural", 3, "hd");
    await gen(as({ kind: "apiKey", keyId: keyB, scopes: ALL_SCOPES }), "procedural", 1, "hd");
    await gen(as({ kind: "oauth", grantId: "grant_x", clientId, scopes: ALL_SCOPES }), "procedural", 1);
    await gen(as({ kind: "session" }), "procedural", 4);
    const old = await gen(as({ kind: "session" }), "procedural", 1);
    const other = await env.newUser();
    await gen(other, "procedural", 2);

    // One image of the refunded batch fails before it runs: its credits come back.
    const [failed] = await env.db.select().from(images).where(eq(images.batchId, refunded.batchId)).limit(1);
    await env.db.transaction(async (tx) => {
      await tx.update(images).set({ status: "failed" }).where(eq(images.id, failed.id));
      await refundImage(tx, { userId: session.userId, amount: refunded.creditsReserved / 3, batchId: refunded.batchId, imageId: failed.id });
    });
    await drainQueue(env);
    await env.db.update(batches).set({ createdAt: new Date(Date.now() - 40 * 86_400_000) }).where(eq(batches.id, old.batchId));

    const usage = await getUsage({ ctx: session });
    const recent = sql`${batches.id} <> ${old.batchId}`;
    const source = (id: string) => usage.sources.find((s) => s.id === id);

    expect(usage.totals.credits).toBe(await ledgerSpend(session.userId, recent));
    expect(usage.totals.images).toBe(2 + 2 + 1 + 1 + 4);
    expect(source(keyA)).toMatchObject({ kind: "apiKey", label: "Key: Laptop", images: 4, credits: await ledgerSpend(session.userId, eq(batches.apiKeyId, keyA)) });
    expect(source(keyB)).toMatchObject({ label: "Key: CI", images: 1, credits: await ledgerSpend(session.userId, eq(batches.apiKeyId, keyB)) });
    expect(source(clientId)).toMatchObject({ kind: "oauth", label: "App: Claude", images: 1 });
    expect(source("playground")).toMatchObject({ kind: "playground", images: 4 });
    expect(usage.sources.reduce((s, x) => s + x.credits, 0)).toBe(usage.totals.credits);
    expect(usage.models).toEqual([{ model: "procedural", images: 10, credits: usage.totals.credits }]);
    expect(usage.days).toHaveLength(30);
    expect(usage.days.at(-1)).toMatchObject({ date: new Date().toISOString().slice(0, 10), images: 10, credits: usage.totals.credits });
    expect(usage.days.slice(0, -1).every((d) => d.images === 0 && d.credits === 0)).toBe(true);

    const theirs = await getUsage({ ctx: other });
    expect(theirs.totals).toEqual({ images: 2, credits: await ledgerSpend(other.userId) });
    expect(theirs.sources.map((s) => s.id)).toEqual(["key_test"]);
  });
});
