import { registerAppTool } from "@modelcontextprotocol/ext-apps/server";
import type { ContentBlock, McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { MAX_IDEMPOTENCY_KEY_LENGTH, parseIdempotencyKey } from "@/lib/idempotency/idempotency-key";
import { BATCH_STATUSES, IMAGE_STATUSES, generateInput, isBatchFinished, type BatchView } from "@/lib/generation/schemas";
import { awaitBatch } from "../await-batch";
import { imageLine, plural } from "../format";
import { saveCopies } from "../local-copies";
import { SUBMIT_ONLY_META, viewMeta } from "../apps/views";
import type { ImagePreview, PixolaPort, ToolDeps } from "../port";
import { progressReporter } from "../progress";
import { runTool, toolResult } from "../run-tool";
import { toolSchema } from "../tool-schema";

// The REST request's own validation, with descriptions that point a model at the list tools.
const field = generateInput.shape;
const inputSchema = toolSchema(
  z.strictObject({
    prompt: field.prompt.describe("What to draw, in plain words (at most 4,000 characters): subject, setting, mood, composition"),
    model: field.model.describe("Model slug from list_models; omit for the default model"),
    style: field.style.describe("Style preset slug from list_styles, e.g. watercolor, anime, oil-painting; default no-style"),
    shape: field.shape.describe("Aspect-ratio slug from list_shapes, e.g. square, landscape-wide, portrait-tall; default square"),
    quality: field.quality.describe("standard (default) or hd; hd costs more credits per image (see list_models)"),
    count: field.count.describe("Number of images, 1 to 4 (default 1); each costs the model's price"),
    seed: field.seed.describe("Integer seed for reproducible results; random when omitted"),
    idempotency_key: z
      .string()
      .max(MAX_IDEMPOTENCY_KEY_LENGTH)
      .optional()
      .describe(
        "Optional unique value (e.g. a UUID) that makes a retry safe for 24 h: calling again with the same key and " +
          "arguments returns the same batch without charging twice",
      ),
  }),
);

const outputSchema = toolSchema(
  z.object({
    batchId: z.string().describe("Pass to get_batch to check on the batch later"),
    status: z.enum(BATCH_STATUSES),
    completed: z.boolean().describe("False when the wait ended first: the batch goes on, call get_batch for the result"),
    prompt: z.string(),
    model: z.string(),
    style: z.string(),
    shape: z.string(),
    quality: z.string(),
    images: z.array(
      z.object({
        imageId: z.string(),
        status: z.enum(IMAGE_STATUSES),
        url: z.string().nullable().describe("Absolute signed download URL once the image has succeeded"),
        width: z.number().int(),
        height: z.number().int(),
        model: z.string(),
        style: z.string(),
        error: z.string().nullable(),
        errorCode: z.string().nullable().describe("content_flagged when the provider's content policy refused the image"),
        note: z.string().nullable().describe("Set when the model could not make the shape's exact size"),
        preview: z
          .object({ width: z.number().int(), height: z.number().int(), mimeType: z.string() })
          .nullable()
          .describe("Size of the inline preview image block sent for this image, if any"),
        localPath: z.string().optional().describe("Where the full-size file was saved on this computer (local server with a download folder only)"),
      }),
    ),
    creditsCharged: z.number().int().describe("Credits for the images that completed"),
    creditsRefunded: z.number().int().describe("Credits returned for images that failed"),
    balance: z.number().int().describe("Credits left on the account"),
  }),
);

/**
 * Claude Desktop rejects tool results over 1 MiB. Stored previews are under 90 KB (120 KB in
 * base64), so four fit with room to spare for the text and structured content.
 */
const PREVIEW_BUDGET_CHARS = 700 * 1024;

/** The stored previews as image blocks, base64, while they fit the budget. */
async function previews(port: PixolaPort, batch: BatchView): Promise<Array<(ImagePreview & { data: string }) | null>> {
  const found = await Promise.all(batch.images.map((img) => (img.status === "succeeded" ? port.imagePreview(img) : null)));
  let budget = PREVIEW_BUDGET_CHARS;
  return found.map((p) => {
    if (!p) return null;
    const data = Buffer.from(p.bytes).toString("base64");
    return (budget -= data.length) >= 0 ? { ...p, data } : null;
  });
}

async function balanceAfter(port: PixolaPort, submittedBalance: number, batch: BatchView) {
  try {
    return (await port.checkCredits()).balance;
  } catch (err) {
    // A key without credits:read still learns its balance from submitting, as on REST.
    if (err instanceof DomainError && err.code === "forbidden") return submittedBalance + batch.creditsRefunded;
    throw err;
  }
}

function summary(batch: BatchView, balance: number, waitedSeconds: number, saved: string[]): string {
  const ready = batch.images.filter((i) => i.status === "succeeded").length;
  if (!isBatchFinished(batch)) {
    return [
      `Batch ${batch.batchId} is still ${batch.status} after ${waitedSeconds} s (${ready} of ${plural(batch.count, "image")} ready).`,
      `It keeps going and needs nothing more from you. Call get_batch with batchId "${batch.batchId}" in a little while to get the image URLs.`,
      `${batch.creditsReserved} credits are reserved for it; images that fail are refunded. Balance: ${balance} credits.`,
    ].join("\n");
  }
  return [
    `Batch ${batch.batchId} ${batch.status}: ${ready} of ${plural(batch.count, "image")} for "${batch.prompt}" ` +
      `(model ${batch.model}, style ${batch.style}, shape ${batch.shape}, ${batch.quality}).`,
    ...batch.images.map((img, i) => `${i + 1}. ${imageLine(img)}`),
    `Charged ${batch.creditsCharged} credits${batch.creditsRefunded ? `, refunded ${batch.creditsRefunded}` : ""}; ${balance} credits left.`,
    ...saved,
  ].join("\n");
}

export function registerGenerateImageTool(server: McpServer, deps: ToolDeps) {
  const { settings } = deps;
  registerAppTool(
    server,
    "generate_image",
    {
      title: "Generate images",
      description:
        "Generate 1 to 4 images from a text prompt and wait for them (less than a minute). Costs credits: count × " +
        "the model's price per image (list_models; hd costs more), refunded for any image that fails. Defaults: the default " +
        "model, style no-style, shape square, quality standard, count 1. Valid model, style and shape slugs come from " +
        "list_models, list_styles and list_shapes. Returns each image's download URL, size, model and style, the credits " +
        "charged and the balance left, with small previews. If the images are not ready in time it returns the batchId: " +
        "call get_batch with it later (do not generate again, the batch is already paid for).",
      inputSchema,
      outputSchema,
      _meta: viewMeta("generate"),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    (args, ctx) =>
      runTool(ctx, deps, "generate_image", async (port) => {
        const started = Date.now();
        const { idempotency_key, ...input } = args;
        const submitted = await port.generate(input, parseIdempotencyKey(idempotency_key, "idempotency_key"));
        const report = progressReporter(ctx, submitted.count);
        const of = `of ${plural(submitted.count, "image")}`;
        await report(0, `Submitted batch ${submitted.batchId}: 0 ${of} ready`);
        // A view (mcp-apps/generate) follows the batch itself with get_batch, so it asks not to wait.
        const submitOnly = ctx.mcpReq._meta?.[SUBMIT_ONLY_META] === true;
        const batch = await awaitBatch(port, submitted.batchId, {
          deadline: submitOnly ? started : started + settings.waitMs,
          signal: ctx.mcpReq.signal,
          onSettled: (n) => report(n, `${n} ${of} ready`),
        });
        // Every image refused or failed: an error the model can relay (credits are already refunded).
        if (batch.status === "failed") {
          const flagged = batch.images.find((i) => i.errorCode === "content_flagged");
          throw new DomainError(flagged ? "content_flagged" : "provider_failed", `Batch ${batch.batchId} failed: ${(flagged ?? batch.images[0])?.error ?? batch.error}`);
        }
        const thumbs = settings.inlineThumbnails ? await previews(port, batch) : [];
        const balance = await balanceAfter(port, submitted.balance, batch);
        const copies = await saveCopies(port, batch.images);
        const data = {
          batchId: batch.batchId,
          status: batch.status,
          completed: isBatchFinished(batch),
          prompt: batch.prompt,
          model: batch.model,
          style: batch.style,
          shape: batch.shape,
          quality: batch.quality,
          images: batch.images.map((img, i) => ({
            imageId: img.imageId,
            status: img.status,
            url: img.url,
            width: img.width,
            height: img.height,
            model: img.model,
            style: img.style,
            error: img.error,
            errorCode: img.errorCode,
            note: img.note,
            preview: thumbs[i] ? { width: thumbs[i].width, height: thumbs[i].height, mimeType: thumbs[i].mimeType } : null,
            ...(copies.paths[img.imageId] ? { localPath: copies.paths[img.imageId] } : {}),
          })),
          creditsCharged: batch.creditsCharged,
          creditsRefunded: batch.creditsRefunded,
          balance,
        };
        const blocks: ContentBlock[] = thumbs.flatMap((t) => (t ? [{ type: "image" as const, data: t.data, mimeType: t.mimeType }] : []));
        return toolResult(data, summary(batch, balance, Math.round((Date.now() - started) / 1000), copies.lines), blocks);
      }),
  );
}
