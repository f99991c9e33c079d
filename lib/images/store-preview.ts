import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { images } from "@/db/schema";
import { log } from "@/lib/log";
import type { ImageStore } from "@/lib/storage/image-store";
import { makePreview, previewKeyFor, type Preview } from "./make-preview";

export interface StoredPreview extends Preview {
  key: string;
  etag: string;
}

/** Makes the preview of `original` (stored at `storageKey`) and stores it beside it. */
export async function putPreview(store: ImageStore, storageKey: string, original: Uint8Array): Promise<StoredPreview> {
  const preview = await makePreview(original);
  const key = previewKeyFor(storageKey);
  const { etag } = await store.put(key, preview.bytes, { contentType: "image/webp" });
  return { key, etag, ...preview };
}

/**
 * `putPreview` for the worker: a preview that cannot be made must not fail the image or its
 * credits, so the failure is logged (the image id and the error's class, never the prompt) and
 * the image is stored without one; the backfill makes it later.
 */
export async function putPreviewOrNull(store: ImageStore, image: { id: string; storageKey: string }, original: Uint8Array): Promise<StoredPreview | null> {
  try {
    return await putPreview(store, image.storageKey, original);
  } catch (err) {
    log.warn("image preview could not be made; the backfill will retry", { imageId: image.id, err });
    return null;
  }
}

/**
 * Makes, stores and records the preview of a stored image that has none (the backfill, and a
 * preview requested before it ran). The row is updated only while it still points at the same
 * file, so a concurrent backfill of the same image writes the same key and changes nothing.
 */
export async function backfillPreview(db: Db, store: ImageStore, image: { id: string; storageKey: string }): Promise<StoredPreview> {
  const original = await store.get(image.storageKey);
  if (!original) throw new Error(`stored image ${image.id} is missing from the store`);
  const preview = await putPreview(store, image.storageKey, original.bytes);
  await db
    .update(images)
    .set({ previewKey: preview.key, previewWidth: preview.width, previewHeight: preview.height })
    .where(and(eq(images.id, image.id), eq(images.storageKey, image.storageKey)));
  return preview;
}
