import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { images } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import type { ImageStore } from "@/lib/storage/image-store";
import { text } from "@/lib/text";

const input = z.object({ imageId: text("imageId").trim().min(1, "imageId is required") });

/**
 * Deletes one of the caller's images: its row, then its stored file and preview. Credits are untouched:
 * the ledger keeps its reserve and refund rows (they name the image by id, not by reference).
 * Someone else's image, or one already gone, is not_found.
 */
export async function deleteImage({ ctx, input: raw, store }: { ctx: Ctx; input: z.input<typeof input>; store: ImageStore }): Promise<{ imageId: string }> {
  const { imageId } = input.parse(raw);
  const [row] = await ctx.db
    .delete(images)
    .where(and(eq(images.id, imageId), eq(images.userId, ctx.userId)))
    .returning({ storageKey: images.storageKey, previewKey: images.previewKey });
  if (!row) throw notFound("Image", imageId);
  // The row is gone first, so a failed delete leaves an orphan file, never a row without its file.
  for (const key of [row.storageKey, row.previewKey].filter((k): k is string => !!k)) {
    await store.delete(key).catch((err: unknown) => log.warn("stored file not deleted", { requestId: ctx.requestId, error: (err as Error)?.name ?? "unknown" }));
  }
  return { imageId };
}
