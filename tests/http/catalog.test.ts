import { beforeAll, describe, expect, it } from "vitest";
import { call, newKey } from "./client";

describe("catalog endpoints", () => {
  let key: string;
  beforeAll(async () => {
    ({ key } = await newKey());
  });

  it("GET /models lists at least 40 models with prices, without a key", async () => {
    const r = await call("/api/v1/models");
    expect(r.status).toBe(200);
    expect(r.headers.get("x-request-id")).toMatch(/^req_/);
    expect(r.body.models.length).toBeGreaterThanOrEqual(40);
    expect(r.body.defaultModel).toBe("procedural");
    const procedural = r.body.models.find((m: any) => m.slug === "procedural");
    expect(procedural).toMatchObject({ available: true, default: true, pricing: { standard: 1, hd: 2 } });
    for (const m of r.body.models) {
      expect(Number.isInteger(m.pricing.standard) && m.pricing.standard > 0).toBe(true);
      expect(m.pricing.hd).toBeGreaterThanOrEqual(m.pricing.standard);
    }
    expect(r.body.models.find((m: any) => m.slug === "flux-2")).toMatchObject({ available: false });
  });

  it("GET /models/{slug} needs a key and returns the detail", async () => {
    expect((await call("/api/v1/models/flux-2")).status).toBe(401);
    const r = await call("/api/v1/models/flux-2", { key });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(
      expect.arrayContaining(["slug", "name", "bestFor", "description", "tags", "released", "pricing", "researcher", "researcherUrl", "urls", "samplePrompts"]),
    );
    const missing = await call("/api/v1/models/no-such-model", { key });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: "not_found", requestId: expect.stringMatching(/^req_/) });
  });

  it("GET /styles groups styles by category; GET /styles/{slug} has the template", async () => {
    const r = await call("/api/v1/styles");
    expect(r.status).toBe(200);
    const all = r.body.categories.flatMap((c: any) => c.styles.map((s: any) => s.slug));
    expect(all.length).toBeGreaterThanOrEqual(24);
    expect(all).toEqual(expect.arrayContaining(["no-style", "watercolor", "anime", "art-deco", "oil-painting"]));
    const one = await call("/api/v1/styles/watercolor", { key });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ slug: "watercolor", category: expect.any(String), prompt: expect.stringContaining("{prompt}") });
    expect(Array.isArray(one.body.alias)).toBe(true);
    const preview = await fetch(one.body.image);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toBe("image/webp");
    expect((await call("/api/v1/styles/nope", { key })).status).toBe(404);
  });

  it("GET /shapes lists sizes; GET /shapes/{slug} has the aspect ratio", async () => {
    const r = await call("/api/v1/shapes");
    expect(r.status).toBe(200);
    expect(r.body.shapes.length).toBeGreaterThanOrEqual(8);
    const one = await call("/api/v1/shapes/landscape-wide", { key });
    expect(one.body).toMatchObject({ slug: "landscape-wide", aspectRatio: "16:9", width: 1344, height: 756 });
    expect((await call("/api/v1/shapes/hexagon", { key })).status).toBe(404);
  });

  it("GET /openapi.json is an OpenAPI 3.1 document covering every endpoint", async () => {
    const r = await call("/api/v1/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe("3.1.0");
    expect(Object.keys(r.body.paths)).toEqual(
      expect.arrayContaining(["/models", "/models/{slug}", "/styles", "/styles/{slug}", "/shapes", "/shapes/{slug}", "/credits", "/generate", "/batches/{batchId}", "/images", "/images/{imageId}"]),
    );
    const body = r.body.paths["/generate"].post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(["prompt"]);
    expect(body.properties.count).toMatchObject({ minimum: 1, maximum: 4 });
  });

  it("unknown /api/v1 paths answer a JSON 404", async () => {
    const r = await call("/api/v1/nothing-here");
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("not_found");
  });
});
