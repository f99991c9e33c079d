import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { hashKey } from "@/lib/api-keys/codec";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { verifyApiKey } from "@/lib/api-keys/verify-api-key";
import { credentialsOf } from "@/lib/credentials/credentials";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

describeEachBackend("API keys", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  it("stores only the hash, start and last4; the plaintext is returned once", async () => {
    const ctx = await env.newUser();
    const { key, apiKey } = await createApiKey({ ctx, input: { name: "laptop" } });
    expect(key).toMatch(/^pxk_[0-9A-Za-z]{38}$/);
    expect(apiKey).toMatchObject({ name: "laptop", start: key.slice(0, 8), last4: key.slice(-4), status: "active" });
    const [row] = await env.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row.hash).toBe(hashKey(key));
    expect(JSON.stringify(row)).not.toContain(key.slice(8, -4));
    const listed = await listApiKeys({ ctx });
    expect(Object.keys(listed[0]).sort()).toEqual(["createdAt", "id", "last4", "lastUsedAt", "name", "revokedAt", "scopes", "start", "status"]);
    expect(JSON.stringify(listed)).not.toContain(key.slice(8, -4));
  });

  it("records last use (batched: lib/credentials/last-used.ts), and revocation bites at once", async () => {
    const ctx = await env.newUser();
    const { key, apiKey } = await createApiKey({ ctx, input: { name: "ci" } });
    expect(await verifyApiKey(env.db, key)).toMatchObject({ keyId: apiKey.id, userId: ctx.userId });
    await credentialsOf(env.db).lastUsed.flush();
    expect((await listApiKeys({ ctx }))[0].lastUsedAt).toBeInstanceOf(Date);
    await revokeApiKey({ ctx, input: { keyId: apiKey.id } });
    expect(await verifyApiKey(env.db, key)).toBeNull();
    expect((await listApiKeys({ ctx }))[0].status).toBe("revoked");
  });

  it("caps active keys per user with a message that names the limit", async () => {
    const ctx = await env.newUser();
    for (let i = 0; i < 25; i++) await createApiKey({ ctx, input: { name: `k${i}` } });
    const err = await createApiKey({ ctx, input: { name: "one too many" } }).catch((e) => e);
    expect(err.code).toBe("forbidden");
    expect(err.message).toMatch(/25 active API keys, the most your plan allows \(25\)/);
    const [oldest] = (await listApiKeys({ ctx })).slice(-1);
    await revokeApiKey({ ctx, input: { keyId: oldest.id } });
    await expect(createApiKey({ ctx, input: { name: "after revoke" } })).resolves.toBeTruthy();
  });

  it("rejects an empty or overlong name", async () => {
    const ctx = await env.newUser();
    await expect(createApiKey({ ctx, input: { name: "  " } })).rejects.toThrow(/name must not be empty/);
    await expect(createApiKey({ ctx, input: { name: "x".repeat(65) } })).rejects.toThrow(/at most 64/);
  });
});
