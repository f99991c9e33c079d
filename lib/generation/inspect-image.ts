import sharp, { type Metadata } from "sharp";
import type { ShapeSpec } from "@/lib/providers/types";
import { ProviderError } from "@/lib/providers/errors";

export interface InspectedImage {
  mimeType: "image/png" | "image/jpeg" | "image/webp" | "image/svg+xml" | "image/avif" | "image/gif";
  width: number;
  height: number;
}

const MIME: Record<string, InspectedImage["mimeType"]> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  svg: "image/svg+xml",
  heif: "image/avif",
  gif: "image/gif",
};

/** Never trust a provider's bytes or content type: decode them to learn the real format and size. */
export async function inspectImage(bytes: Uint8Array): Promise<InspectedImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: 100_000_000 }).metadata();
  } catch (err) {
    throw new ProviderError("transient", "provider returned bytes that are not an image", { cause: err });
  }
  const mimeType = meta.format ? MIME[meta.format] : undefined;
  if (!mimeType || !meta.width || !meta.height) {
    throw new ProviderError("transient", "provider returned an image in a format Pixola does not store", { detail: String(meta.format) });
  }
  return { mimeType, width: meta.width, height: meta.height };
}

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
const ratioText = (w: number, h: number) => `${w / gcd(w, h)}:${h / gcd(w, h)}`;

/**
 * A note for the user when the stored image is not the shape's exact size (the provider offers
 * only certain sizes or ratios); null when it is.
 */
export function approximationNote(shape: ShapeSpec, made: { width: number; height: number }): string | null {
  if (made.width === shape.width && made.height === shape.height) return null;
  const sameAspect = Math.abs(made.width / made.height - shape.width / shape.height) < 0.01;
  return sameAspect
    ? `Made at ${made.width}×${made.height}, the same ${shape.aspectRatio} aspect as shape '${shape.slug}' (${shape.width}×${shape.height}) at the size this model produces.`
    : `Shape approximated: '${shape.slug}' is ${shape.aspectRatio} (${shape.width}×${shape.height}); this model makes only certain sizes, so the nearest it supports was used: ${made.width}×${made.height} (${ratioText(made.width, made.height)}).`;
}
