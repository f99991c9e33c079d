import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

describeEachBackend("API key creation is limited per user and hour", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  it("allows the plan's 30 creations in an hour, revoked keys included, then answers rate_limited", async () => {
    const ctx = await env.newUser();
    for (let i = 0; i < 30; i++) {
      const { apiKey } = await createApiKey({ ctx, input: { name: `k${i}` } });
      if (i % 2 === 0) await revokeApiKey({ ctx, input: { keyId: apiKey.id } });
    }
    const err = await createApiKey({ ctx, input: { name: "one too many" } }).catch((e) => e);
    expect(err).toMatchObject({ code: "rate_limited", details: { limit: 30, window: "hour" } });
    expect(err.details.retryAfterSeconds).toBeGreaterThan(3500);
    expect(err.details.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(err.message).toMatch(/created 30 API keys in the last hour/);

    // Once the oldest creation is more than an hour old, one more key may be created.
    const [oldest] = await env.db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.userId, ctx.userId)).orderBy(asc(apiKeys.createdAt)).limit(1);
    await env.db.update(apiKeys).set({ createdAt: sql`now() - interval '61 minutes'` }).where(eq(apiKeys.id, oldest.id));
    await expect(createApiKey({ ctx, input: { name: "next hour" } })).resolves.toBeTruthy();
    await expect(createApiKey({ ctx, input: { name: "again" } })).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("holds under concurrency: 40 parallel creations leave exactly the 25 keys the active cap allows", async () => {
    const ctx = await env.newUser();
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => createApiKey({ ctx, input: { name: `p${i}` } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(25);
    const rows = await env.db.select().from(apiKeys).where(eq(apiKeys.userId, ctx.userId));
    expect(rows).toHaveLength(25);
    for (const r of results) if (r.status === "rejected") expect(r.reason.code).toBe("forbidden");
  });
});
