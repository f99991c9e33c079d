import { describe, expect, inject, it } from "vitest";
import { call, newKey } from "./client";

// Every resource cap and the 4xx it answers with (README "Rate limits" lists them).
const admin = { authorization: `Bearer ${inject("adminToken")}` };
const createKey = (email: string) => call("/api/admin/keys", { json: { email, name: "cap test" }, headers: admin });
const revoke = (keyId: string) => call(`/api/admin/keys/${keyId}/revoke`, { method: "POST", headers: admin });
const email = (tag: string) => `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;

describe("resource caps", () => {
  it("request body over 64 KB → 413 payload_too_large", async () => {
    const { key } = await newKey();
    const r = await call("/api/v1/generate", { key, json: { prompt: "x", pad: "y".repeat(64 * 1024) } });
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: "payload_too_large", details: { limitBytes: 65536 } });
    expect(r.body.error.message).toMatch(/64 KB limit/);
  });

  it("prompt over 4,000 characters → 400; count over 4 → 400", async () => {
    const { key } = await newKey();
    const long = await call("/api/v1/generate", { key, json: { prompt: "p".repeat(4001) } });
    expect([long.status, long.body.error.code]).toEqual([400, "bad_request"]);
    expect(long.body.error.message).toMatch(/at most 4000 characters/);
    expect((await call("/api/v1/generate", { key, json: { prompt: "p".repeat(4000) } })).status).toBe(202);
    const many = await call("/api/v1/generate", { key, json: { prompt: "p", count: 5 } });
    expect([many.status, many.body.error.code]).toEqual([400, "bad_request"]);
    expect(many.body.error.message).toMatch(/count must be an integer from 1 to 4/);
  });

  it("Idempotency-Key over 255 characters → 400", async () => {
    const { key } = await newKey();
    const r = await call("/api/v1/generate", { key, json: { prompt: "p" }, headers: { "idempotency-key": "k".repeat(256) } });
    expect([r.status, r.body.error.code]).toEqual([400, "bad_request"]);
    expect(r.body.error.details).toEqual({ limit: 255 });
  });

  it("a 26th active key → 403 naming the cap of 25", async () => {
    const who = email("cap25");
    for (let i = 0; i < 25; i++) expect((await createKey(who)).status).toBe(201);
    const r = await createKey(who);
    expect([r.status, r.body.error.code]).toEqual([403, "forbidden"]);
    expect(r.body.error.details).toEqual({ limit: 25 });
    expect(r.body.error.message).toMatch(/25 active API keys, the most your plan allows \(25\)/);
  });

  it("a 31st key created within an hour → 429 with Retry-After, revoked keys included", async () => {
    const who = email("cap30h");
    for (let i = 0; i < 30; i++) {
      const created = await createKey(who);
      expect(created.status).toBe(201);
      expect((await revoke(created.body.apiKey.id)).status).toBe(200);
    }
    const r = await createKey(who);
    expect([r.status, r.body.error.code]).toEqual([429, "rate_limited"]);
    expect(r.body.error.details).toMatchObject({ limit: 30, window: "hour" });
    expect(r.body.error.message).toMatch(/created 30 API keys in the last hour.*30 per hour/);
    const retryAfter = Number(r.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(r.body.error.details.retryAfterSeconds).toBe(retryAfter);
  });
});
