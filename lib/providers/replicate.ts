import { ProviderError, type ProviderFailure } from "./errors";
import { baseUrlFrom, joinUrl, providerJson } from "./http";
import { nearestRatio } from "./shape-fit";
import type { Env, ProviderAdapter, QueueClient, ShapeSpec } from "./types";

/**
 * Replicate's predictions API for official models (reference/providers.md §3.2):
 * `POST /models/{owner}/{name}/predictions` with `Prefer: wait=5`, then `GET /predictions/{id}`.
 * The short wait lets a fast model answer inside the create call, but we still return a handle
 * and let `check` read the result, so a worker that dies in between resumes the same prediction.
 */

const DEFAULT_BASE = "https://api.replicate.com/v1";

/** ideogram-ai/ideogram-v2-turbo `aspect_ratio` enum (its Replicate API schema). */
export const IDEOGRAM_V2_RATIOS = ["1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "16:10", "10:16", "3:1", "1:3"] as const;
/** recraft-ai/recraft-v3-svg `aspect_ratio` enum, "Not set" left out (its Replicate API schema). */
export const RECRAFT_V3_RATIOS = ["1:1", "4:3", "3:4", "3:2", "2:3", "16:9", "9:16", "1:2", "2:1", "7:5", "5:7", "4:5", "5:4", "3:5", "5:3"] as const;
/** The common `aspect_ratio` enum of Replicate's FLUX-style models, for models an operator adds. */
const GENERIC_RATIOS = ["1:1", "16:9", "21:9", "3:2", "2:3", "4:5", "5:4", "3:4", "4:3", "9:16", "9:21"] as const;

interface ModelRule {
  ratios: readonly string[];
  /** Whether the model's input schema has a `seed` field (recraft-v3-svg has none). */
  seed: boolean;
}
const MODELS: Record<string, ModelRule> = {
  "ideogram-ai/ideogram-v2-turbo": { ratios: IDEOGRAM_V2_RATIOS, seed: true },
  "recraft-ai/recraft-v3-svg": { ratios: RECRAFT_V3_RATIOS, seed: false },
};
export const replicateModelRule = (modelId: string): ModelRule => MODELS[modelId] ?? { ratios: GENERIC_RATIOS, seed: true };

/**
 * The size input for a model: both catalog models take `aspect_ratio` (recraft ignores `size`
 * when a ratio is set), so the shape snaps to the nearest documented ratio.
 * Quality: neither model has a higher tier inside the same model (Ideogram's non-turbo v2 and
 * Recraft's raster models are other models), so "hd" sends the same request; the catalog prices it.
 */
export function replicateSize(modelId: string, shape: Pick<ShapeSpec, "width" | "height">): { aspect_ratio: string } {
  return { aspect_ratio: nearestRatio(shape, replicateModelRule(modelId).ratios) };
}

const POLICY = /nsfw|sensitive|content[ _-]?policy|safety|moderat|inappropriate|flagged/i;
const BAD_INPUT = /invalid|validation|must be one of|not a valid|out of range|unsupported/i;

/** What a failed prediction's `error` text means. Replicate's refusal reads "…flagged as sensitive… (E005)". */
export function classifyPredictionError(error: unknown): ProviderFailure {
  const text = typeof error === "string" ? error : JSON.stringify(error ?? "");
  if (POLICY.test(text)) return "moderation";
  if (BAD_INPUT.test(text)) return "invalid";
  return "transient";
}

/** Create-call errors: refusals in a 4xx body are moderation; 402 (no credit) needs the operator like a bad key. */
const classify = (status: number, body: string): ProviderFailure | undefined => {
  if (status === 402) return "auth";
  if ((status === 400 || status === 422) && POLICY.test(body)) return "moderation";
  return undefined;
};

interface Prediction {
  id?: string;
  status?: string;
  output?: unknown;
  error?: unknown;
}

/** `output` is a URL or a list of URLs; the first is our image. */
function firstUrl(output: unknown): string | undefined {
  const first = Array.isArray(output) ? output[0] : output;
  return typeof first === "string" && first.length > 0 ? first : undefined;
}

function client(token: string, base: string): QueueClient {
  const auth = { authorization: `Bearer ${token}` };
  const label = "replicate";
  return {
    kind: "queue",
    pollIntervalMs: 1000,
    async submit(job, io) {
      const rule = replicateModelRule(job.modelId);
      const input = {
        prompt: job.prompt,
        ...replicateSize(job.modelId, job.shape),
        ...(rule.seed && job.seed !== undefined ? { seed: job.seed } : {}),
      };
      const url = joinUrl(base, `models/${job.modelId}/predictions`);
      const pred = await providerJson<Prediction>(label, url, { headers: { ...auth, prefer: "wait=5" }, body: { input }, classify }, io);
      if (!pred.id) throw new ProviderError("transient", "replicate: the prediction has no id");
      return { id: pred.id };
    },
    async check(handle, _job, io) {
      // Built from our base URL, never from `urls.get`, so the token only goes where we configured.
      const url = joinUrl(base, `predictions/${encodeURIComponent(handle.id)}`);
      const pred = await providerJson<Prediction>(label, url, { method: "GET", headers: auth }, io);
      switch (pred.status) {
        case "starting":
        case "processing":
          return { state: "pending" };
        case "succeeded": {
          const out = firstUrl(pred.output);
          if (!out) throw new ProviderError("transient", "replicate: the prediction has no output URL");
          return { state: "done", output: { url: out } };
        }
        case "failed": {
          const kind = classifyPredictionError(pred.error);
          throw new ProviderError(kind, `replicate: the prediction failed (${kind})`, { detail: String(pred.error ?? "").slice(0, 300), jobFailed: true });
        }
        case "canceled":
        case "aborted":
          throw new ProviderError("transient", `replicate: the prediction was ${pred.status}`, { jobFailed: true });
        default:
          throw new ProviderError("transient", "replicate: unknown prediction status", { detail: String(pred.status) });
      }
    },
  };
}

export const replicateProvider: ProviderAdapter = {
  name: "replicate",
  label: "Replicate",
  env: { key: "REPLICATE_API_TOKEN", baseUrl: "REPLICATE_BASE_URL", defaultBaseUrl: DEFAULT_BASE },
  fromEnv(env: Env) {
    const token = env.REPLICATE_API_TOKEN;
    return token ? client(token, baseUrlFrom(env, "REPLICATE_BASE_URL", DEFAULT_BASE)) : null;
  },
};
