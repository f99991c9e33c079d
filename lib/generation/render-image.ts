import { generateImage } from "ai";
import sharp from "sharp";
import type { ModelRow, ShapeRow, StyleRow } from "@/lib/catalog/load-catalog";
import type { Quality } from "@/lib/catalog/schemas";
import { openAiSize } from "@/lib/providers/openai";
import type { ModelResolver } from "@/lib/providers/registry";
import { applyStyle } from "./resolve-options";

export interface RenderJob {
  prompt: string;
  seed: number;
  quality: Quality;
  model: ModelRow;
  style: StyleRow;
  shape: ShapeRow;
}

export interface RenderedImage {
  bytes: Uint8Array;
  mimeType: string;
  width: number;
  height: number;
}

/** Calls the model through the AI SDK's image interface and checks what comes back. */
export async function renderImage(resolve: ModelResolver, job: RenderJob, signal: AbortSignal): Promise<RenderedImage> {
  const { model, style, shape } = job;
  const size = model.provider === "openai" ? openAiSize(shape.width, shape.height) : (`${shape.width}x${shape.height}` as const);
  const result = await generateImage({
    model: resolve(model),
    // The embedded renderer takes the style from its palette and slug; the template's words
    // ("watercolor", "brush strokes") would only add spurious motifs to its keyword scene.
    prompt: model.provider === "embedded" ? job.prompt : applyStyle(style.prompt, job.prompt),
    n: 1,
    size,
    seed: model.capabilities.seed ? job.seed : undefined,
    providerOptions: {
      embedded: { palette: style.palette, styleSlug: style.slug, quality: job.quality, format: "png" },
      openai: { quality: job.quality === "hd" ? "high" : "medium" },
    },
    maxRetries: 0, // retries are the worker's, with backoff and a lease
    abortSignal: signal,
  });
  const file = result.images[0];
  // Never trust a provider's bytes blindly: decode them to learn the real format and size.
  const meta = await sharp(file.uint8Array).metadata();
  if (!meta.width || !meta.height || !meta.format) throw new Error("provider returned bytes that are not an image");
  const mimeType = meta.format === "svg" ? "image/svg+xml" : `image/${meta.format === "jpeg" ? "jpeg" : meta.format}`;
  return { bytes: file.uint8Array, mimeType, width: meta.width, height: meta.height };
}
