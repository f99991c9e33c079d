import { and, desc, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { images } from "@/db/schema";
import { log } from "@/lib/log";
import type { ImageStore } from "@/lib/storage/image-store";
import { backfillPreview } from "./store-preview";

export interface BackfillOptions {
  db: Db;
  store: ImageStore;
  /** Previews made at once: a few, so generation keeps the CPU and the database. */
  concurrency?: number;
  /** Stop after looking at this many images (the pass at worker start is bounded). */
  maxImages?: number;
  /** Stops the pass between images (the worker is stopping). */
  signal?: AbortSignal;
}

/** What an operator may pass (`npm run previews -- backfill --limit N`, and its admin route). */
export const backfillPreviewsInput = z.strictObject({
  limit: z
    .number({ error: "limit must be a whole number of images, at least 1" })
    .int("limit must be a whole number of images, at least 1")
    .min(1, "limit must be a whole number of images, at least 1")
    .optional(),
});

export interface BackfillResult {
  made: number;
  failed: number;
}

/**
 * Gives stored images without a preview one, newest first (the gallery shows those first).
 * Walks backwards on (created_at, id), so an image whose preview fails is not tried again in
 * the same pass; a later pass (or a request for its preview) retries it. Several workers may
 * run this at once: they may make the same preview twice, which writes the same file.
 */
export async function backfillPreviews(opts: BackfillOptions): Promise<BackfillResult> {
  const concurrency = opts.concurrency ?? 2;
  const maxImages = opts.maxImages ?? Number.POSITIVE_INFINITY;
  const result: BackfillResult = { made: 0, failed: 0 };
  let after: { createdAt: Date; id: string } | null = null;
  while (!opts.signal?.aborted && result.made + result.failed < maxImages) {
    const rows: { id: string; storageKey: string | null; createdAt: Date }[] = await opts.db
      .select({ id: images.id, storageKey: images.storageKey, createdAt: images.createdAt })
      .from(images)
      .where(
        and(
          eq(images.status, "succeeded"),
          isNull(images.previewKey),
          isNotNull(images.storageKey),
          after ? or(lt(images.createdAt, after.createdAt), and(eq(images.createdAt, after.createdAt), lt(images.id, after.id))) : undefined,
        ),
      )
      .orderBy(desc(images.createdAt), desc(images.id))
      .limit(Math.min(concurrency, maxImages - result.made - result.failed));
    if (rows.length === 0) break;
    after = rows.at(-1)!;
    await Promise.all(
      rows.map(async (row) => {
        try {
          await backfillPreview(opts.db, opts.store, { id: row.id, storageKey: row.storageKey! });
          result.made++;
        } catch (err) {
          result.failed++;
          log.warn("image preview backfill failed", { imageId: row.id, err });
        }
      }),
    );
  }
  return result;
}
