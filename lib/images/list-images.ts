import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { batches, images } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { ImageView } from "@/lib/generation/schemas";
import { afterCursor, pageInput, toPage } from "@/lib/pagination/keyset";
import type { ImageStore } from "@/lib/storage/image-store";
import { filterSql, imageFilters, type ImageFilters } from "./image-filters";
import { toImageView } from "./present";

export const listImagesInput = pageInput.extend(imageFilters.shape);

/**
 * One page (limit + 1 rows) of the caller's finished images, in the order of the partial index
 * images_user_succeeded_idx, so a page is one index range whatever its depth.
 */
export function imagePageQuery(ctx: Ctx, p: { limit: number; cursor?: string; filters: ImageFilters }) {
  return ctx.db
    .select({ image: images, batch: batches })
    .from(images)
    .innerJoin(batches, eq(batches.id, images.batchId))
    .where(
      and(
        eq(images.userId, ctx.userId),
        eq(images.status, "succeeded"),
        filterSql(p.filters),
        afterCursor(p.cursor, images.createdAt, images.id),
      ),
    )
    .orderBy(desc(images.createdAt), desc(images.id))
    .limit(p.limit + 1);
}

/**
 * The caller's finished images, newest first, with keyset pagination on (created_at, id),
 * optionally narrowed by prompt text, model, style and date (lib/images/image-filters.ts).
 */
export async function listImages({ ctx, input: raw, store }: { ctx: Ctx; input: z.input<typeof listImagesInput>; store: ImageStore }): Promise<{ images: ImageView[]; nextCursor: string | null }> {
  const { limit = 20, cursor, ...filters } = listImagesInput.parse(raw);
  const rows = await imagePageQuery(ctx, { limit, cursor, filters });
  const { page, nextCursor } = toPage(rows, limit, (r) => r.image);
  return { images: await Promise.all(page.map((r) => toImageView(r.image, r.batch, store))), nextCursor };
}
