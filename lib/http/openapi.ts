import { z } from "zod";
import { creditsView } from "@/lib/credits/schemas";
import { modelDetail, modelSummary, shapeView, styleCategoryView, styleView } from "@/lib/catalog/schemas";
import { ERROR_CODES } from "@/lib/errors";
import { batchView, generateInput, imageView, submitResult } from "@/lib/generation/schemas";
import { errorResponses, generateRequestExample, responseExamples, type ErrorStatus } from "./openapi-examples";

const schema = (s: z.ZodType, io: "input" | "output" = "output") => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

const errorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES as [string, ...string[]]),
    message: z.string().describe("What was wrong and what is accepted"),
    requestId: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** A 2xx response: its schema and the example body for `METHOD path` (openapi-examples.ts). */
const ok = (s: z.ZodType, operation: string, description = "OK") => ({
  description,
  content: { "application/json": { schema: schema(s), example: responseExamples[operation] } },
});
/** References to the named error responses (BadRequest, NotFound, RateLimited, …) of these statuses. */
const errors = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/${errorResponses[s].name}` }]));
const pathParam = (name: string, example: string) => [{ name, in: "path", required: true, schema: { type: "string" }, example }];
const keyed = { security: [{ apiKey: [] }] };

const limitHeaders = {
  "X-RateLimit-Limit": { description: "Requests allowed in the tighter window (per minute or per day)", schema: { type: "integer" } },
  "X-RateLimit-Remaining": { description: "Requests left in that window", schema: { type: "integer" } },
  "X-RateLimit-Reset": { description: "Unix time (seconds) when that window resets", schema: { type: "integer" } },
};

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers use. */
export function buildOpenApi(appUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Pixola API",
      version: "1.0.0",
      description:
        "Generate images with any model in this server’s catalog (`GET /models`). Authenticate with `Authorization: Bearer pxk_…` (Settings → API Keys). " +
        "Errors are `{error: {code, message, requestId}}`. Every response carries `X-Request-Id`.",
    },
    servers: [{ url: `${appUrl}/api/v1` }],
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", bearerFormat: "pxk_…" } },
      responses: Object.fromEntries(
        Object.entries(errorResponses).map(([status, r]) => [
          r.name,
          {
            description: r.description,
            ...(status === "429" ? { headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } }, ...limitHeaders } } : {}),
            content: {
              "application/json": {
                schema: schema(errorBody),
                examples: Object.fromEntries(Object.entries(r.examples).map(([code, value]) => [code, { summary: code, value }])),
              },
            },
          },
        ]),
      ),
    },
    paths: {
      "/models": { get: { summary: "List models with credit prices", responses: { 200: ok(z.object({ defaultModel: z.string(), models: z.array(modelSummary) }), "GET /models") } } },
      "/models/{slug}": { get: { summary: "Get one model", ...keyed, parameters: pathParam("slug", "procedural"), responses: { 200: ok(modelDetail, "GET /models/{slug}"), ...errors(401, 404, 429) } } },
      "/styles": { get: { summary: "List style presets grouped by category", responses: { 200: ok(z.object({ defaultStyle: z.string(), categories: z.array(styleCategoryView) }), "GET /styles") } } },
      "/styles/{slug}": { get: { summary: "Get one style", ...keyed, parameters: pathParam("slug", "watercolor"), responses: { 200: ok(styleView, "GET /styles/{slug}"), ...errors(401, 404, 429) } } },
      "/shapes": { get: { summary: "List shapes (aspect ratios and pixel sizes)", responses: { 200: ok(z.object({ defaultShape: z.string(), shapes: z.array(shapeView) }), "GET /shapes") } } },
      "/shapes/{slug}": { get: { summary: "Get one shape", ...keyed, parameters: pathParam("slug", "landscape-wide"), responses: { 200: ok(shapeView, "GET /shapes/{slug}"), ...errors(401, 404, 429) } } },
      "/credits": { get: { summary: "Balance and plan", ...keyed, responses: { 200: ok(creditsView, "GET /credits"), ...errors(401, 429) } } },
      "/generate": {
        post: {
          summary: "Submit a generation; poll the batch for results",
          ...keyed,
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              schema: { type: "string", maxLength: 255 },
              description:
                "Makes the request safe to retry for 24 h: the same key and body replay the first response " +
                "(with `Idempotent-Replayed: true`) without a second reservation; the same key with another body is 422.",
            },
          ],
          requestBody: { required: true, content: { "application/json": { schema: schema(generateInput, "input"), example: generateRequestExample } } },
          responses: {
            202: { ...ok(submitResult, "POST /generate", "Accepted: credits reserved, images queued"), headers: limitHeaders },
            ...errors(400, 401, 403, 409, 413, 422, 429),
          },
        },
      },
      "/batches/{batchId}": {
        get: {
          summary: "Batch status with image URLs once done",
          description:
            "With `wait=N` (seconds, at most 30) the request is held until the batch changes (an image finished, the status " +
            "moved) or N seconds pass, and answers at once when the batch is already finished: a client following a batch " +
            "makes a few requests instead of one a second against its rate limit. A missing or foreign batch is 404 at once.",
          ...keyed,
          parameters: [
            ...pathParam("batchId", "bat_9fH3kL2pQ7rS4tU6"),
            { name: "wait", in: "query", schema: { type: "number", minimum: 0, maximum: 30, default: 0 }, description: "Seconds to wait for a change" },
          ],
          responses: { 200: ok(batchView, "GET /batches/{batchId}"), ...errors(400, 401, 404, 429) },
        },
      },
      "/images": {
        get: {
          summary: "Your finished images, newest first",
          ...keyed,
          parameters: [
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 }, example: 20 },
            { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
          ],
          responses: { 200: ok(z.object({ images: z.array(imageView), nextCursor: z.string().nullable() }), "GET /images"), ...errors(400, 401, 429) },
        },
      },
      "/images/{imageId}": { get: { summary: "One image with a download URL", ...keyed, parameters: pathParam("imageId", "img_5kQ2mT8vXw3yZ1aB"), responses: { 200: ok(imageView, "GET /images/{imageId}"), ...errors(401, 404, 429) } } },
      "/images/{imageId}/preview": {
        get: {
          summary: "A WebP preview of one image (longest side at most 512 px, made on first request if missing)",
          ...keyed,
          parameters: pathParam("imageId", "img_5kQ2mT8vXw3yZ1aB"),
          responses: {
            200: {
              description: "The preview; cacheable privately for an hour, with an ETag",
              headers: {
                "X-Preview-Width": { description: "The preview's width in pixels", schema: { type: "integer" } },
                "X-Preview-Height": { description: "The preview's height in pixels", schema: { type: "integer" } },
                ETag: { schema: { type: "string" } },
              },
              content: { "image/webp": { schema: { type: "string", contentMediaType: "image/webp" } } },
            },
            304: { description: "Not modified (If-None-Match matched the ETag)" },
            ...errors(401, 403, 404, 409, 429),
          },
        },
      },
    },
  };
}
