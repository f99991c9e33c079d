import { describe, expect, it } from "vitest";
import { generateKey } from "@/lib/api-keys/codec";
import { call, newKey, revokeKey } from "./client";

const expect401 = (r: { status: number; body: any }) => {
  expect(r.status).toBe(401);
  expect(r.body.error).toMatchObject({ code: "unauthorized", message: expect.any(String), requestId: expect.stringMatching(/^req_/) });
};

describe("API key authentication", () => {
  it("missing, malformed, unknown and revoked keys get 401 with the contract's body", async () => {
    expect401(await call("/api/v1/credits"));
    expect401(await call("/api/v1/credits", { headers: { authorization: "Basic abc" } }));
    expect401(await call("/api/v1/credits", { headers: { authorization: "Bearer" } }));
    expect401(await call("/api/v1/credits", { key: "pxk_short" }));
    expect401(await call("/api/v1/credits", { key: "sk-not-ours-at-all" }));
    expect401(await call("/api/v1/credits", { key: "x".repeat(10_000) }));
    expect401(await call("/api/v1/credits", { key: "pxk_ünïcødé_ÿ¤" }));
    expect401(await call("/api/v1/credits", { key: generateKey() })); // well formed, never issued

    const { key, keyId } = await newKey();
    expect((await call("/api/v1/credits", { key })).status).toBe(200);
    // A key with one character changed fails the checksum.
    const typo = key.slice(0, 10) + (key[10] === "a" ? "b" : "a") + key.slice(11);
    expect401(await call("/api/v1/credits", { key: typo }));
    expect(keyId).toMatch(/^key_/);
  });

  it("a revoked key is refused on the very next request", async () => {
    const { key, keyId } = await newKey();
    expect((await call("/api/v1/credits", { key })).status).toBe(200);
    await revokeKey(keyId);
    expect401(await call("/api/v1/credits", { key }));
    expect401(await call("/api/v1/generate", { key, json: { prompt: "x" } }));
  });

  it("a key in the query string is refused", async () => {
    const { key } = await newKey();
    expect401(await call(`/api/v1/credits?api_key=${key}`));
  });

  it("GET /credits shows the Free plan's 1,000 credits", async () => {
    const { key } = await newKey();
    const r = await call("/api/v1/credits", { key });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ balance: 1000, plan: { slug: "free", name: "Free", monthlyCredits: 1000 } });
  });
});
