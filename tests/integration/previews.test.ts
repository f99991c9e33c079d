import { eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { images } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { getBatch } from "@/lib/generation/get-batch";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { startWorker } from "@/lib/generation/worker";
import { backfillPreviews } from "@/lib/images/backfill-previews";
import { getImage } from "@/lib/images/get-image";
import { getImagePreview } from "@/lib/images/get-image-preview";
import { log } from "@/lib/log";
import type { ImageStore } from "@/lib/storage/image-store";
import { createS3Store } from "@/lib/storage/s3-store";
import { drainQueue } from "../helpers/drain";
import { startS3Server } from "../helpers/s3-server";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";
import { waitFor } from "../helpers/wait-for";

/** The env's store, except that previews cannot be written: as if sharp or the disk failed. */
const withoutPreviews = (store: ImageStore): ImageStore => ({
  ...store,
  async put(key, bytes, opts) {
    if (key.endsWith("-preview.webp")) throw new Error("disk full");
    return store.put(key, bytes, opts);
  },
});

describeEachBackend("image previews", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(async () => {
    await env?.close();
  });

  /** Generates `count` procedural images for `ctx` and runs them through the worker. */
  async function generate(ctx: Ctx, shape: string, count = 1, store: ImageStore = env.store) {
    const sub = await submitGeneration({ ctx, input: { prompt: "a lighthouse at dusk", model: "procedural", shape, count }, appUrl: "http://t" });
    await drainQueue(env, { store });
    return getBatch({ ctx, input: { batchId: sub.batchId }, store: env.store });
  }

  /** Forgets an image's preview, as for an image stored before previews existed. */
  async function forgetPreviews(ids: string[]) {
    const rows = await env.db.select({ key: images.previewKey }).from(images).where(inArray(images.id, ids));
    for (const r of rows) if (r.key) await env.store.delete(r.key);
    await env.db.update(images).set({ previewKey: null, previewWidth: null, previewHeight: null }).where(inArray(images.id, ids));
  }

  it.each([
    ["square", 512, 512],
    ["landscape-wide", 512, 288],
    ["portrait-tall", 288, 512],
  ])("a %s image is stored with a WebP preview beside it, of the size sharp made", async (shape, w, h) => {
    const ctx = await env.newUser();
    const batch = await generate(ctx, shape);
    const view = batch.images[0];
    expect(view.status).toBe("succeeded");
    expect(view.previewUrl).toMatch(/^http:\/\/test\.local\/files\/bat_\w+\/img_\w+-preview\.webp\?exp=\d+&sig=/);
    expect([view.previewWidth, view.previewHeight]).toEqual([w, h]);
    const [row] = await env.db.select().from(images).where(eq(images.id, view.imageId));
    expect(row.previewKey).toBe(row.storageKey!.replace(/\.png$/, "-preview.webp"));
    const file = await env.store.get(row.previewKey!);
    const meta = await sharp(file!.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", w, h]);
    expect(file!.size).toBeLessThan(100 * 1024);

    const preview = await getImagePreview({ ctx, input: { imageId: view.imageId }, store: env.store });
    expect(preview).toMatchObject({ contentType: "image/webp", width: w, height: h });
    expect(Buffer.from(preview.bytes).equals(Buffer.from(file!.bytes))).toBe(true);
  });

  it("a preview that cannot be made leaves the image succeeded and charged; asking for it makes it then", async () => {
    const ctx = await env.newUser();
    const warn = vi.spyOn(log, "warn");
    const batch = await generate(ctx, "square-small", 2, withoutPreviews(env.store));
    const logged = warn.mock.calls.filter(([msg]) => msg.includes("preview"));
    warn.mockRestore();
    // Logged once per image, by id, without the prompt.
    expect(logged.map(([, f]) => f?.imageId).sort()).toEqual(batch.images.map((i) => i.imageId).sort());
    expect(JSON.stringify(logged)).not.toContain("lighthouse");
    expect(batch.status).toBe("succeeded");
    expect(batch.creditsCharged).toBe(batch.creditsReserved);
    expect(await env.balanceOf(ctx.userId)).toBe(1000 - batch.creditsCharged);
    for (const img of batch.images) {
      expect(img.status).toBe("succeeded");
      expect(img.url).not.toBeNull();
      expect([img.previewUrl, img.previewWidth, img.previewHeight]).toEqual([null, null, null]);
    }
    const id = batch.images[0].imageId;
    const preview = await getImagePreview({ ctx, input: { imageId: id }, store: env.store });
    expect([preview.width, preview.height]).toEqual([512, 512]); // square-small is 512²: never enlarged, kept
    expect((await sharp(preview.bytes).metadata()).format).toBe("webp");
    const after = await getImage({ ctx, input: { imageId: id }, store: env.store });
    expect(after.previewUrl).toMatch(/-preview\.webp\?/);
    expect([after.previewWidth, after.previewHeight]).toEqual([512, 512]);
  });

  it("a preview whose file went missing is made again on request", async () => {
    const ctx = await env.newUser();
    const [img] = (await generate(ctx, "square-small")).images;
    const [row] = await env.db.select().from(images).where(eq(images.id, img.imageId));
    await env.store.delete(row.previewKey!);
    const preview = await getImagePreview({ ctx, input: { imageId: img.imageId }, store: env.store });
    expect(preview.width).toBe(512);
    expect(await env.store.get(row.previewKey!)).not.toBeNull();
  });

  it("someone else's image, an unknown id and an unfinished image have no preview", async () => {
    const owner = await env.newUser();
    const other = await env.newUser();
    const [img] = (await generate(owner, "square-small")).images;
    const foreign = getImagePreview({ ctx: other, input: { imageId: img.imageId }, store: env.store });
    await expect(foreign).rejects.toMatchObject({ code: "not_found", message: `Image '${img.imageId}' was not found.` });
    await expect(getImagePreview({ ctx: other, input: { imageId: "img_nope" }, store: env.store })).rejects.toMatchObject({ code: "not_found" });
    await expect(getImagePreview({ ctx: other, input: { imageId: " " }, store: env.store })).rejects.toThrow(/imageId is required/);
    const queued = await submitGeneration({ ctx: owner, input: { prompt: "later", model: "procedural", shape: "square-small" }, appUrl: "http://t" });
    await expect(getImagePreview({ ctx: owner, input: { imageId: queued.imageIds[0] }, store: env.store })).rejects.toMatchObject({ code: "conflict" });
    await drainQueue(env);
  });

  it("the backfill gives every stored image without a preview one, newest first and bounded", async () => {
    const ctx = await env.newUser();
    const batch = await generate(ctx, "square-small", 3);
    const ids = batch.images.map((i) => i.imageId);
    await backfillPreviews({ db: env.db, store: env.store }); // what earlier tests left without one
    await forgetPreviews(ids);
    const first = await backfillPreviews({ db: env.db, store: env.store, maxImages: 2 });
    expect(first).toEqual({ made: 2, failed: 0 });
    const rest = await backfillPreviews({ db: env.db, store: env.store });
    expect(rest).toEqual({ made: 1, failed: 0 });
    const rows = await env.db.select().from(images).where(inArray(images.id, ids));
    for (const r of rows) {
      expect(r.previewKey).toBe(r.storageKey!.replace(/\.png$/, "-preview.webp"));
      const meta = await sharp((await env.store.get(r.previewKey!))!.bytes).metadata();
      expect([meta.format, meta.width, meta.height, r.previewWidth, r.previewHeight]).toEqual(["webp", 512, 512, 512, 512]);
    }
    expect(await backfillPreviews({ db: env.db, store: env.store })).toEqual({ made: 0, failed: 0 });
  });

  it("an image whose file is gone is counted as failed and skipped, not retried forever", async () => {
    const ctx = await env.newUser();
    const ids = (await generate(ctx, "square-small", 2)).images.map((i) => i.imageId);
    await forgetPreviews(ids);
    const [gone] = await env.db.select().from(images).where(eq(images.id, ids[0]));
    await env.store.delete(gone.storageKey!);
    expect(await backfillPreviews({ db: env.db, store: env.store })).toEqual({ made: 1, failed: 1 });
    await env.db.update(images).set({ status: "failed" }).where(eq(images.id, ids[0])); // out of later tests' way
  });

  it("with the S3 store, the preview sits in the bucket beside the image behind a presigned URL", async () => {
    const s3 = await startS3Server("pixola-previews");
    try {
      const store = createS3Store({ bucket: "pixola-previews", endpoint: s3.endpoint, region: "us-east-1", accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true, ttlSeconds: 3600 });
      const ctx = await env.newUser();
      const sub = await submitGeneration({ ctx, input: { prompt: "a barn", model: "procedural", shape: "landscape-wide" }, appUrl: "http://t" });
      await drainQueue(env, { store });
      const [img] = (await getBatch({ ctx, input: { batchId: sub.batchId }, store })).images;
      expect(img.previewUrl).toMatch(new RegExp(`^${s3.endpoint}/pixola-previews/${sub.batchId}/${img.imageId}-preview\\.webp\\?.*X-Amz-Signature=`));
      const res = await fetch(img.previewUrl!);
      expect(res.headers.get("content-type")).toBe("image/webp");
      const meta = await sharp(new Uint8Array(await res.arrayBuffer())).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", 512, 288]);
      // Lost from the bucket: made again from the image on request.
      await store.delete(`${sub.batchId}/${img.imageId}-preview.webp`);
      const again = await getImagePreview({ ctx, input: { imageId: img.imageId }, store });
      expect([again.width, again.height]).toEqual([512, 288]);
      expect(await store.get(`${sub.batchId}/${img.imageId}-preview.webp`)).toMatchObject({ contentType: "image/webp" });
    } finally {
      await s3.stop();
    }
  });

  it("a worker runs the backfill when it starts, while it claims work", async () => {
    const ctx = await env.newUser();
    const ids = (await generate(ctx, "square-small", 2)).images.map((i) => i.imageId);
    await forgetPreviews(ids);
    const worker = startWorker({
      db: env.db,
      store: env.store,
      providers: env.providers,
      ioConcurrency: 2,
      cpuConcurrency: 1,
      leaseSeconds: 30,
      maxAttempts: 3,
      timeoutSeconds: 600,
      queueDeadlineSeconds: 900,
      pollMs: 50,
    });
    try {
      // Generation goes on meanwhile: a batch submitted now completes with its own preview.
      const sub = await submitGeneration({ ctx, input: { prompt: "a new one", model: "procedural", shape: "square-small" }, appUrl: "http://t" });
      await waitFor(
        async () => {
          const rows = await env.db.select({ key: images.previewKey }).from(images).where(inArray(images.id, [...ids, ...sub.imageIds]));
          return rows.every((r) => r.key !== null);
        },
        { what: "previews of the backfilled and the new images", timeoutMs: 30_000 },
      );
    } finally {
      await worker.stop();
    }
  });
});
