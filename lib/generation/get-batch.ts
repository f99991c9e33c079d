import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { batches, images } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { toBatchView } from "@/lib/images/present";
import type { ImageStore } from "@/lib/storage/image-store";
import { text } from "@/lib/text";
import type { BatchView } from "./schemas";

const input = z.object({ batchId: text("batchId").trim().min(1, "batchId is required") });

export async function getBatch({ ctx, input: raw, store }: { ctx: Ctx; input: z.input<typeof input>; store: ImageStore }): Promise<BatchView> {
  const { batchId } = input.parse(raw);
  const [batch] = await ctx.db
    .select()
    .from(batches)
    .where(and(eq(batches.id, batchId), eq(batches.userId, ctx.userId)));
  if (!batch) throw notFound("Batch", batchId);
  const imgs = await ctx.db
    .select()
    .from(images)
    .where(and(eq(images.batchId, batchId), eq(images.userId, ctx.userId)))
    .orderBy(asc(images.index));
  return toBatchView(batch, imgs, store);
}
