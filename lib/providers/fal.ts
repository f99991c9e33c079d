import { ProviderError, type ProviderFailure } from "./errors";
import { baseUrlFrom, joinUrl, providerJson } from "./http";
import { nearestRatio } from "./shape-fit";
import type { Env, ProviderAdapter, ProviderJob, QueueClient, ShapeSpec } from "./types";

/**
 * fal.ai through its queue API (submit → status → result), so a job that takes minutes holds no
 * connection and a restarted worker resumes the same request id (reference/providers.md §3.1).
 * `@ai-sdk/fal` calls the blocking fal.run endpoint, which can be neither resumed nor polled.
 */

const DEFAULT_BASE = "https://queue.fal.run";

/**
 * How each endpoint takes a size. Most accept `image_size: {width, height}` within a range;
 * a few take only `aspect_ratio` from a list (their fal model pages).
 */
type SizeRule = { kind: "size"; min: number; max: number } | { kind: "ratio"; ratios: readonly string[] };
const SIZE_RULES: [prefix: string, rule: SizeRule][] = [
  ["fal-ai/minimax/image-01", { kind: "ratio", ratios: ["1:1", "16:9", "4:3", "3:2", "2:3", "3:4", "9:16", "21:9"] }],
  ["fal-ai/kling-image/", { kind: "ratio", ratios: ["1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "21:9"] }],
  ["bria/text-to-image/", { kind: "ratio", ratios: ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9"] }],
  ["fal-ai/bytedance/seedream/v4", { kind: "size", min: 1024, max: 4096 }],
  ["fal-ai/flux-2", { kind: "size", min: 512, max: 2048 }],
];
const DEFAULT_RULE: SizeRule = { kind: "size", min: 256, max: 2048 };

export const falSizeRule = (endpoint: string): SizeRule => SIZE_RULES.find(([p]) => endpoint.startsWith(p))?.[1] ?? DEFAULT_RULE;

/** The size fields of a fal request for this endpoint and shape. */
export function falSize(endpoint: string, shape: ShapeSpec): { image_size: { width: number; height: number } } | { aspect_ratio: string } {
  const rule = falSizeRule(endpoint);
  if (rule.kind === "ratio") return { aspect_ratio: nearestRatio(shape, rule.ratios) };
  // Keep the aspect; scale into the endpoint's range only when the shape falls outside it.
  const long = Math.max(shape.width, shape.height);
  const short = Math.min(shape.width, shape.height);
  const scale = short < rule.min ? rule.min / short : long > rule.max ? rule.max / long : 1;
  return { image_size: { width: Math.round(shape.width * scale), height: Math.round(shape.height * scale) } };
}

/** hd where an endpoint documents a quality knob; elsewhere hd is the same request (priced by the catalog). */
function falQuality(endpoint: string, job: ProviderJob): Record<string, unknown> {
  if (endpoint.startsWith("fal-ai/ideogram/")) return { rendering_speed: job.quality === "hd" ? "QUALITY" : "BALANCED" };
  if (job.quality === "hd" && /^fal-ai\/flux(-2)?\/?(dev|krea)?$|^fal-ai\/flux-2$/.test(endpoint)) return { num_inference_steps: 50 };
  return {};
}

/** Status, result and cancel live under owner/alias only: "fal-ai/flux-pro/v1.1-ultra" is polled as "fal-ai/flux-pro". */
export function falAppPath(endpoint: string): string {
  const parts = endpoint.split("/");
  const keep = parts[0] === "workflows" || parts[0] === "comfy" ? parts.length : 2;
  return parts.slice(0, keep).join("/");
}

const POLICY = /nsfw|content[ _-]?policy|safety|moderat|inappropriate/i;
const classify = (status: number, body: string): ProviderFailure | undefined =>
  (status === 400 || status === 422) && POLICY.test(body) ? "moderation" : undefined;

interface FalQueued {
  request_id?: string;
}
interface FalStatus {
  status?: string;
  queue_position?: number;
}
interface FalResult {
  images?: { url?: string }[];
  image?: { url?: string };
  has_nsfw_concepts?: boolean[];
}

function client(key: string, base: string): QueueClient {
  const auth = { authorization: `Key ${key}` };
  const label = "fal";
  return {
    kind: "queue",
    pollIntervalMs: 1000,
    async submit(job, io) {
      const body = {
        prompt: job.prompt,
        ...(job.seed !== undefined ? { seed: job.seed } : {}),
        num_images: 1,
        output_format: "png",
        enable_safety_checker: true,
        ...falSize(job.modelId, job.shape),
        ...falQuality(job.modelId, job),
      };
      const queued = await providerJson<FalQueued>(label, joinUrl(base, job.modelId), { headers: auth, body, classify }, io);
      if (!queued.request_id) throw new ProviderError("transient", "fal: the queue did not return a request id");
      return { id: queued.request_id };
    },
    async check(handle, job, io) {
      const app = joinUrl(base, `${falAppPath(job.modelId)}/requests/${encodeURIComponent(handle.id)}`);
      const st = await providerJson<FalStatus>(label, `${app}/status`, { method: "GET", headers: auth }, io);
      if (st.status === "IN_QUEUE" || st.status === "IN_PROGRESS") return { state: "pending" };
      if (st.status !== "COMPLETED") throw new ProviderError("transient", "fal: unknown status", { detail: String(st.status) });
      // A failed request is COMPLETED too; its result answers with the error (422 invalid input, 5xx).
      const out = await providerJson<FalResult>(label, app, { method: "GET", headers: auth, classify }, io);
      if (out.has_nsfw_concepts?.some(Boolean)) throw new ProviderError("moderation", "fal: the safety checker flagged the image");
      const url = out.images?.[0]?.url ?? out.image?.url;
      if (!url) throw new ProviderError("transient", "fal: the result has no image");
      return { state: "done", output: { url } };
    },
  };
}

export const falProvider: ProviderAdapter = {
  name: "fal",
  label: "fal.ai",
  env: { key: "FAL_KEY", baseUrl: "FAL_BASE_URL", defaultBaseUrl: DEFAULT_BASE },
  fromEnv(env: Env) {
    const key = env.FAL_KEY;
    return key ? client(key, baseUrlFrom(env, "FAL_BASE_URL", DEFAULT_BASE)) : null;
  },
};
