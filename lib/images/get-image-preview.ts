import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { images } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { DomainError, notFound } from "@/lib/errors";
import type { ImageStore } from "@/lib/storage/image-store";
import { text } from "@/lib/text";
import { backfillPreview } from "./store-preview";

const input = z.object({ imageId: text("imageId").trim().min(1, "imageId is required") });

export interface ImagePreview {
  bytes: Uint8Array;
  contentType: "image/webp";
  /** Exactly what sharp produced (recorded when the preview was made). */
  width: number;
  height: number;
  etag: string;
}

/**
 * The caller's image as a WebP of at most 512 px a side. An image stored before previews
 * existed (or whose preview failed) gets one now: made, stored, recorded, then returned.
 * Someone else's image answers exactly like a missing one.
 */
export async function getImagePreview({ ctx, input: raw, store }: { ctx: Ctx; input: z.input<typeof input>; store: ImageStore }): Promise<ImagePreview> {
  const { imageId } = input.parse(raw);
  const [row] = await ctx.db
    .select({
      id: images.id,
      status: images.status,
      storageKey: images.storageKey,
      previewKey: images.previewKey,
      previewWidth: images.previewWidth,
      previewHeight: images.previewHeight,
    })
    .from(images)
    .where(and(eq(images.id, imageId), eq(images.userId, ctx.userId)));
  if (!row) throw notFound("Image", imageId);
  if (row.status === "failed") throw new DomainError("not_found", `Image '${imageId}' failed, so it has no preview.`);
  if (row.status !== "succeeded" || !row.storageKey) {
    throw new DomainError("conflict", `Image '${imageId}' is still ${row.status}: its preview exists once its status is succeeded. Ask again then.`);
  }
  if (row.previewKey && row.previewWidth && row.previewHeight) {
    const file = await store.get(row.previewKey);
    if (file) return { bytes: file.bytes, contentType: "image/webp", width: row.previewWidth, height: row.previewHeight, etag: file.etag };
  }
  const made = await backfillPreview(ctx.db, store, { id: row.id, storageKey: row.storageKey });
  return { bytes: made.bytes, contentType: "image/webp", width: made.width, height: made.height, etag: made.etag };
}
