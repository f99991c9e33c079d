import { baseUrlFrom } from "./http";
import { createOpenAI } from "@ai-sdk/openai";
import { generateImage } from "ai";
import { fromAiSdkError, type Classify } from "./ai-sdk-errors";
import { nearestRatio } from "./shape-fit";
import type { Env, ProviderAdapter, ProviderJob, SyncClient } from "./types";

/**
 * OpenAI Images through the AI SDK (`generateImage` + `@ai-sdk/openai`), one image per call
 * (reference/providers.md §3.3). The SDK asks for `b64_json` where a model needs it (dall-e),
 * and GPT image models always answer base64, so the output is bytes: no URL to fetch.
 */

const DEFAULT_BASE = "https://api.openai.com/v1";

/** Sizes each model family documents; a shape is snapped to the nearest aspect ("auto" is never sent). */
const GPT_IMAGE_SIZES = ["1024x1024", "1536x1024", "1024x1536"] as const;
const DALL_E_3_SIZES = ["1024x1024", "1792x1024", "1024x1792"] as const;

const isDallE3 = (modelId: string | undefined) => modelId === "dall-e-3";

/** The documented size nearest to width×height (GPT image models unless `modelId` is dall-e-3). */
export function openAiSize(width: number, height: number, modelId?: string): `${number}x${number}` {
  return nearestRatio({ width, height }, isDallE3(modelId) ? DALL_E_3_SIZES : GPT_IMAGE_SIZES) as `${number}x${number}`;
}

/**
 * Our two tiers onto OpenAI's: dall-e-3 has exactly standard|hd; GPT image models have
 * low|medium|high, and standard → medium, hd → high (the catalog prices them that way).
 */
export function openAiQuality(modelId: string, quality: ProviderJob["quality"]): string {
  if (isDallE3(modelId)) return quality === "hd" ? "hd" : "standard";
  return quality === "hd" ? "high" : "medium";
}

/** OpenAI refuses on policy with a 400 whose `error.code` says so; every other 400 is our request. */
const classify: Classify = (status, body) => {
  if (status !== 400) return undefined;
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return code === "moderation_blocked" || code === "content_policy_violation" ? "moderation" : undefined;
  } catch {
    return undefined;
  }
};

function client(apiKey: string, baseURL: string): SyncClient {
  const provider = createOpenAI({ apiKey, baseURL });
  return {
    kind: "sync",
    async generate(job, io) {
      try {
        const { image } = await generateImage({
          model: provider.image(job.modelId),
          prompt: job.prompt,
          n: 1,
          size: openAiSize(job.shape.width, job.shape.height, job.modelId),
          providerOptions: { openai: { quality: openAiQuality(job.modelId, job.quality) } },
          // The worker owns retries (with back-off and its own attempt count).
          maxRetries: 0,
          abortSignal: io.signal,
        });
        return { bytes: image.uint8Array };
      } catch (err) {
        if (io.signal.aborted) throw io.signal.reason ?? err;
        throw fromAiSdkError("openai", err, classify);
      }
    },
  };
}

export const openaiProvider: ProviderAdapter = {
  name: "openai",
  label: "OpenAI",
  env: { key: "OPENAI_API_KEY", baseUrl: "OPENAI_BASE_URL", defaultBaseUrl: DEFAULT_BASE },
  fromEnv(env: Env) {
    const key = env.OPENAI_API_KEY;
    return key ? client(key, baseUrlFrom(env, "OPENAI_BASE_URL", DEFAULT_BASE)) : null;
  },
};
