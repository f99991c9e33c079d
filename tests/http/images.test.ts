import { beforeAll, describe, expect, it } from "vitest";
import { call, newKey, waitForBatch } from "./client";

describe("GET /images and /images/{id}", () => {
  let key: string;
  let ids: string[] = [];
  beforeAll(async () => {
    ({ key } = await newKey());
    for (const prompt of ["first", "second", "third"]) {
      const r = await call("/api/v1/generate", { key, json: { prompt, shape: "square-small" } });
      await waitForBatch(key, r.body.batchId);
      ids = [r.body.imageIds[0], ...ids];
    }
  });

  it("lists the caller's images newest first, with keyset pagination", async () => {
    const page1 = await call("/api/v1/images?limit=2", { key });
    expect(page1.status).toBe(200);
    expect(page1.body.images.map((i: any) => i.imageId)).toEqual(ids.slice(0, 2));
    expect(page1.body.images[0]).toMatchObject({ prompt: "third", model: "procedural", style: "no-style", width: 512, height: 512, status: "succeeded" });
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await call(`/api/v1/images?limit=2&cursor=${page1.body.nextCursor}`, { key });
    expect(page2.body.images.map((i: any) => i.imageId)).toEqual(ids.slice(2));
    expect(page2.body.nextCursor).toBeNull();
  });

  it("rejects a bad limit or cursor with 400", async () => {
    for (const q of ["limit=0", "limit=101", "limit=abc", "cursor=%%%"]) {
      const r = await call(`/api/v1/images?${q}`, { key });
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe("bad_request");
    }
  });

  it("GET /images/{id} returns the details and a working download URL", async () => {
    const r = await call(`/api/v1/images/${ids[0]}`, { key });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ imageId: ids[0], mimeType: "image/png", url: expect.stringContaining("/files/") });
    expect((await fetch(r.body.url)).status).toBe(200);
  });

  it("a tampered or expired file URL is 403", async () => {
    const { body } = await call(`/api/v1/images/${ids[0]}`, { key });
    const url = new URL(body.url);
    const badSig = new URL(url);
    badSig.searchParams.set("sig", "A".repeat(43));
    expect((await fetch(badSig)).status).toBe(403);
    const later = new URL(url);
    later.searchParams.set("exp", String(Number(url.searchParams.get("exp")) + 3600));
    expect((await fetch(later)).status).toBe(403);
    const expired = new URL(url);
    expired.searchParams.set("exp", "1000");
    expect((await fetch(expired)).status).toBe(403);
    // Only the canonical spelling of the signed expiry: a leading zero makes another URL.
    const padded = new URL(url);
    padded.searchParams.set("exp", `0${url.searchParams.get("exp")}`);
    expect((await fetch(padded)).status).toBe(403);
    const noSig = new URL(url.origin + url.pathname);
    expect((await fetch(noSig)).status).toBe(403);
  });

  it("another user's batch and image ids answer 404 with the body of a missing id", async () => {
    const { key: other } = await newKey();
    const mine = await call(`/api/v1/images/${ids[0]}`, { key });
    const norm = (r: any, id: string) => ({ status: r.status, error: { ...r.body.error, requestId: "-", message: r.body.error.message.replace(id, "<id>") } });
    const foreignImage = await call(`/api/v1/images/${ids[0]}`, { key: other });
    const missingImage = await call("/api/v1/images/img_doesnotexist", { key: other });
    expect(norm(foreignImage, ids[0])).toEqual(norm(missingImage, "img_doesnotexist"));
    expect(foreignImage.status).toBe(404);
    const batchId = mine.body.batchId;
    const foreignBatch = await call(`/api/v1/batches/${batchId}`, { key: other });
    const missingBatch = await call("/api/v1/batches/bat_doesnotexist", { key: other });
    expect(norm(foreignBatch, batchId)).toEqual(norm(missingBatch, "bat_doesnotexist"));
    expect((await call("/api/v1/images", { key: other })).body.images).toEqual([]);
  });
});
