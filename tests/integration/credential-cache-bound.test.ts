import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKey, hashKey } from "@/lib/api-keys/codec";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { verifyApiKey } from "@/lib/api-keys/verify-api-key";
import { DEFAULT_CREDENTIAL_CACHE_SIZE } from "@/lib/credentials/credential-cache";
import { credentialsOf, startCredentials } from "@/lib/credentials/credentials";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

// In a file of its own: its 20,000 checks take about 10 s, which then run beside other files.
describe("credential cache at its default bound (pglite)", () => {
  let env: TestEnv;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    env = await createTestEnv("pglite");
    stop = await startCredentials(env.handle);
  });
  afterAll(async () => {
    await stop?.();
    await env?.close();
  });

  it("refuses 20,000 unknown well-formed keys, each, and keeps none of them", async () => {
    const { cache } = credentialsOf(env.db);
    expect(cache.max).toBe(DEFAULT_CREDENTIAL_CACHE_SIZE);
    expect(DEFAULT_CREDENTIAL_CACHE_SIZE).toBe(10_000);
    const ctx = await env.newUser();
    const { key } = await createApiKey({ ctx, input: { name: "known" } });
    expect(await verifyApiKey(env.db, key)).not.toBeNull();
    for (let i = 0; i < 20_000; i++) expect(await verifyApiKey(env.db, generateKey())).toBeNull();
    expect(cache.size).toBe(1);
    expect(cache.get(hashKey(key))).toBeDefined();
  });
});
