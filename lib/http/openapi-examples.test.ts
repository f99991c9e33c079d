import { describe, expect, it } from "vitest";
import { z } from "zod";
import { modelDetail, modelSummary, shapeView, styleCategoryView, styleView } from "@/lib/catalog/schemas";
import { creditsView } from "@/lib/credits/schemas";
import { HTTP_STATUS, type ErrorCode } from "@/lib/errors";
import { batchView, generateInput, imageView, submitResult } from "@/lib/generation/schemas";
import { buildOpenApi } from "./openapi";
import { errorResponses, generateRequestExample, responseExamples } from "./openapi-examples";

// What each operation answers, as the route handlers' own schemas say.
const SCHEMAS: Record<string, z.ZodType> = {
  "GET /models": z.strictObject({ defaultModel: z.string(), models: z.array(modelSummary.strict()) }),
  "GET /models/{slug}": modelDetail.strict(),
  "GET /styles": z.strictObject({ defaultStyle: z.string(), categories: z.array(styleCategoryView) }),
  "GET /styles/{slug}": styleView.strict(),
  "GET /shapes": z.strictObject({ defaultShape: z.string(), shapes: z.array(shapeView) }),
  "GET /shapes/{slug}": shapeView.strict(),
  "GET /credits": creditsView.strict(),
  "POST /generate": submitResult.strict(),
  "GET /batches/{batchId}": batchView.strict(),
  "GET /images": z.strictObject({ images: z.array(imageView.strict()), nextCursor: z.string().nullable() }),
  "GET /images/{imageId}": imageView.strict(),
};

type Doc = ReturnType<typeof buildOpenApi>;
const doc = buildOpenApi("https://pixola.example.com") as Doc & { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
// Operations whose success body is binary (an image), described by its media type, not a JSON example.
const BINARY = ["GET /images/{imageId}/preview"];

describe("OpenAPI examples", () => {
  it("every operation has a 2xx example that its response schema accepts", () => {
    const ops = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .filter((op) => !BINARY.includes(op));
    expect(Object.keys(SCHEMAS).sort()).toEqual(ops.sort());
    for (const op of ops) {
      const parsed = SCHEMAS[op].safeParse(responseExamples[op]);
      expect(parsed.error?.issues ?? [], op).toEqual([]);
    }
  });

  it("the generate request example is a valid request", () => {
    expect(generateInput.parse(generateRequestExample)).toEqual(generateRequestExample);
  });

  it("each named error response's examples carry a code that the API answers with that status", () => {
    for (const [status, r] of Object.entries(errorResponses)) {
      for (const [name, body] of Object.entries(r.examples)) {
        expect(name).toBe(body.error.code);
        expect(HTTP_STATUS[body.error.code as ErrorCode], `${r.name}: ${name}`).toBe(Number(status));
        expect(body.error.message.length).toBeGreaterThan(10);
      }
    }
    expect(Object.keys(errorResponses)).toEqual(expect.arrayContaining(["400", "401", "404", "409", "413", "422", "429"]));
  });

  it("operations refer to error responses by name, never a generic Error", () => {
    const refs = JSON.stringify(doc.paths).match(/#\/components\/responses\/\w+/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    const names = new Set(Object.keys(doc.components.responses));
    for (const ref of refs) expect(names.has(ref.split("/").pop()!), ref).toBe(true);
    expect(names.has("Error")).toBe(false);
  });
});
