import type { batches, images } from "@/db/schema";
import type { BatchView, ImageView } from "@/lib/generation/schemas";
import type { ImageStore } from "@/lib/storage/image-store";

type BatchRow = typeof batches.$inferSelect;
type ImageRow = typeof images.$inferSelect;
type BatchFields = Pick<BatchRow, "prompt" | "model" | "style" | "shape" | "quality">;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The allow-list of what an image looks like outside: a signed URL, never a storage path. */
export async function toImageView(img: ImageRow, batch: BatchFields, store: ImageStore): Promise<ImageView> {
  const done = img.status === "succeeded" && img.storageKey !== null;
  const [signed, preview] = await Promise.all([
    done ? store.url(img.storageKey!) : null,
    done && img.previewKey ? store.url(img.previewKey) : null,
  ]);
  return {
    imageId: img.id,
    batchId: img.batchId,
    status: img.status,
    title: img.title,
    prompt: batch.prompt,
    model: batch.model,
    style: batch.style,
    shape: batch.shape,
    quality: batch.quality,
    seed: img.seed,
    width: img.width,
    height: img.height,
    mimeType: img.mimeType,
    bytes: img.bytes,
    url: signed?.url ?? null,
    urlExpiresAt: signed ? signed.expiresAt.toISOString() : null,
    previewUrl: preview?.url ?? null,
    previewWidth: preview ? img.previewWidth : null,
    previewHeight: preview ? img.previewHeight : null,
    error: img.error,
    errorCode: (img.errorCode as ImageView["errorCode"]) ?? null,
    note: img.note,
    createdAt: img.createdAt.toISOString(),
    completedAt: iso(img.completedAt),
  };
}

export async function toBatchView(batch: BatchRow, imgs: ImageRow[], store: ImageStore): Promise<BatchView> {
  return {
    batchId: batch.id,
    status: batch.status,
    prompt: batch.prompt,
    model: batch.model,
    style: batch.style,
    shape: batch.shape,
    quality: batch.quality,
    count: batch.count,
    seed: batch.seed,
    creditsReserved: batch.creditsReserved,
    creditsCharged: batch.creditsCharged,
    creditsRefunded: batch.creditsRefunded,
    images: await Promise.all(imgs.map((i) => toImageView(i, batch, store))),
    error: batch.error,
    createdAt: batch.createdAt.toISOString(),
    completedAt: iso(batch.completedAt),
  };
}
