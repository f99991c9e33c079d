import type { ImageView } from "@/lib/generation/schemas";

/** One line per image for the text block: what it is and where to download it. */
export function imageLine(img: ImageView): string {
  const size = `${img.width}×${img.height}`;
  if (img.status === "succeeded") return `${img.imageId} (${size}, ${img.model}, ${img.style}): ${img.url}${img.note ? ` (${img.note})` : ""}`;
  if (img.status === "failed") return `${img.imageId} failed: ${img.error ?? "unknown error; its credits were refunded."}`;
  return `${img.imageId} (${size}) is ${img.status}.`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
