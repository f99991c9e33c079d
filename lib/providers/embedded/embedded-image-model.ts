import type { ImageModelV3, ImageModelV3CallOptions } from "@ai-sdk/provider";
import { renderProcedural, type RenderSpec } from "./render";

const MODEL_ID = "procedural-v1";

/** Greys from near-black to near-white, used when the caller sends no style palette. */
const NEUTRAL_PALETTE = ["#1c1f26", "#3b4250", "#64707f", "#95a1ad", "#c6ced6", "#eef1f4"];

type EmbeddedOptions = Partial<Pick<RenderSpec, "palette" | "styleSlug" | "quality" | "format">>;

function parseSize(size: ImageModelV3CallOptions["size"]): { width: number; height: number } {
  if (!size) throw new Error('embedded renderer needs options.size as "WxH" (e.g. "1024x1024")');
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (!match) throw new Error(`embedded renderer: size must look like "1024x768", got ${JSON.stringify(size)}`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

function embeddedOptions(options: ImageModelV3CallOptions): EmbeddedOptions {
  const raw = options.providerOptions?.embedded;
  return raw && typeof raw === "object" ? (raw as EmbeddedOptions) : {};
}

/** The no-network default model: Pixola's procedural renderer behind the AI SDK image port. */
export function createEmbeddedImageModel(): ImageModelV3 {
  return {
    specificationVersion: "v3",
    provider: "pixola-embedded",
    modelId: MODEL_ID,
    maxImagesPerCall: 4,
    async doGenerate(options) {
      const { width, height } = parseSize(options.size);
      const opts = embeddedOptions(options);
      const seed = options.seed ?? 0;
      const images: Uint8Array[] = [];
      for (let i = 0; i < Math.max(1, options.n); i++) {
        options.abortSignal?.throwIfAborted();
        const { bytes } = await renderProcedural({
          prompt: options.prompt ?? "",
          // Consecutive seeds keep a batch of n from ever repeating an image.
          seed: seed + i,
          width,
          height,
          palette: opts.palette ?? NEUTRAL_PALETTE,
          styleSlug: opts.styleSlug ?? "no-style",
          quality: opts.quality ?? "standard",
          format: opts.format ?? "png",
        });
        images.push(bytes);
      }
      return {
        images,
        warnings: [],
        response: { timestamp: new Date(), modelId: MODEL_ID, headers: undefined },
      };
    },
  };
}
