import { createHash } from "node:crypto";
import { generateImage } from "ai";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedImageModel } from "./embedded-image-model";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("createEmbeddedImageModel", () => {
  beforeAll(() => {
    globalThis.AI_SDK_LOG_WARNINGS = false;
  });

  it("implements ImageModelV3", () => {
    const model = createEmbeddedImageModel();
    expect(model).toMatchObject({ specificationVersion: "v3", provider: "pixola-embedded", modelId: "procedural-v1", maxImagesPerCall: 4 });
  });

  it("works through generateImage and never repeats an image within a batch", async () => {
    const result = await generateImage({ model: createEmbeddedImageModel(), prompt: "x", size: "512x512", n: 2, seed: 7 });
    expect(result.images).toHaveLength(2);
    for (const image of result.images) {
      expect(image.mediaType).toBe("image/png");
      const meta = await sharp(image.uint8Array).metadata();
      expect([meta.width, meta.height]).toEqual([512, 512]);
    }
    expect(sha(result.images[0].uint8Array)).not.toBe(sha(result.images[1].uint8Array));
  });

  it("passes provider options through to the renderer", async () => {
    const result = await generateImage({
      model: createEmbeddedImageModel(),
      prompt: "neon city at night",
      size: "768x512",
      seed: 3,
      providerOptions: { embedded: { palette: ["#0b0716", "#22114a", "#6a1b9a", "#e0247a", "#19d3f0", "#f6f0ff"], styleSlug: "anime", quality: "hd", format: "webp" } },
    });
    expect(result.image.mediaType).toBe("image/webp");
    const meta = await sharp(result.image.uint8Array).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([768, 512, "webp"]);
  });

  it("uses seed + i for image i, so batches are reproducible image by image", async () => {
    const model = createEmbeddedImageModel();
    const base = { prompt: "a lake", size: "256x256" as const, aspectRatio: undefined, files: undefined, mask: undefined, providerOptions: {} };
    const batch = await model.doGenerate({ ...base, n: 3, seed: 10 });
    const single = await model.doGenerate({ ...base, n: 1, seed: 12 });
    expect(sha(batch.images[2] as Uint8Array)).toBe(sha(single.images[0] as Uint8Array));
    expect(batch.response.modelId).toBe("procedural-v1");
    expect(batch.warnings).toEqual([]);
  });

  it("requires a size", async () => {
    const model = createEmbeddedImageModel();
    await expect(
      model.doGenerate({ prompt: "x", n: 1, size: undefined, aspectRatio: "1:1", seed: undefined, files: undefined, mask: undefined, providerOptions: {} }),
    ).rejects.toThrow(/needs options.size/);
  });

  it("stops when the abort signal fires", async () => {
    const model = createEmbeddedImageModel();
    const controller = new AbortController();
    controller.abort(new Error("cancelled by test"));
    await expect(
      model.doGenerate({ prompt: "x", n: 2, size: "256x256", aspectRatio: undefined, seed: 1, files: undefined, mask: undefined, providerOptions: {}, abortSignal: controller.signal }),
    ).rejects.toThrow(/cancelled by test/);
  });
});
