import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { webpSize } from "./webp-size";

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } });

describe("webpSize", () => {
  it.each([
    ["lossy", { lossless: false }],
    ["lossless", { lossless: true }],
  ])("reads the size of a %s WebP", async (_kind, options) => {
    for (const [w, h] of [[512, 288], [288, 512], [512, 512], [1, 1], [511, 3]]) {
      expect(webpSize(new Uint8Array(await image(w, h).webp(options).toBuffer()))).toEqual({ width: w, height: h });
    }
  });

  it("reads the size of an extended WebP (with alpha)", async () => {
    const bytes = await sharp({ create: { width: 300, height: 170, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
      .webp({ lossless: false })
      .toBuffer();
    expect(webpSize(new Uint8Array(bytes))).toEqual({ width: 300, height: 170 });
  });

  it("refuses bytes that are not a WebP", async () => {
    expect(webpSize(new Uint8Array(await image(8, 8).png().toBuffer()))).toBeNull();
    expect(webpSize(new Uint8Array(10))).toBeNull();
  });
});
