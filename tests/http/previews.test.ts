import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { baseUrl, call, newKey, waitForBatch } from "./client";

const SHAPES = { square: [1024, 1024], "landscape-wide": [1344, 756], "portrait-tall": [756, 1344] } as const;

async function fetchPreview(path: string, key?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl()}${path}`, {
    headers: { ...headers, ...(key ? { authorization: `Bearer ${key}` } : {}) },
  });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("GET /images/{id}/preview", () => {
  let key: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ({ key } = await newKey());
    for (const shape of Object.keys(SHAPES)) {
      const r = await call("/api/v1/generate", { key, json: { prompt: `a harbour, ${shape}`, shape } });
      expect(r.status).toBe(202);
      await waitForBatch(key, r.body.batchId);
      ids[shape] = r.body.imageIds[0];
    }
  });

  it.each(Object.entries(SHAPES))("a %s image's preview is a WebP under 100 KB, 512 px on its long side, the aspect kept", async (shape, [w, h]) => {
    const { res, bytes } = await fetchPreview(`/api/v1/images/${ids[shape]}/preview`, key);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(bytes.byteLength).toBeLessThan(100 * 1024);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe("webp");
    expect(Math.max(meta.width!, meta.height!)).toBe(512);
    expect(Math.abs(meta.width! / meta.height! - w / h)).toBeLessThan(0.01);
    expect([Number(res.headers.get("x-preview-width")), Number(res.headers.get("x-preview-height"))]).toEqual([meta.width, meta.height]);
  });

  it("is cacheable by the client only, with an ETag that answers 304", async () => {
    const path = `/api/v1/images/${ids.square}/preview`;
    const { res } = await fetchPreview(path, key);
    expect(res.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(res.headers.get("vary")).toMatch(/authorization/i);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await fetchPreview(path, key, { "if-none-match": etag });
    expect(again.res.status).toBe(304);
    expect(again.bytes.byteLength).toBe(0);
  });

  it("the image's previewUrl is signed, downloads the same preview, and states its size", async () => {
    const view = await call(`/api/v1/images/${ids["portrait-tall"]}`, { key });
    expect(view.body.previewUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/bat_\w+\/img_\w+-preview\.webp\?exp=\d+&sig=/);
    expect([view.body.previewWidth, view.body.previewHeight]).toEqual([288, 512]);
    const signed = await fetch(view.body.previewUrl);
    expect(signed.status).toBe(200);
    expect(signed.headers.get("content-type")).toBe("image/webp");
    const viaApi = await fetchPreview(`/api/v1/images/${ids["portrait-tall"]}/preview`, key);
    expect(Buffer.from(await signed.arrayBuffer()).equals(Buffer.from(viaApi.bytes))).toBe(true);
    // The list carries it too.
    const list = await call("/api/v1/images?limit=1", { key });
    expect(list.body.images[0].previewUrl).toMatch(/-preview\.webp\?exp=/);
    // Unsigned, it is refused like any file.
    const bare = new URL(view.body.previewUrl);
    expect((await fetch(bare.origin + bare.pathname)).status).toBe(403);
  });

  it("someone else's image answers 404 exactly like a missing one", async () => {
    const { key: other } = await newKey();
    const id = ids.square;
    const norm = (r: any, rid: string) => ({ status: r.status, error: { ...r.body.error, requestId: "-", message: r.body.error.message.replace(rid, "<id>") } });
    const foreign = await call(`/api/v1/images/${id}/preview`, { key: other });
    const missing = await call("/api/v1/images/img_doesnotexist/preview", { key: other });
    expect(foreign.status).toBe(404);
    expect(norm(foreign, id)).toEqual(norm(missing, "img_doesnotexist"));
    expect(foreign.headers.get("content-type")).toMatch(/application\/json/);
  });

  it("odd ids answer as GET /images/{id} does, never a 500; no key is 401", async () => {
    for (const id of ["not-an-id", "img_%00", "%20", "x".repeat(500), "img_..%2F..%2Fetc"]) {
      const image = await call(`/api/v1/images/${id}`, { key });
      const preview = await call(`/api/v1/images/${id}/preview`, { key });
      expect(preview.status, id).toBe(image.status);
      expect([400, 404]).toContain(preview.status);
      expect(preview.body.error.code, id).toBe(image.body.error.code);
    }
    const anon = await call(`/api/v1/images/${ids.square}/preview`);
    expect(anon.status).toBe(401);
  });

  it("the OpenAPI document describes the route and the new fields", async () => {
    const doc = (await call("/api/v1/openapi.json")).body;
    const op = doc.paths["/images/{imageId}/preview"].get;
    expect(Object.keys(op.responses[200].content)).toEqual(["image/webp"]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "401", "404", "429"]));
    const view = doc.paths["/images/{imageId}"].get.responses[200].content["application/json"].schema;
    expect(view.properties).toHaveProperty("previewUrl");
    expect(view.properties).toHaveProperty("previewWidth");
  });
});
