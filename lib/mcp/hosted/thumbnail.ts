import sharp from "sharp";

/** A WebP preview made from the stored image (until every image has a stored preview). */
export async function makeThumbnail(bytes: Uint8Array) {
  const { data, info } = await sharp(bytes)
    .resize({ width: 512, height: 512, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 70 })
    .toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), mimeType: "image/webp" as const, width: info.width, height: info.height };
}
