import { ProviderError, type ProviderFailure } from "./errors";
import { baseUrlFrom, joinUrl, providerJson } from "./http";
import { nearestRatio } from "./shape-fit";
import type { Env, ProviderAdapter, ProviderJob, ProviderOutput, ProviderIo, ShapeSpec, SyncClient } from "./types";

/**
 * Google's Gemini API (reference/providers.md §3.5): Imagen (`:predict`) and Gemini image
 * models (`:generateContent`), one image per call, no seed.
 *
 * Written in-house rather than with `@ai-sdk/google`: its `.image()` serves both families, but a
 * refusal reaches `generateImage` only as a `NoImageGeneratedError` with no reason (the SDK drops
 * `raiFilteredReason` and the candidate's finishReason), indistinguishable from an empty answer,
 * so moderation could not be told from a transient failure.
 */

const DEFAULT_BASE = "https://generativelanguage.googleapis.com/v1beta";

export const IMAGEN_RATIOS = ["1:1", "3:4", "4:3", "9:16", "16:9"] as const;
export const GEMINI_IMAGE_RATIOS = ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"] as const;

export const isGeminiImageModel = (modelId: string) => modelId.startsWith("gemini-");

/** The documented aspect ratio nearest the shape, from the list of the model's family. */
export function googleAspectRatio(modelId: string, shape: Pick<ShapeSpec, "width" | "height">): string {
  return nearestRatio(shape, isGeminiImageModel(modelId) ? GEMINI_IMAGE_RATIOS : IMAGEN_RATIOS);
}

/**
 * hd → 2K where the model documents a size knob: Imagen 4 Standard/Ultra (`sampleImageSize`,
 * not Fast) and Gemini 3 image models (`imageConfig.imageSize`, not 2.5 Flash Image).
 * Elsewhere hd is the same request, priced by the catalog.
 */
const hd2k = (job: ProviderJob) =>
  job.quality === "hd" && (isGeminiImageModel(job.modelId) ? job.modelId.startsWith("gemini-3") : !job.modelId.includes("fast"));

/** Policy refusals that arrive as HTTP errors; a bad key is a 400 (API_KEY_INVALID), not a 401. */
const classify = (status: number, body: string): ProviderFailure | undefined => {
  if (status !== 400) return undefined;
  if (/API_KEY_INVALID|API key not valid/i.test(body)) return "auth";
  if (/responsible ai|sensitive words|content polic/i.test(body)) return "moderation";
  return undefined;
};

/** Finish reasons that mean the model refused on policy (the rest: retry). */
const REFUSED = new Set(["SAFETY", "PROHIBITED_CONTENT", "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_RECITATION"]);

interface ImagenAnswer {
  predictions?: { bytesBase64Encoded?: string; mimeType?: string; raiFilteredReason?: string }[];
}
interface InlineData {
  mimeType?: string;
  data?: string;
}
interface GeminiAnswer {
  promptFeedback?: { blockReason?: string };
  candidates?: { finishReason?: string; content?: { parts?: { inlineData?: InlineData; inline_data?: InlineData }[] } }[];
}

const bytesOf = (b64: string): ProviderOutput => ({ bytes: new Uint8Array(Buffer.from(b64, "base64")) });

function client(key: string, base: string): SyncClient {
  const label = "google";
  const call = <T>(job: ProviderJob, method: string, body: unknown, io: ProviderIo) =>
    providerJson<T>(label, joinUrl(base, `models/${encodeURIComponent(job.modelId)}:${method}`), { headers: { "x-goog-api-key": key }, body, classify }, io);

  async function imagen(job: ProviderJob, io: ProviderIo): Promise<ProviderOutput> {
    const parameters = { sampleCount: 1, aspectRatio: googleAspectRatio(job.modelId, job.shape), ...(hd2k(job) ? { sampleImageSize: "2K" } : {}) };
    const out = await call<ImagenAnswer>(job, "predict", { instances: [{ prompt: job.prompt }], parameters }, io);
    const image = out.predictions?.find((p) => p.bytesBase64Encoded);
    if (image?.bytesBase64Encoded) return bytesOf(image.bytesBase64Encoded);
    const filtered = out.predictions?.find((p) => p.raiFilteredReason);
    if (filtered) throw new ProviderError("moderation", "google: the image was filtered on content policy", { detail: filtered.raiFilteredReason });
    throw new ProviderError("transient", "google: the answer has no image");
  }

  async function gemini(job: ProviderJob, io: ProviderIo): Promise<ProviderOutput> {
    const body = {
      contents: [{ role: "user", parts: [{ text: job.prompt }] }],
      generationConfig: {
        responseModalities: ["IMAGE"],
        imageConfig: { aspectRatio: googleAspectRatio(job.modelId, job.shape), ...(hd2k(job) ? { imageSize: "2K" } : {}) },
      },
    };
    const out = await call<GeminiAnswer>(job, "generateContent", body, io);
    const block = out.promptFeedback?.blockReason;
    if (block && !/UNSPECIFIED/.test(block)) throw new ProviderError("moderation", "google: the prompt was blocked", { detail: block });
    const candidate = out.candidates?.[0];
    if (candidate?.finishReason && REFUSED.has(candidate.finishReason)) {
      throw new ProviderError("moderation", "google: the model refused on content policy", { detail: candidate.finishReason });
    }
    for (const part of candidate?.content?.parts ?? []) {
      const inline = part.inlineData ?? part.inline_data;
      if (inline?.data && inline.mimeType?.startsWith("image/")) return bytesOf(inline.data);
    }
    // Text only or NO_IMAGE: the model sometimes answers in words; another try usually draws.
    throw new ProviderError("transient", "google: the answer has no image", { detail: candidate?.finishReason });
  }

  return {
    kind: "sync",
    generate: (job, io) => (isGeminiImageModel(job.modelId) ? gemini(job, io) : imagen(job, io)),
  };
}

export const googleProvider: ProviderAdapter = {
  name: "google",
  label: "Google (Gemini API)",
  env: { key: "GOOGLE_GENERATIVE_AI_API_KEY", baseUrl: "GOOGLE_BASE_URL", defaultBaseUrl: DEFAULT_BASE },
  fromEnv(env: Env) {
    const key = env.GOOGLE_GENERATIVE_AI_API_KEY;
    return key ? client(key, baseUrlFrom(env, "GOOGLE_BASE_URL", DEFAULT_BASE)) : null;
  },
};
