import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makePreview, previewKeyFor } from "./make-preview";

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer();

/** Random pixels: the worst case for a compressor. */
const noise = (width: number, height: number) =>
  sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).png().toBuffer();

describe("makePreview", () => {
  it.each([
    [1024, 1024, 512, 512],
    [1344, 756, 512, 288],
    [756, 1344, 288, 512],
    [300, 200, 300, 200], // never enlarged
  ])("%i×%i becomes a %i×%i WebP, and reports the size it made", async (w, h, pw, ph) => {
    const p = await makePreview(await png(w, h));
    const meta = await sharp(p.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", pw, ph]);
    expect([p.width, p.height]).toEqual([pw, ph]);
  });

  it("stays under 100 KB even for an image of pure noise", async () => {
    const p = await makePreview(await noise(1024, 1024));
    expect(p.bytes.byteLength).toBeLessThan(100 * 1024);
    expect([p.width, p.height]).toEqual([512, 512]);
  });

  it("rasterizes an SVG", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600"><rect width="1200" height="600" fill="teal"/></svg>');
    const p = await makePreview(svg);
    expect([p.width, p.height]).toEqual([512, 256]);
    expect((await sharp(p.bytes).metadata()).format).toBe("webp");
  });

  it("rejects bytes that are not an image", async () => {
    await expect(makePreview(new Uint8Array([1, 2, 3, 4]))).rejects.toThrow();
  });
});

describe("previewKeyFor", () => {
  it("names the preview after the image, beside it", () => {
    expect(previewKeyFor("bat_1/img_2.png")).toBe("bat_1/img_2-preview.webp");
    expect(previewKeyFor("bat_1/img_2.svg")).toBe("bat_1/img_2-preview.webp");
  });
});
