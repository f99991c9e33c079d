import sharp from "sharp";

export type RenderFormat = "png" | "webp";

/** sharp is ~10× faster than canvas.toBuffer('image/png') and deterministic for the same pixels. */
export async function encodeRgba(rgba: Uint8ClampedArray, width: number, height: number, format: RenderFormat): Promise<Uint8Array> {
  const raw = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  const img = sharp(raw, { raw: { width, height, channels: 4 } }).removeAlpha();
  const out = format === "png"
    ? await img.png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer()
    : await img.webp({ quality: 85, effort: 2 }).toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
