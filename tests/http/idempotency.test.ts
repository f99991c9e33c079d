import { describe, expect, it } from "vitest";
import { call, newKey, waitForBatch } from "./client";

const body = { prompt: "a red kite over dunes", model: "procedural", quality: "hd", count: 2 };
const generate = (key: string, idempotencyKey: string | undefined, json: unknown = body) =>
  call("/api/v1/generate", { key, json, headers: idempotencyKey === undefined ? {} : { "idempotency-key": idempotencyKey } });
const balance = async (key: string) => (await call("/api/v1/credits", { key })).body.balance;

describe("Idempotency-Key on POST /generate", () => {
  it("replays the stored response with Idempotent-Replayed: true and reserves once", async () => {
    const { key } = await newKey();
    const first = await generate(key, "order-1001");
    expect(first.status).toBe(202);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const replay = await generate(key, "order-1001", { count: 2, quality: "hd", model: "procedural", prompt: "a red kite over dunes" });
    expect(replay.status).toBe(202);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get("location")).toBe(first.headers.get("location"));
    expect(await balance(key)).toBe(1000 - 4);
  });

  it("answers 422 when the key was used with a different body", async () => {
    const { key } = await newKey();
    await generate(key, "order-2002");
    const other = await generate(key, "order-2002", { ...body, prompt: "something else" });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe("unprocessable");
    expect(other.body.error.message).toMatch(/already used with a different request/);
    expect(await balance(key)).toBe(1000 - 4);
  });

  it("turns 20 concurrent requests with one key into one batch and one reservation", async () => {
    const { key } = await newKey();
    const all = await Promise.all(Array.from({ length: 20 }, () => generate(key, "burst-1")));
    for (const r of all) expect([202, 409]).toContain(r.status);
    const accepted = all.filter((r) => r.status === 202);
    expect(new Set(accepted.map((r) => r.body.batchId)).size).toBe(1);
    expect(accepted.filter((r) => r.headers.get("idempotent-replayed") !== "true")).toHaveLength(1);
    expect(await balance(key)).toBe(1000 - 4);
    // The gallery lists finished images: wait for the one batch to be made.
    await waitForBatch(key, accepted[0].body.batchId);
    const history = await call("/api/v1/images?limit=50", { key });
    expect(new Set(history.body.images.map((i: { batchId: string }) => i.batchId)).size).toBe(1);
  });

  it("keeps keys per user and does not store refused requests", async () => {
    const [a, b] = [await newKey(), await newKey()];
    const ra = await generate(a.key, "shared-key");
    const rb = await generate(b.key, "shared-key");
    expect(rb.status).toBe(202);
    expect(rb.headers.get("idempotent-replayed")).toBeNull();
    expect(rb.body.batchId).not.toBe(ra.body.batchId);
    // A 400 does not use the key up: the corrected request runs under it.
    expect((await generate(a.key, "fix-me", { ...body, style: "no-such-style" })).status).toBe(400);
    const fixed = await generate(a.key, "fix-me");
    expect(fixed.status).toBe(202);
    expect(fixed.headers.get("idempotent-replayed")).toBeNull();
  });

  it.each([
    ["k".repeat(256), /at most 255 characters/],
    ["with space", /visible ASCII/],
  ])("rejects the key %j with 400", async (idempotencyKey, message) => {
    const { key } = await newKey();
    const r = await generate(key, idempotencyKey);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(message);
  });
});
