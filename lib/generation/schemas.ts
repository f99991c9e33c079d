import { z } from "zod";
import { QUALITIES } from "@/lib/catalog/schemas";
import { text } from "@/lib/text";

export const MAX_PROMPT_LENGTH = 4000;
export const MAX_COUNT = 4;

export const generateInput = z.strictObject({
  prompt: text("prompt", { error: "prompt is required and must be a string" })
    .trim()
    .min(1, "prompt must not be empty")
    .max(MAX_PROMPT_LENGTH, `prompt must be at most ${MAX_PROMPT_LENGTH} characters`)
    .describe("What to draw"),
  model: text("model").trim().min(1).optional().describe("Model slug (see GET /models); defaults to the platform default"),
  style: text("style").trim().min(1).optional().describe("Style slug (see GET /styles); defaults to no-style"),
  shape: text("shape").trim().min(1).optional().describe("Shape slug (see GET /shapes); defaults to square"),
  quality: z
    .enum(QUALITIES, { error: `quality must be one of: ${QUALITIES.join(", ")}` })
    .optional()
    .describe("standard (default) or hd; hd costs more credits"),
  count: z
    .number({ error: "count must be an integer from 1 to 4" })
    .int("count must be an integer from 1 to 4")
    .min(1, `count must be an integer from 1 to ${MAX_COUNT}`)
    .max(MAX_COUNT, `count must be an integer from 1 to ${MAX_COUNT}`)
    .optional()
    .describe("Number of images, 1 to 4 (default 1)"),
  seed: z
    .number({ error: "seed must be an integer from 0 to 2147483647" })
    .int("seed must be an integer from 0 to 2147483647")
    .min(0, "seed must be an integer from 0 to 2147483647")
    .max(2147483647, "seed must be an integer from 0 to 2147483647")
    .optional()
    .describe("Seed for reproducible results; random when omitted"),
});
export type GenerateInput = z.input<typeof generateInput>;

export const BATCH_STATUSES = ["queued", "running", "succeeded", "partial", "failed"] as const;
export const IMAGE_STATUSES = ["queued", "running", "succeeded", "failed"] as const;

/** A finished batch changes no more: every image has succeeded or failed. */
export const isBatchFinished = (b: { status: string }) => b.status !== "queued" && b.status !== "running";

export const imageView = z.object({
  imageId: z.string(),
  batchId: z.string(),
  status: z.enum(IMAGE_STATUSES),
  title: z.string(),
  prompt: z.string(),
  model: z.string(),
  style: z.string(),
  shape: z.string(),
  quality: z.enum(QUALITIES),
  seed: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  mimeType: z.string().nullable(),
  bytes: z.number().int().nullable(),
  url: z.string().nullable().describe("Signed download URL once the image has succeeded"),
  urlExpiresAt: z.string().nullable(),
  previewUrl: z
    .string()
    .nullable()
    .describe("Signed URL of a WebP preview (longest side at most 512 px), expiring with url; null until the preview is made (GET /images/{imageId}/preview makes it at once)"),
  previewWidth: z.number().int().nullable().describe("The preview's exact width in pixels, null without a preview"),
  previewHeight: z.number().int().nullable().describe("The preview's exact height in pixels, null without a preview"),
  error: z.string().nullable(),
  errorCode: z
    .enum(["content_flagged", "provider_failed", "timeout", "unavailable"])
    .nullable()
    .describe("Why the image failed: content_flagged (the provider's content policy refused it), provider_failed, timeout, unavailable (no worker could run the model)"),
  note: z.string().nullable().describe("Set when the stored size differs from the shape's (the model supports only certain sizes)"),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type ImageView = z.infer<typeof imageView>;

/** What a batch was made with, as resolved at submit (defaults filled in). */
const batchChoices = {
  model: z.string(),
  style: z.string(),
  shape: z.string(),
  quality: z.enum(QUALITIES),
  count: z.number().int(),
  seed: z.number().int(),
};

export const batchView = z.object({
  batchId: z.string(),
  status: z.enum(BATCH_STATUSES),
  prompt: z.string(),
  ...batchChoices,
  creditsReserved: z.number().int().describe("Credits taken when the batch was submitted"),
  creditsCharged: z.number().int().describe("Credits for images that completed"),
  creditsRefunded: z.number().int().describe("Credits returned for images that failed"),
  images: z.array(imageView),
  error: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type BatchView = z.infer<typeof batchView>;

export const submitResult = z.object({
  batchId: z.string(),
  status: z.enum(BATCH_STATUSES),
  ...batchChoices,
  width: z.number().int(),
  height: z.number().int(),
  creditsReserved: z.number().int(),
  balance: z.number().int().describe("Balance after the reservation"),
  imageIds: z.array(z.string()),
  pollUrl: z.string(),
});
export type SubmitResult = z.infer<typeof submitResult>;
