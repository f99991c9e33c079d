import { describe, expect, it } from "vitest";
import { generateKey } from "@/lib/api-keys/codec";
import { baseUrl, call, newKey, revokeKey } from "./client";

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
    expect(r.body).toEqual({
      balance: 1000,
      plan: { slug: "free", name: "Free", monthlyCredits: 1000 },
      recentEntries: [expect.objectContaining({ kind: "grant", amount: 1000, balanceAfter: 1000, batchId: null })],
    });
  });
});

describe("password strength is enforced by the server", () => {
  const email = () => `pw-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const signUp = (password: string, address = email()) =>
    call("/api/auth/sign-up/email", { json: { name: "Ada Lovelace", email: address, password }, headers: { origin: baseUrl() } });
  const expectTooWeak = (r: { status: number; body: any }, why: RegExp) => {
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: "PASSWORD_TOO_WEAK", message: expect.stringMatching(why) });
    expect(r.body.message).toContain("Use 10–128 characters that are hard to guess");
  };

  it("a direct POST /api/auth/sign-up/email with a weak password is refused with the reason", async () => {
    expectTooWeak(await signUp("aaaaaaaaaa"), /repeats one character/);
    expectTooWeak(await signUp(" ".repeat(10)), /repeats one character/);
    expectTooWeak(await signUp("password123"), /commonly used password/);
    const address = email();
    expectTooWeak(await signUp(address, address), /your email address or name/);
    // Length errors stay better-auth's own.
    expect((await signUp("short")).body).toMatchObject({ code: "PASSWORD_TOO_SHORT" });
  });

  it("a strong password signs up, and changing it to a weak one is refused", async () => {
    const password = "violet tractor umbrella 41";
    const r = await signUp(password);
    expect(r.status).toBe(200);
    const cookie = r.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const change = (newPassword: string) =>
      call("/api/auth/change-password", { json: { currentPassword: password, newPassword }, headers: { origin: baseUrl(), cookie } });
    expectTooWeak(await change("qwertyuiop"), /most common passwords/);
    expect((await change("lantern orchard copper 77")).status).toBe(200);
  });
});
