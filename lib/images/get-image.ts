import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { batches, images } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import type { ImageView } from "@/lib/generation/schemas";
import type { ImageStore } from "@/lib/storage/image-store";
import { text } from "@/lib/text";
import { toImageView } from "./present";

const input = z.object({ imageId: text("imageId").trim().min(1, "imageId is required") });

export async function getImage({ ctx, input: raw, store }: { ctx: Ctx; input: z.input<typeof input>; store: ImageStore }): Promise<ImageView> {
  const { imageId } = input.parse(raw);
  const [row] = await ctx.db
    .select({ image: images, batch: batches })
    .from(images)
    .innerJoin(batches, eq(batches.id, images.batchId))
    .where(and(eq(images.id, imageId), eq(images.userId, ctx.userId)));
  if (!row) throw notFound("Image", imageId);
  return toImageView(row.image, row.batch, store);
}
