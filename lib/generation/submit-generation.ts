import { batches, images } from "@/db/schema";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { apiKeyId, type Ctx } from "@/lib/context";
import { reserveCredits } from "@/lib/credits/ledger";
import { newId } from "@/lib/ids";
import { randomInt } from "node:crypto";
import { resolveOptions } from "./resolve-options";
import { generateInput, submitResult, type GenerateInput, type SubmitResult } from "./schemas";
import { signals } from "./signals";

const titleOf = (prompt: string) => (prompt.length <= 80 ? prompt : `${prompt.slice(0, 77).trimEnd()}…`);

/**
 * Validates the request, then in one transaction reserves count × price credits, inserts
 * the batch and one queued image per requested image. Returns at once; workers render.
 */
export async function submitGeneration({
  ctx,
  input,
  appUrl,
  idempotencyKey,
}: {
  ctx: Ctx;
  input: GenerateInput;
  appUrl: string;
  idempotencyKey?: string;
}): Promise<SubmitResult> {
  const req = generateInput.parse(input);
  const opts = resolveOptions(await loadCatalog(ctx.db), req);
  const count = req.count ?? 1;
  const seed = req.seed ?? randomInt(0, 2 ** 31 - 1);
  const cost = opts.unitPrice * count;
  const batchId = newId("bat");
  const imageIds = Array.from({ length: count }, () => newId("img"));

  const balance = await ctx.db.transaction(async (tx) => {
    const left = await reserveCredits(tx, { userId: ctx.userId, amount: cost, batchId });
    await tx.insert(batches).values({
      id: batchId,
      userId: ctx.userId,
      apiKeyId: apiKeyId(ctx),
      prompt: req.prompt,
      model: opts.model.slug,
      style: opts.style.slug,
      shape: opts.shape.slug,
      quality: opts.quality,
      count,
      seed,
      unitPrice: opts.unitPrice,
      status: "queued",
      creditsReserved: cost,
      idempotencyKey,
    });
    await tx.insert(images).values(
      imageIds.map((id, index) => ({
        id,
        batchId,
        userId: ctx.userId,
        index,
        status: "queued" as const,
        width: opts.shape.width,
        height: opts.shape.height,
        // Each image of a batch gets its own seed so a batch never repeats an image.
        seed: (seed + index) % 2 ** 31,
        title: titleOf(req.prompt),
      })),
    );
    return left;
  });
  signals.emit("queued");

  return submitResult.parse({
    batchId,
    status: "queued",
    model: opts.model.slug,
    style: opts.style.slug,
    shape: opts.shape.slug,
    quality: opts.quality,
    count,
    seed,
    width: opts.shape.width,
    height: opts.shape.height,
    creditsReserved: cost,
    balance,
    imageIds,
    pollUrl: `${appUrl}/api/v1/batches/${batchId}`,
  });
}
