import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { startFakeGoogle } from "@/tests/fixtures/fake-google";
import { failure, testJob, useFake } from "@/tests/helpers/provider-client";
import { isProviderError } from "./errors";
import { googleAspectRatio, googleProvider } from "./google";
import type { ShapeSpec, SyncClient } from "./types";

const read = (f: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../db/catalog", f), "utf8"));
const MODELS: string[] = read("models.json").filter((m: { provider: string }) => m.provider === "google").map((m: { providerModelId: string }) => m.providerModelId);
const SHAPES: ShapeSpec[] = read("shapes.json");
const shape = (slug: string) => SHAPES.find((s) => s.slug === slug)!;

const job = testJob({ modelId: "imagen-4.0-generate-001", style: { slug: "no-style", palette: [] } });
const io = () => ({ signal: AbortSignal.timeout(15_000) });
const IMAGEN = "imagen-4.0-generate-001";
const GEMINI = "gemini-3-pro-image-preview";

const ctx = useFake(startFakeGoogle, (f) => googleProvider.fromEnv(f.env) as SyncClient);

describe("google adapter", () => {
  it("is configured only by GOOGLE_GENERATIVE_AI_API_KEY", () => {
    expect(googleProvider.fromEnv({})).toBeNull();
    expect(googleProvider.fromEnv({ GOOGLE_GENERATIVE_AI_API_KEY: "k" })?.kind).toBe("sync");
  });

  it.each(MODELS)("%s: one PNG at the shape's aspect, via its family's endpoint", async (modelId) => {
    const out = await ctx.client.generate(job({ modelId, shape: shape("portrait-tall") }), io());
    const meta = await sharp((out as { bytes: Uint8Array }).bytes).metadata();
    expect(meta.format).toBe("png");
    expect(meta.height! / meta.width!).toBeCloseTo(16 / 9, 2);
    expect(ctx.fake.requests[0].url).toMatch(modelId.startsWith("gemini-") ? /:generateContent$/ : /:predict$/);
    expect(ctx.fake.requests[0].headers["x-goog-api-key"]).toBe(ctx.fake.env.GOOGLE_GENERATIVE_AI_API_KEY);
    expect(ctx.fake.submissions()).toBe(1);
    expect(ctx.fake.violations).toEqual([]);
  });

  // hd → 2K only where the model documents a size knob.
  it.each([
    ["imagen-4.0-generate-001", "sampleImageSize", "2K"],
    ["imagen-4.0-ultra-generate-001", "sampleImageSize", "2K"],
    ["imagen-4.0-fast-generate-001", "sampleImageSize", undefined],
    ["gemini-3-pro-image-preview", "imageSize", "2K"],
    ["gemini-3.1-flash-image-preview", "imageSize", "2K"],
    ["gemini-2.5-flash-image", "imageSize", undefined],
  ])("hd on %s sets %s = %s", async (modelId, field, value) => {
    await ctx.client.generate(job({ modelId, quality: "hd" }), io());
    const b = ctx.fake.requests[0].body as { parameters?: Record<string, unknown>; generationConfig?: { imageConfig: Record<string, unknown> } };
    expect((b.parameters ?? b.generationConfig!.imageConfig)[field]).toBe(value);
    expect(ctx.fake.violations).toEqual([]);
  });

  it.each([IMAGEN, GEMINI])("%s: poll behaves like ok", async (modelId) => {
    ctx.fake.setScenario("poll");
    await expect(ctx.client.generate(job({ modelId }), io())).resolves.toHaveProperty("bytes");
  });

  it.each([IMAGEN, GEMINI])("%s: rate-limit → rate_limited with Retry-After, then succeeds", async (modelId) => {
    ctx.fake.setScenario("rate-limit");
    const err = await failure(ctx.client.generate(job({ modelId }), io()));
    expect(err.kind).toBe("rate_limited");
    expect(err.retryAfterMs).toBe(1000);
    await expect(ctx.client.generate(job({ modelId }), io())).resolves.toHaveProperty("bytes");
    expect(ctx.fake.violations).toEqual([]);
  });

  it.each([IMAGEN, GEMINI])("%s: flaky → transient, then succeeds", async (modelId) => {
    ctx.fake.setScenario("flaky");
    const err = await failure(ctx.client.generate(job({ modelId }), io()));
    expect(err.kind).toBe("transient");
    expect(err.message).not.toMatch(/secret/);
    await expect(ctx.client.generate(job({ modelId }), io())).resolves.toHaveProperty("bytes");
  });

  it.each([IMAGEN, GEMINI])("%s: bad-json → transient", async (modelId) => {
    ctx.fake.setScenario("bad-json");
    expect((await failure(ctx.client.generate(job({ modelId }), io()))).kind).toBe("transient");
  });

  // Imagen: raiFilteredReason; 2.5 Flash Image: promptFeedback.blockReason; Gemini 3: finishReason IMAGE_SAFETY.
  it.each([IMAGEN, "gemini-2.5-flash-image", GEMINI])("%s: moderation → moderation, provider text only in detail", async (modelId) => {
    ctx.fake.setScenario("moderation");
    const err = await failure(ctx.client.generate(job({ modelId }), io()));
    expect(isProviderError(err)).toBe(true);
    expect(err.kind).toBe("moderation");
    expect(err.message).not.toMatch(/secret|Filtered/);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("a Gemini answer with no inline image → transient", async () => {
    const err = await failure(ctx.client.generate(job({ modelId: GEMINI, prompt: "[text-only] a fox" }), io()));
    expect(err.kind).toBe("transient");
  });

  it.each([IMAGEN, GEMINI])("%s: slow → the abort, not a provider failure", async (modelId) => {
    ctx.fake.setScenario("slow");
    const err = await failure(ctx.client.generate(job({ modelId }), { signal: AbortSignal.timeout(300) }));
    expect(isProviderError(err)).toBe(false);
  });

  it("sends no seed and one image per call", async () => {
    await ctx.client.generate(job({ seed: 42 }), io());
    await ctx.client.generate(job({ modelId: GEMINI, seed: 42 }), io());
    expect(JSON.stringify(ctx.fake.requests.map((r) => r.body))).not.toMatch(/seed|42/);
    expect(ctx.fake.violations).toEqual([]);
  });
});

// Documented aspect ratios (providers.md §3.5, ai.google.dev), independent of the adapter's lists.
const DOC = {
  imagen: ["1:1", "3:4", "4:3", "9:16", "16:9"],
  gemini: ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"],
};
const dist = (ratio: string, s: ShapeSpec) => {
  const [a, b] = ratio.split(":").map(Number);
  return Math.abs(Math.log(a / b / (s.width / s.height)));
};

describe("googleAspectRatio over the catalog", () => {
  const cases = MODELS.flatMap((m) => SHAPES.map((s) => [m, s.slug, s] as const));
  it.each(cases)("%s × %s → a documented ratio, the nearest", (modelId, _slug, s) => {
    const allowed = modelId.startsWith("gemini-") ? DOC.gemini : DOC.imagen;
    const ratio = googleAspectRatio(modelId, s);
    expect(allowed).toContain(ratio);
    expect(dist(ratio, s)).toBeCloseTo(Math.min(...allowed.map((a) => dist(a, s))), 9);
  });
});
