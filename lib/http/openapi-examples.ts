/**
 * Example requests and responses for the OpenAPI document (and so for /docs/api). Each one is
 * parsed by the operation's own zod schema in openapi-examples.test.ts, so they cannot drift
 * from what the API answers.
 */
const BASE = "https://pixola.example.com";
const IMG = "img_5kQ2mT8vXw3yZ1aB";
const BAT = "bat_9fH3kL2pQ7rS4tU6";
const AT = "2026-11-30T10:15:00.000Z";
const DONE = "2026-11-30T10:15:02.000Z";

export const generateRequestExample = {
  prompt: "A lighthouse on a cliff at dusk, waves below",
  model: "procedural",
  style: "watercolor",
  shape: "landscape-wide",
  quality: "standard",
  count: 1,
};

const pricing = { standard: 1, hd: 2 };
const model = {
  slug: "procedural",
  name: "Pixola Procedural",
  description: "An offline, deterministic procedural renderer built into Pixola, not an AI model.",
  bestFor: "offline placeholders, previews and abstract scenes",
  tags: ["offline", "deterministic", "abstract", "fast"],
  provider: "embedded",
  available: true,
  default: true,
  pricing,
};
const style = {
  slug: "watercolor",
  name: "Watercolor",
  category: "Painting",
  description: "Soft, translucent washes of pigment that bloom on textured paper.",
  prompt: "{prompt}, watercolor painting, soft translucent washes, wet-on-wet blooms, paper texture",
  alias: ["watercolour", "aquarelle"],
  image: `${BASE}/api/v1/styles/watercolor/preview`,
};
const shape = {
  slug: "landscape-wide",
  name: "Landscape wide",
  aspectRatio: "16:9",
  width: 1344,
  height: 756,
  description: "16:9 widescreen; desktop wallpapers, video thumbnails, hero banners.",
};
const choices = { model: "procedural", style: "watercolor", shape: "landscape-wide", quality: "standard", count: 1, seed: 1234567 };
const image = {
  imageId: IMG,
  batchId: BAT,
  status: "succeeded",
  title: "A lighthouse on a cliff at dusk, waves below",
  prompt: generateRequestExample.prompt,
  model: "procedural",
  style: "watercolor",
  shape: "landscape-wide",
  quality: "standard",
  seed: 1234567,
  width: 1344,
  height: 756,
  mimeType: "image/png",
  bytes: 412_734,
  url: `${BASE}/files/images/${IMG}.png?exp=1796041200&sig=…`,
  urlExpiresAt: "2026-11-30T11:15:02.000Z",
  previewUrl: `${BASE}/files/previews/${IMG}.webp?exp=1796041200&sig=…`,
  previewWidth: 512,
  previewHeight: 288,
  error: null,
  errorCode: null,
  note: null,
  createdAt: AT,
  completedAt: DONE,
};

/** The 2xx body of each operation, keyed "METHOD path" as in the document. */
export const responseExamples: Record<string, unknown> = {
  "GET /models": { defaultModel: "procedural", models: [model] },
  "GET /models/{slug}": {
    ...model,
    released: "2026-11",
    researcher: "Pixola",
    researcherUrl: "https://github.com/pixola",
    capabilities: { seed: true, referenceImages: false, maxImagesPerCall: 4, output: "raster" },
    samplePrompts: ["misty mountains above a calm lake at sunset"],
    urls: { self: `${BASE}/api/v1/models/procedural` },
  },
  "GET /styles": { defaultStyle: "no-style", categories: [{ category: "Painting", styles: [style] }] },
  "GET /styles/{slug}": style,
  "GET /shapes": { defaultShape: "square", shapes: [shape] },
  "GET /shapes/{slug}": shape,
  "GET /credits": {
    balance: 987,
    plan: { slug: "free", name: "Free", monthlyCredits: 1000 },
    recentEntries: [
      { id: "led_3nP8sW1xY6zA2bC4", kind: "reserve", amount: -13, balanceAfter: 987, batchId: BAT, imageId: null, note: null, prompt: "misty mountains above a calm lake at sunset", createdAt: "2026-11-30T09:14:02.000Z" },
      { id: "led_7tV2mQ9rK4hJ1cD5", kind: "grant", amount: 1000, balanceAfter: 1000, batchId: null, imageId: null, note: "Free plan grant", prompt: null, createdAt: "2026-11-30T09:00:00.000Z" },
    ],
  },
  "POST /generate": {
    batchId: BAT,
    status: "queued",
    ...choices,
    width: 1344,
    height: 756,
    creditsReserved: 1,
    balance: 986,
    imageIds: [IMG],
    pollUrl: `${BASE}/api/v1/batches/${BAT}`,
  },
  "GET /batches/{batchId}": {
    batchId: BAT,
    status: "succeeded",
    prompt: generateRequestExample.prompt,
    ...choices,
    creditsReserved: 1,
    creditsCharged: 1,
    creditsRefunded: 0,
    images: [image],
    error: null,
    createdAt: AT,
    completedAt: DONE,
  },
  "GET /images": { images: [image], nextCursor: "MjAyNi0xMS0zMFQxMDoxNTowMC4wMDBafGltZ181a1EybVQ4dlh3M3laMWFC" },
  "GET /images/{imageId}": image,
};

