import { ProviderError, type ProviderFailure } from "./errors";
import { baseUrlFrom, joinUrl, providerBytes } from "./http";
import { nearestRatio } from "./shape-fit";
import type { Env, ProviderAdapter, ShapeSpec, SyncClient } from "./types";

/**
 * Stability AI's v2beta Stable Image API (reference/providers.md §3.6), in-house because no
 * AI SDK package exists. One multipart POST per image; with `Accept: image/*` the answer is the
 * image bytes and a `finish-reason` header. Quality: no endpoint has a tier, so hd is the same
 * request (the catalog prices it).
 */

const DEFAULT_BASE = "https://api.stability.ai";

export const STABILITY_RATIOS = ["1:1", "16:9", "9:16", "21:9", "9:21", "2:3", "3:2", "4:5", "5:4"] as const;

export const stabilityAspectRatio = (shape: Pick<ShapeSpec, "width" | "height">) => nearestRatio(shape, STABILITY_RATIOS);

/** Stability's documented style presets; a style is sent only when our slug is one of them. */
const PRESETS = new Set([
  "3d-model", "analog-film", "anime", "cinematic", "comic-book", "digital-art", "enhance", "fantasy-art", "isometric",
  "line-art", "low-poly", "modeling-compound", "neon-punk", "origami", "photographic", "pixel-art", "tile-texture",
]);

/** The preset for a style slug, or undefined (the prompt already carries the style either way). */
export const stabilityStylePreset = (slug: string) => (PRESETS.has(slug) ? slug : undefined);

/** Catalog model id → endpoint (+ the `model` field sd3 needs). */
export function stabilityEndpoint(modelId: string): { path: "ultra" | "core" | "sd3"; model?: string } {
  if (modelId === "ultra" || modelId === "core") return { path: modelId };
  if (modelId.startsWith("sd3")) return { path: "sd3", model: modelId };
  throw new ProviderError("invalid", "stability: unknown model", { detail: modelId });
}

/**
 * A refusal is a 403 whose JSON `name` is "content_moderation"; any other 403 is the key.
 * 402 (no credits left) is the operator's to fix like a bad key, so it must not be retried.
 */
const classify = (status: number, body: string): ProviderFailure | undefined => {
  if (status === 402) return "auth";
  if (status !== 403) return undefined;
  try {
    return (JSON.parse(body) as { name?: unknown }).name === "content_moderation" ? "moderation" : undefined;
  } catch {
    return undefined;
  }
};

function client(key: string, base: string): SyncClient {
  const label = "stability";
  return {
    kind: "sync",
    async generate(job, io) {
      const endpoint = stabilityEndpoint(job.modelId);
      const form = new FormData();
      form.set("prompt", job.prompt);
      form.set("output_format", "png");
      form.set("aspect_ratio", stabilityAspectRatio(job.shape));
      if (endpoint.model) form.set("model", endpoint.model);
      // Stability documents 0..4294967294, 0 meaning "random".
      if (job.seed !== undefined) form.set("seed", String(job.seed % 4294967295));
      const preset = stabilityStylePreset(job.style.slug);
      if (preset) form.set("style_preset", preset);

      const url = joinUrl(base, `v2beta/stable-image/generate/${endpoint.path}`);
      const { bytes, headers } = await providerBytes(label, url, { headers: { authorization: `Bearer ${key}`, accept: "image/*" }, body: form, classify }, io);
      const finish = headers.get("finish-reason");
      // CONTENT_FILTERED still answers 200, with a blurred image we must not deliver.
      if (finish === "CONTENT_FILTERED") throw new ProviderError("moderation", "stability: the image was filtered on content policy");
      if (finish && finish !== "SUCCESS") throw new ProviderError("transient", "stability: generation did not succeed", { detail: finish });
      if (!headers.get("content-type")?.startsWith("image/")) {
        throw new ProviderError("transient", "stability: the answer is not an image", { detail: String(headers.get("content-type")) });
      }
      return { bytes };
    },
  };
}

export const stabilityProvider: ProviderAdapter = {
  name: "stability",
  label: "Stability AI",
  env: { key: "STABILITY_API_KEY", baseUrl: "STABILITY_BASE_URL", defaultBaseUrl: DEFAULT_BASE },
  fromEnv(env: Env) {
    const key = env.STABILITY_API_KEY;
    return key ? client(key, baseUrlFrom(env, "STABILITY_BASE_URL", DEFAULT_BASE)) : null;
  },
};
