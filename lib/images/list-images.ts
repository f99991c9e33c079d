import { and, desc, eq, lt, or } from "drizzle-orm";
import { z } from "zod";
import { batches, images } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { badRequest } from "@/lib/errors";
import type { ImageView } from "@/lib/generation/schemas";
import type { ImageStore } from "@/lib/storage/image-store";
import { toImageView } from "./present";

export const listImagesInput = z.object({
  limit: z.coerce
    .number({ error: "limit must be an integer from 1 to 100" })
    .int("limit must be an integer from 1 to 100")
    .min(1, "limit must be an integer from 1 to 100")
    .max(100, "limit must be an integer from 1 to 100")
    .optional(),
  cursor: z.string().optional(),
});

const encodeCursor = (createdAt: Date, id: string) =>
  Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at);
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw badRequest("cursor is not valid: pass the nextCursor value of a previous page unchanged.");
  }
  return { createdAt, id };
}

/** The caller's finished images, newest first, with keyset pagination on (created_at, id). */
export async function listImages({ ctx, input: raw, store }: { ctx: Ctx; input: z.input<typeof listImagesInput>; store: ImageStore }): Promise<{ images: ImageView[]; nextCursor: string | null }> {
  const { limit = 20, cursor } = listImagesInput.parse(raw);
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await ctx.db
    .select({ image: images, batch: batches })
    .from(images)
    .innerJoin(batches, eq(batches.id, images.batchId))
    .where(
      and(
        eq(images.userId, ctx.userId),
        eq(images.status, "succeeded"),
        after
          ? or(lt(images.createdAt, after.createdAt), and(eq(images.createdAt, after.createdAt), lt(images.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(images.createdAt), desc(images.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    images: page.map((r) => toImageView(r.image, r.batch, store)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.image.createdAt, last.image.id) : null,
  };
}
