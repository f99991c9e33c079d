import type { Quality } from "@/lib/catalog/schemas";
import { ProviderError, type ProviderFailure } from "./errors";
import { baseUrlFrom, joinUrl, providerJson } from "./http";
import { nearestRatio } from "./shape-fit";
import type { Env, JobState, ProviderAdapter, ProviderHandle, ProviderIo, ProviderJob, QueueClient, ShapeSpec } from "./types";

/**
 * Black Forest Labs (reference/providers.md §3.4): `POST {base}/v1/{model}` with `x-key` answers
 * `{id, polling_url}`; `GET polling_url` answers `{status, result: {sample}}`. The sample URL
 * expires after 10 minutes, so it is handed to the worker as `{url}` to download at once.
 */

const LABEL = "bfl";
const DEFAULT_BASE_URL = "https://api.bfl.ai";

/** Ratios we snap to for models that take `aspect_ratio`: Ultra documents 21:9…9:21, Kontext 3:7…7:3 (= 21:9…9:21). */
export const BFL_ASPECT_RATIOS = ["21:9", "16:9", "3:2", "4:3", "5:4", "1:1", "4:5", "3:4", "2:3", "9:16", "9:21"] as const;

/** Pixel rules per family: FLUX.2 takes 256–1920 in steps of 16; FLUX1.1 [pro] 256–1440 in steps of 32. */
const FLUX2_RULE = { min: 256, max: 1920, step: 16 };
const PRO11_RULE = { min: 256, max: 1440, step: 32 };

export type BflSize = { width: number; height: number } | { aspect_ratio: string };

/**
 * Maps our shape to what the model documents. Quality: "hd" doubles the pixel count for the
 * width/height models (FLUX.2 bills per megapixel, matching the catalog's 2× hd price), capped at
 * the model's largest side. Ultra (always ~4 MP) and Kontext (fixed ~1 MP) have no higher tier.
 */
export function bflSize(modelId: string, shape: ShapeSpec, quality: Quality): BflSize {
  const ratio = shape.width / shape.height;
  if (modelId.startsWith("flux-pro-1.1-ultra") || modelId.startsWith("flux-kontext-"))
    return { aspect_ratio: nearestRatio(shape, BFL_ASPECT_RATIOS) };
  // Unknown ids get the stricter FLUX1.1 rule, which is also valid for FLUX.2.
  const rule = modelId.startsWith("flux-2-") ? FLUX2_RULE : PRO11_RULE;
  const area = shape.width * shape.height * (quality === "hd" ? 2 : 1);
  // Snap the long side first, then take the short side nearest to long / ratio: the closest aspect at that size.
  const stretch = Math.max(ratio, 1 / ratio);
  const snap = (v: number) => Math.min(rule.max, Math.max(rule.min, Math.round(v / rule.step) * rule.step));
  const long = snap(Math.sqrt(area * stretch));
  const short = snap(long / stretch);
  return ratio >= 1 ? { width: long, height: short } : { width: short, height: long };
}

/**
 * The URL to poll. BFL says to use the returned `polling_url` (it names a regional host), but we
 * send our key there, so only our configured origin or an https *.bfl.ai host is trusted; anything
 * else falls back to `{base}/v1/get_result`. The `id` query parameter is added when missing.
 */
export function bflPollingUrl(pollingUrl: string | undefined, baseUrl: string, id: string): string {
  let url: URL | undefined;
  try {
    url = pollingUrl ? new URL(pollingUrl) : undefined;
  } catch {
    url = undefined;
  }
  const trusted =
    url !== undefined &&
    (url.origin === new URL(baseUrl).origin ||
      (url.protocol === "https:" && (url.hostname === "bfl.ai" || url.hostname.endsWith(".bfl.ai"))));
  const out = trusted ? url! : new URL(joinUrl(baseUrl, "v1/get_result"));
  if (!out.searchParams.has("id")) out.searchParams.set("id", id);
  return out.toString();
}

const MODERATION_TEXT = /moderat|content polic|nsfw/i;

/** 402 is "out of credits": only the operator can fix it, like a bad key. Refusals on content say so in the body. */
const classify = (status: number, body: string): ProviderFailure | undefined => {
  if (status === 402) return "auth";
  if ((status === 400 || status === 422) && MODERATION_TEXT.test(body)) return "moderation";
  return undefined;
};

interface SubmitAnswer {
  id?: unknown;
  polling_url?: unknown;
}
interface PollAnswer {
  status?: unknown;
  /** Older answers and the AI SDK's schema use `state`. */
  state?: unknown;
  result?: { sample?: unknown } | null;
  details?: unknown;
}

function createClient(key: string, baseUrl: string): QueueClient & { maxInFlight: number } {
  const headers = { "x-key": key, accept: "application/json" };
  return {
    kind: "queue",
    // BFL allows 24 active tasks per account (6 for kontext-max); 429 covers the rest.
    maxInFlight: 24,
    async submit(job: ProviderJob, io: ProviderIo): Promise<ProviderHandle> {
      const body: Record<string, unknown> = {
        prompt: job.prompt,
        ...bflSize(job.modelId, job.shape, job.quality),
        output_format: "png",
        safety_tolerance: 2, // BFL's default; documented range 0 (strict) … 5/6
      };
      if (job.seed !== undefined) body.seed = job.seed;
      const url = joinUrl(baseUrl, `v1/${encodeURIComponent(job.modelId)}`);
      const answer = await providerJson<SubmitAnswer>(LABEL, url, { method: "POST", headers, body, classify }, io);
      if (typeof answer?.id !== "string" || !answer.id) throw new ProviderError("transient", `${LABEL}: submit answer has no id`);
      const pollingUrl = bflPollingUrl(typeof answer.polling_url === "string" ? answer.polling_url : undefined, baseUrl, answer.id);
      return { id: answer.id, pollingUrl };
    },
    async check(handle: ProviderHandle, _job: ProviderJob, io: ProviderIo): Promise<JobState> {
      // Re-checked here too: the handle comes back from the database.
      const url = bflPollingUrl(handle.pollingUrl, baseUrl, handle.id);
      const answer = await providerJson<PollAnswer>(LABEL, url, { method: "GET", headers, classify }, io);
      const status = answer?.status ?? answer?.state;
      const detail = JSON.stringify(answer).slice(0, 300);
      switch (status) {
        case "Pending":
          return { state: "pending" };
        case "Ready": {
          const sample = answer.result?.sample;
          if (typeof sample !== "string" || !/^https?:\/\//.test(sample))
            throw new ProviderError("transient", `${LABEL}: ready without an image URL`, { detail });
          return { state: "done", output: { url: sample } };
        }
        case "Request Moderated":
        case "Content Moderated":
          throw new ProviderError("moderation", `${LABEL}: refused on content policy`, { detail });
        case "Error":
        case "Failed":
          throw new ProviderError("transient", `${LABEL}: generation failed`, { detail, jobFailed: true });
        default:
          // "Task not found" (expired or unknown id) and anything new.
          throw new ProviderError("transient", `${LABEL}: unexpected job status`, { detail });
      }
    },
  };
}

export const bflProvider: ProviderAdapter = {
  name: "bfl",
  label: "Black Forest Labs",
  env: { key: "BFL_API_KEY", baseUrl: "BFL_BASE_URL", defaultBaseUrl: DEFAULT_BASE_URL },
  fromEnv(env: Env) {
    const key = env.BFL_API_KEY?.trim();
    if (!key) return null;
    return createClient(key, baseUrlFrom(env, "BFL_BASE_URL", DEFAULT_BASE_URL));
  },
};
