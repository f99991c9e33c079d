import { ProviderError, type ProviderFailure } from "./errors";
import { baseUrlFrom, joinUrl, providerJson } from "./http";
import { nearestRatio } from "./shape-fit";
import type { Env, JobState, ProviderAdapter, ProviderHandle, ProviderIo, ProviderJob, QueueClient, ShapeSpec } from "./types";

/**
 * Luma Dream Machine images (reference/providers.md §3.7): `POST {base}/dream-machine/v1/generations/image`
 * creates a generation; `GET {base}/dream-machine/v1/generations/{id}` reports
 * queued | dreaming | completed (assets.image is a URL) | failed (failure_reason).
 * Photon takes an aspect ratio only: no width/height, no seed, no quality setting (photon-1 and
 * photon-flash-1 are separate catalog models, so "hd" has no higher tier to map to).
 */

const LABEL = "luma";
const DEFAULT_BASE_URL = "https://api.lumalabs.ai";

export const LUMA_ASPECT_RATIOS = ["1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21"] as const;
export type LumaAspectRatio = (typeof LUMA_ASPECT_RATIOS)[number];

/** The listed ratio nearest to the shape (log distance, so portrait and landscape are treated alike). */
export const lumaAspectRatio = (shape: Pick<ShapeSpec, "width" | "height">): LumaAspectRatio => nearestRatio(shape, LUMA_ASPECT_RATIOS);

const MODERATION_TEXT = /moderat|content[ _-]?polic/i;

/** Luma answers a refused prompt with a 400 whose detail names moderation. */
const classify = (status: number, body: string): ProviderFailure | undefined =>
  (status === 400 || status === 422) && MODERATION_TEXT.test(body) ? "moderation" : undefined;

interface Generation {
  id?: unknown;
  state?: unknown;
  failure_reason?: unknown;
  assets?: { image?: unknown } | null;
}

function createClient(key: string, baseUrl: string): QueueClient {
  const headers = { authorization: `Bearer ${key}`, accept: "application/json" };
  return {
    kind: "queue",
    async submit(job: ProviderJob, io: ProviderIo): Promise<ProviderHandle> {
      // No seed, ever: the API has none, and an unknown field risks a 400.
      const body = { prompt: job.prompt, model: job.modelId, aspect_ratio: lumaAspectRatio(job.shape) };
      const url = joinUrl(baseUrl, "dream-machine/v1/generations/image");
      const gen = await providerJson<Generation>(LABEL, url, { method: "POST", headers, body, classify }, io);
      if (typeof gen?.id !== "string" || !gen.id) throw new ProviderError("transient", `${LABEL}: create answer has no id`);
      return { id: gen.id };
    },
    async check(handle: ProviderHandle, _job: ProviderJob, io: ProviderIo): Promise<JobState> {
      const url = joinUrl(baseUrl, `dream-machine/v1/generations/${encodeURIComponent(handle.id)}`);
      const gen = await providerJson<Generation>(LABEL, url, { method: "GET", headers, classify }, io);
      const detail = JSON.stringify({ state: gen?.state, failure_reason: gen?.failure_reason }).slice(0, 300);
      switch (gen?.state) {
        case "queued":
        case "dreaming":
          return { state: "pending" };
        case "completed": {
          const image = gen.assets?.image;
          if (typeof image !== "string" || !/^https?:\/\//.test(image))
            throw new ProviderError("transient", `${LABEL}: completed without an image URL`, { detail });
          return { state: "done", output: { url: image } };
        }
        case "failed": {
          const reason = typeof gen.failure_reason === "string" ? gen.failure_reason : "";
          if (MODERATION_TEXT.test(reason)) throw new ProviderError("moderation", `${LABEL}: refused on content policy`, { detail });
          throw new ProviderError("transient", `${LABEL}: generation failed`, { detail, jobFailed: true });
        }
        default:
          throw new ProviderError("transient", `${LABEL}: unexpected generation state`, { detail });
      }
    },
  };
}

export const lumaProvider: ProviderAdapter = {
  name: "luma",
  label: "Luma",
  env: { key: "LUMA_API_KEY", baseUrl: "LUMA_BASE_URL", defaultBaseUrl: DEFAULT_BASE_URL },
  fromEnv(env: Env) {
    const key = env.LUMA_API_KEY?.trim();
    if (!key) return null;
    return createClient(key, baseUrlFrom(env, "LUMA_BASE_URL", DEFAULT_BASE_URL));
  },
};
