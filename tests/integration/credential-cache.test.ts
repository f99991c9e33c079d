import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { generateKey, hashKey } from "@/lib/api-keys/codec";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { verifyApiKey } from "@/lib/api-keys/verify-api-key";
import { credentialsOf, startCredentials } from "@/lib/credentials/credentials";
import { backends, describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";
import { waitFor } from "../helpers/wait-for";

const lastUsedOf = async (env: TestEnv, keyId: string) =>
  (await env.db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, keyId)))[0].at;

describeEachBackend("credential cache", (backend) => {
  let env: TestEnv;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    env = await createTestEnv(backend);
    stop = await startCredentials(env.handle, { max: 50, flushMs: 200 });
  });
  afterAll(async () => {
    await stop?.();
    await env?.close();
  });

  it("answers a verified key from the cache, without a query", async () => {
    const ctx = await env.newUser();
    const { key, apiKey } = await createApiKey({ ctx, input: { name: "hot" } });
    const { cache } = credentialsOf(env.db);
    expect(cache.online).toBe(true);
    expect(await verifyApiKey(env.db, key)).toMatchObject({ keyId: apiKey.id, userId: ctx.userId });
    expect(cache.get(hashKey(key))).toMatchObject({ kind: "key", keyId: apiKey.id });
    // Changed behind the cache's back (no trigger fires for `name`): the cached answer stands,
    // which shows the second check did not read the row.
    await env.db.update(apiKeys).set({ name: "renamed" }).where(eq(apiKeys.id, apiKey.id));
    expect(await verifyApiKey(env.db, key)).toMatchObject({ keyId: apiKey.id });
  });

  it("a revocation through the verb is refused at once; one made by any other statement on notification", async () => {
    const ctx = await env.newUser();
    const a = await createApiKey({ ctx, input: { name: "a" } });
    const b = await createApiKey({ ctx, input: { name: "b" } });
    expect(await verifyApiKey(env.db, a.key)).not.toBeNull();
    expect(await verifyApiKey(env.db, b.key)).not.toBeNull();
    await revokeApiKey({ ctx, input: { keyId: a.apiKey.id } });
    expect(await verifyApiKey(env.db, a.key)).toBeNull();
    // A plain UPDATE (as an admin script or plan cap would do): the trigger's NOTIFY evicts it.
    await env.db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, b.apiKey.id));
    await waitFor(() => credentialsOf(env.db).cache.get(hashKey(b.key)) === undefined, { what: "the notification to evict key b", timeoutMs: 1000 });
    expect(await verifyApiKey(env.db, b.key)).toBeNull();
  });

  it("deleting the user (cascade) evicts the user's keys", async () => {
    const ctx = await env.newUser();
    const { key } = await createApiKey({ ctx, input: { name: "gone" } });
    expect(await verifyApiKey(env.db, key)).not.toBeNull();
    await env.db.execute(sql`DELETE FROM "user" WHERE id = ${ctx.userId}`);
    await waitFor(() => credentialsOf(env.db).cache.get(hashKey(key)) === undefined, { what: "the cascade's notification", timeoutMs: 1000 });
    expect(await verifyApiKey(env.db, key)).toBeNull();
  });

  it("stays within its bound: real keys beyond it push out the least recently used, unknown keys take no slot", async () => {
    const { cache } = credentialsOf(env.db);
    const keys = [];
    for (let u = 0; u < 3; u++) {
      const ctx = await env.newUser(); // a plan allows 25 active keys
      for (let i = 0; i < 20; i++) keys.push((await createApiKey({ ctx, input: { name: `k${i}` } })).key);
    }
    for (const k of keys) expect(await verifyApiKey(env.db, k)).not.toBeNull();
    expect(cache.size).toBe(50);
    expect(cache.get(hashKey(keys[0]))).toBeUndefined();
    expect(cache.get(hashKey(keys[59]))).toBeDefined();
    // 20,000 against the default bound: credential-cache-bound.test.ts.
    for (let i = 0; i < 500; i++) expect(await verifyApiKey(env.db, generateKey())).toBeNull();
    expect(cache.size).toBe(50);
    expect(cache.get(hashKey(keys[59]))).toBeDefined();
  });

  it("writes last used in batches, off the request", async () => {
    const ctx = await env.newUser();
    const { key, apiKey } = await createApiKey({ ctx, input: { name: "used" } });
    expect(await lastUsedOf(env, apiKey.id)).toBeNull();
    await verifyApiKey(env.db, key);
    // Not written by the check itself…
    expect(await lastUsedOf(env, apiKey.id)).toBeNull();
    // …but by the next flush, and moved forward by later use.
    await waitFor(async () => (await lastUsedOf(env, apiKey.id)) !== null, { what: "the first flush", timeoutMs: 3000 });
    const first = (await lastUsedOf(env, apiKey.id))!;
    await new Promise((r) => setTimeout(r, 20));
    await verifyApiKey(env.db, key);
    await waitFor(async () => (await lastUsedOf(env, apiKey.id))!.getTime() > first.getTime(), { what: "a later flush", timeoutMs: 3000 });
  });
});

describe.runIf(backends().includes("postgres"))("credential cache without its notification connection (postgres)", () => {
  let env: TestEnv;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    env = await createTestEnv("postgres");
    stop = await startCredentials(env.handle);
  });
  afterAll(async () => {
    await stop?.();
    await env?.close();
  });

  it("bypasses the cache while the connection is down, and starts empty when it is back", async () => {
    const { cache } = credentialsOf(env.db);
    const ctx = await env.newUser();
    const { key, apiKey } = await createApiKey({ ctx, input: { name: "cut" } });
    expect(await verifyApiKey(env.db, key)).not.toBeNull();
    expect(cache.size).toBe(1);

    const admin = postgres(env.handle.url!, { max: 1, onnotice: () => {} });
    try {
      const cut = await admin`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'pixola-listen-pixola_credentials'`;
      expect(cut).toHaveLength(1);
      await waitFor(() => !cache.online, { what: "the loss to be noticed", timeoutMs: 1000 });
      expect(cache.size).toBe(0);
      // Revoked while nobody listens: still refused, since every check reads the database.
      await admin`UPDATE api_keys SET revoked_at = now() WHERE id = ${apiKey.id}`;
      expect(await verifyApiKey(env.db, key)).toBeNull();
      // Back within the retry delay, listening again.
      await waitFor(() => cache.online, { what: "listening again", timeoutMs: 5000 });
      const [{ n }] = await admin`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'pixola-listen-pixola_credentials'`;
      expect(n).toBe(1);
    } finally {
      await admin.end();
    }
  });
});
