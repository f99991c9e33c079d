import { randomInt } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { batches, images } from "@/db/schema";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { apiKeyId, oauthClientId, type Ctx } from "@/lib/context";
import { reserveCredits } from "@/lib/credits/ledger";
import { requestHash } from "@/lib/idempotency/request-hash";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { newId } from "@/lib/ids";
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
}: {
  ctx: Ctx;
  input: GenerateInput;
  appUrl: string;
}): Promise<SubmitResult> {
  const plan = await planSubmission(ctx, input);
  const result = await recordSubmission(ctx, ctx.db, plan, appUrl);
  signals.emit("queued");
  return result;
}

/**
 * The entry point for REST and MCP: a plain submit without a key; with a key, a retry of the
 * same request (same key, same canonical input) returns the first submission's stored result
 * — the same batch, no second reservation — with `replayed: true`.
 */
export async function submitGenerationIdempotently({
  ctx,
  input,
  appUrl,
  idempotencyKey,
}: {
  ctx: Ctx;
  input: GenerateInput;
  appUrl: string;
  idempotencyKey: string | undefined;
}): Promise<{ status: number; result: SubmitResult; replayed: boolean }> {
  if (!idempotencyKey) return { status: 202, result: await submitGeneration({ ctx, input, appUrl }), replayed: false };
  // Validated before the key is claimed: an invalid request never uses a key up.
  const plan = await planSubmission(ctx, input);
  const { status, body, replayed } = await withIdempotency({
    ctx,
    key: idempotencyKey,
    requestHash: requestHash(plan.req),
    run: async (txCtx) => ({ status: 202, body: await recordSubmission(ctx, txCtx.db, plan, appUrl, idempotencyKey) }),
  });
  if (!replayed) signals.emit("queued");
  return { status, result: submitResult.parse(body), replayed };
}

type Plan = Awaited<ReturnType<typeof planSubmission>>;

async function planSubmission(ctx: Ctx, input: GenerateInput) {
  const req = generateInput.parse(input);
  const opts = resolveOptions(await loadCatalog(ctx.db), req);
  const count = req.count ?? 1;
  return { req, opts, count, seed: req.seed ?? randomInt(0, 2 ** 31 - 1), cost: opts.unitPrice * count };
}

async function recordSubmission(ctx: Ctx, db: DbOrTx, plan: Plan, appUrl: string, idempotencyKey?: string): Promise<SubmitResult> {
  const { req, opts, count, seed, cost } = plan;
  const batchId = newId("bat");
  const imageIds = Array.from({ length: count }, () => newId("img"));

  const balance = await db.transaction(async (tx) => {
    await tx.insert(batches).values({
      id: batchId,
      userId: ctx.userId,
      apiKeyId: apiKeyId(ctx),
      oauthClientId: oauthClientId(ctx),
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
        provider: opts.model.provider,
        width: opts.shape.width,
        height: opts.shape.height,
        // Each image of a batch gets its own seed so a batch never repeats an image.
        seed: (seed + index) % 2 ** 31,
        title: titleOf(req.prompt),
      })),
    );
    // Last: the wallet's row stays locked from this UPDATE to COMMIT, and every other submit on
    // the same wallet waits that long, so nothing else may happen in between.
    return reserveCredits(tx, { userId: ctx.userId, amount: cost, batchId });
  });

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
