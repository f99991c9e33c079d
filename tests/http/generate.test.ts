import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { call, newKey, waitForBatch } from "./client";

describe("POST /generate and GET /batches/{id}", () => {
  let key: string;
  beforeAll(async () => {
    ({ key } = await newKey());
  });

  it("accepts a generation, renders it, and charges the price", async () => {
    const r = await call("/api/v1/generate", {
      key,
      json: { prompt: "a widescreen landscape", style: "watercolor", shape: "landscape-wide", quality: "hd", count: 2, seed: 7 },
    });
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({
      batchId: expect.stringMatching(/^bat_/),
      status: "queued",
      model: "procedural",
      style: "watercolor",
      shape: "landscape-wide",
      quality: "hd",
      count: 2,
      seed: 7,
      creditsReserved: 4,
      balance: 996,
    });
    expect(r.headers.get("location")).toBe(r.body.pollUrl);
    const batch = await waitForBatch(key, r.body.batchId);
    expect(batch).toMatchObject({ status: "succeeded", creditsCharged: 4, creditsRefunded: 0 });
    for (const img of batch.images) {
      const file = await fetch(img.url);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("image/png");
      expect(file.headers.get("etag")).toBeTruthy();
      expect(file.headers.get("cache-control")).toMatch(/max-age=\d+/);
      const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
      expect([meta.width, meta.height]).toEqual([1344, 756]);
      const again = await fetch(img.url, { headers: { "if-none-match": file.headers.get("etag")! } });
      expect(again.status).toBe(304);
    }
    const credits = await call("/api/v1/credits", { key });
    expect(credits.body.balance).toBe(996);
  });

  it.each([
    [{ prompt: "x", model: "no-such-model" }, /Unknown model 'no-such-model'.*procedural/],
    [{ prompt: "x", model: "flux-2" }, /Model 'flux-2' is in the catalog but not available on this server: no running worker is configured for its provider \(fal\)\. Available models: procedural, gpt-image-1\b/],
    [{ prompt: "x", style: "vaporwave-deluxe" }, /Unknown style 'vaporwave-deluxe'. Valid styles: no-style, .*watercolor/],
    [{ prompt: "x", shape: "hexagon" }, /Unknown shape 'hexagon'. Valid shapes: square, .*landscape-wide/],
    [{ prompt: "x", quality: "ultra" }, /quality must be one of: standard, hd/],
    [{ prompt: "" }, /prompt must not be empty/],
    [{ prompt: "   " }, /prompt must not be empty/],
    [{ prompt: "x".repeat(4001) }, /prompt must be at most 4000 characters/],
    [{}, /prompt is required/],
    [{ prompt: 42 }, /prompt is required and must be a string/],
    [{ prompt: "x", count: 0 }, /count must be an integer from 1 to 4/],
    [{ prompt: "x", count: 5 }, /count must be an integer from 1 to 4/],
    [{ prompt: "x", count: 1.5 }, /count must be an integer from 1 to 4/],
    [{ prompt: "x", seed: -1 }, /seed must be an integer/],
    [{ prompt: "x", n: 2 }, /Unrecognized key.*"n"/],
    [[1, 2], /expected object/],
  ])("rejects %j with 400 bad_request", async (body, message) => {
    const r = await call("/api/v1/generate", { key, json: body });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("bad_request");
    expect(r.body.error.message).toMatch(message);
    expect(r.body.error.requestId).toMatch(/^req_/);
  });

  it("rejects invalid JSON, a wrong content type and an empty body with 400", async () => {
    for (const req of [
      { body: "{not json", headers: { "content-type": "application/json" } },
      { body: "prompt=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
      { body: "", headers: { "content-type": "application/json" } },
    ]) {
      const r = await call("/api/v1/generate", { key, method: "POST", ...req });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe("bad_request");
    }
  });

  it("rejects a body over 64 KB with 413", async () => {
    const r = await call("/api/v1/generate", { key, json: { prompt: "x", pad: "y".repeat(70_000) } });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe("payload_too_large");
  });

  it("refuses a generation the balance cannot cover with 409 insufficient_credits", async () => {
    const { key: poor } = await newKey();
    const price = (await call("/api/v1/models")).body.models.find((m: any) => m.slug === "gpt-image-1").pricing.hd;
    const body = { prompt: "expensive", model: "gpt-image-1", quality: "hd", count: 4 };
    expect(4 * price).toBeGreaterThan(500); // so the second request cannot fit in 1,000 credits
    const first = await call("/api/v1/generate", { key: poor, json: body });
    expect(first.status).toBe(202);
    const second = await call("/api/v1/generate", { key: poor, json: body });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: "insufficient_credits", details: { cost: 4 * price, balance: 1000 - 4 * price } });
    expect(second.body.error.message).toContain(`costs ${4 * price} credits but your balance is ${1000 - 4 * price}`);
    const batch = await waitForBatch(poor, first.body.batchId);
    expect(batch.status).toBe("succeeded");
    expect((await call("/api/v1/credits", { key: poor })).body.balance).toBe(1000 - 4 * price);
  });

  it("GET /batches/{id} of a missing id is 404", async () => {
    const r = await call("/api/v1/batches/bat_missing", { key });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("not_found");
  });
});