const REQ = "req_01JDX4T5Q8W2V7N3";
const err = (code: string, message: string, details?: Record<string, unknown>) => ({
  error: { code, message, requestId: REQ, ...(details ? { details } : {}) },
});

/**
 * The error responses, one named component per status, each with the body it really sends
 * (messages copied from the code that throws them).
 */
export const errorResponses = {
  400: {
    name: "BadRequest",
    description: "bad_request: a parameter or field is missing or not valid; the message names it and what is accepted",
    examples: { bad_request: err("bad_request", "prompt must not be empty") },
  },
  401: {
    name: "Unauthorized",
    description: "unauthorized: no API key, a malformed one, or one that is unknown or revoked",
    examples: { unauthorized: err("unauthorized", "Missing API key. Send 'Authorization: Bearer pxk_…' (create a key under Settings → API Keys).") },
  },
  403: {
    name: "Forbidden",
    description: "forbidden: the key is valid but lacks the scope this operation needs",
    examples: { forbidden: err("forbidden", "This API key lacks the 'images:generate' scope needed here.") },
  },
  404: {
    name: "NotFound",
    description: "not_found: no such object, or it belongs to someone else (both look the same)",
    examples: { not_found: err("not_found", `Image '${IMG}' was not found.`) },
  },
  409: {
    name: "Conflict",
    description: "insufficient_credits: the balance does not cover the cost; conflict: the same Idempotency-Key is still being processed",
    examples: {
      insufficient_credits: err(
        "insufficient_credits",
        "This generation costs 8 credits but your balance is 3. Lower the count or quality, pick a cheaper model, or add credits.",
        { balance: 3, cost: 8 },
      ),
      conflict: err("conflict", "A request with this idempotency key is still in progress. Retry in a moment to get its result."),
    },
  },
  413: {
    name: "PayloadTooLarge",
    description: "payload_too_large: the JSON body is over 64 KB",
    examples: { payload_too_large: err("payload_too_large", "The request body is larger than the 64 KB limit.", { limitBytes: 65536 }) },
  },
  422: {
    name: "Unprocessable",
    description: "unprocessable: the Idempotency-Key was already used with a different body",
    examples: {
      unprocessable: err(
        "unprocessable",
        "This idempotency key was already used with a different request. Send the same request to get its result again, or use a new key for a new request.",
      ),
    },
  },
  429: {
    name: "RateLimited",
    description: "rate_limited: too many requests for this key (30 per minute, then 1,000 per day, REST and MCP together); wait Retry-After seconds",
    examples: {
      rate_limited: err("rate_limited", "Rate limit reached: this API key may make 30 requests per minute, REST and MCP together. Retry in 18 s.", {
        limit: 30,
        window: "minute",
        retryAfterSeconds: 18,
        resetAt: "2026-11-30T10:16:00.000Z",
      }),
    },
  },
} as const;

export type ErrorStatus = keyof typeof errorResponses;
