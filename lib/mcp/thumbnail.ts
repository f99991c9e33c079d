import sharp from "sharp";

export const THUMBNAIL_MAX_SIDE = 256;
/** Claude Desktop rejects tool results over 1 MiB; previews stay far below that together. */
export const THUMBNAIL_BUDGET_BYTES = 512 * 1024;

export interface Thumbnail {
  data: string;
  mimeType: "image/webp";
  width: number;
  height: number;
}

/** A small WebP preview for the image content block; the full image stays behind its URL. */
export async function makeThumbnail(bytes: Uint8Array): Promise<Thumbnail> {
  const { data, info } = await sharp(bytes)
    .resize({ width: THUMBNAIL_MAX_SIDE, height: THUMBNAIL_MAX_SIDE, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 70 })
    .toBuffer({ resolveWithObject: true });
  return { data: data.toString("base64"), mimeType: "image/webp", width: info.width, height: info.height };
}
