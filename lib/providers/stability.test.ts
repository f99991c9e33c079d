import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { startFakeStability } from "@/tests/fixtures/fake-stability";
import { failure, testJob, useFake } from "@/tests/helpers/provider-client";
import { isProviderError } from "./errors";
import { stabilityAspectRatio, stabilityProvider, stabilityStylePreset } from "./stability";
import type { ShapeSpec, SyncClient } from "./types";

const read = (f: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../db/catalog", f), "utf8"));
const MODELS: string[] = read("models.json").filter((m: { provider: string }) => m.provider === "stability").map((m: { providerModelId: string }) => m.providerModelId);
const SHAPES: ShapeSpec[] = read("shapes.json");
const STYLES: string[] = read("styles.json").map((s: { slug: string }) => s.slug);
const shape = (slug: string) => SHAPES.find((s) => s.slug === slug)!;

const job = testJob({ modelId: "core", seed: 1234, style: { slug: "no-style", palette: [] } });
const io = () => ({ signal: AbortSignal.timeout(15_000) });

const ctx = useFake(startFakeStability, (f) => stabilityProvider.fromEnv(f.env) as SyncClient);
const fields = (i = 0) => ctx.fake.requests[i].body as Record<string, string>;

describe("stability adapter", () => {
  it("is configured only by STABILITY_API_KEY", () => {
    expect(stabilityProvider.fromEnv({})).toBeNull();
    expect(stabilityProvider.fromEnv({ STABILITY_API_KEY: "k" })?.kind).toBe("sync");
  });

  it.each(MODELS)("%s: the right endpoint and fields, one PNG back", async (modelId) => {
    const out = await ctx.client.generate(job({ modelId, shape: shape("landscape-wide") }), io());
    const meta = await sharp((out as { bytes: Uint8Array }).bytes).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width! / meta.height!).toBeCloseTo(16 / 9, 1);
    const sd3 = modelId.startsWith("sd3");
    expect(ctx.fake.requests[0].url).toBe(`/v2beta/stable-image/generate/${sd3 ? "sd3" : modelId}`);
    expect(fields()).toMatchObject({ aspect_ratio: "16:9", output_format: "png", seed: "1234", ...(sd3 ? { model: modelId } : {}) });
    expect(ctx.fake.requests[0].headers.accept).toBe("image/*");
    expect(ctx.fake.submissions()).toBe(1);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("sends the seed only when the job has one, and a style preset only when the style is one", async () => {
    await ctx.client.generate(job({ seed: undefined, style: { slug: "watercolor", palette: [] } }), io());
    await ctx.client.generate(job({ seed: 0, style: { slug: "anime", palette: [] } }), io());
    expect(fields(0)).not.toHaveProperty("seed");
    expect(fields(0)).not.toHaveProperty("style_preset");
    expect(fields(1)).toMatchObject({ seed: "0", style_preset: "anime" });
    expect(Object.keys(fields(1)).sort()).toEqual(["aspect_ratio", "output_format", "prompt", "seed", "style_preset"]);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("poll behaves like ok", async () => {
    ctx.fake.setScenario("poll");
    await expect(ctx.client.generate(job(), io())).resolves.toHaveProperty("bytes");
  });

  it("rate-limit → rate_limited with Retry-After, then succeeds", async () => {
    ctx.fake.setScenario("rate-limit");
    const err = await failure(ctx.client.generate(job(), io()));
    expect(err.kind).toBe("rate_limited");
    expect(err.retryAfterMs).toBe(1000);
    await expect(ctx.client.generate(job(), io())).resolves.toHaveProperty("bytes");
    expect(ctx.fake.violations).toEqual([]);
  });

  it("flaky → transient, then succeeds", async () => {
    ctx.fake.setScenario("flaky");
    const err = await failure(ctx.client.generate(job(), io()));
    expect(err.kind).toBe("transient");
    expect(err.message).not.toMatch(/secret/);
    await expect(ctx.client.generate(job(), io())).resolves.toHaveProperty("bytes");
  });

  it("bad-json (not an image) → transient", async () => {
    ctx.fake.setScenario("bad-json");
    expect((await failure(ctx.client.generate(job(), io()))).kind).toBe("transient");
  });

  it("moderation (403 content_moderation) → moderation, provider text only in detail", async () => {
    ctx.fake.setScenario("moderation");
    const err = await failure(ctx.client.generate(job(), io()));
    expect(err.kind).toBe("moderation");
    expect(err.message).not.toMatch(/secret|flagged/);
    expect(err.detail).toMatch(/content_moderation/);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("finish-reason CONTENT_FILTERED → moderation (the blurred image is not delivered)", async () => {
    const err = await failure(ctx.client.generate(job({ prompt: "[filtered] a fox" }), io()));
    expect(err.kind).toBe("moderation");
  });

  it("a wrong key (401) → auth", async () => {
    const wrong = stabilityProvider.fromEnv({ ...ctx.fake.env, STABILITY_API_KEY: "sk-wrong" }) as SyncClient;
    expect((await failure(wrong.generate(job(), io()))).kind).toBe("auth");
    expect(ctx.fake.violations).toEqual([]);
  });

  it("slow → the abort, not a provider failure", async () => {
    ctx.fake.setScenario("slow");
    const err = await failure(ctx.client.generate(job(), { signal: AbortSignal.timeout(300) }));
    expect(isProviderError(err)).toBe(false);
  });

  it("an unknown model id → invalid, nothing sent", async () => {
    expect((await failure(ctx.client.generate(job({ modelId: "sdxl" }), io()))).kind).toBe("invalid");
    expect(ctx.fake.requests).toEqual([]);
  });
});

// Stability's documented aspect ratios and style presets (platform.stability.ai API reference).
const DOC_RATIOS = ["16:9", "1:1", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21"];
const DOC_PRESETS = ["3d-model", "analog-film", "anime", "cinematic", "comic-book", "digital-art", "enhance", "fantasy-art", "isometric", "line-art", "low-poly", "modeling-compound", "neon-punk", "origami", "photographic", "pixel-art", "tile-texture"];
const dist = (ratio: string, s: ShapeSpec) => {
  const [a, b] = ratio.split(":").map(Number);
  return Math.abs(Math.log(a / b / (s.width / s.height)));
};

describe("stability mappings over the catalog", () => {
  const cases = MODELS.flatMap((m) => SHAPES.map((s) => [m, s.slug, s] as const));
  it.each(cases)("%s × %s → a documented ratio, the nearest", (_m, _slug, s) => {
    const ratio = stabilityAspectRatio(s);
    expect(DOC_RATIOS).toContain(ratio);
    expect(dist(ratio, s)).toBeCloseTo(Math.min(...DOC_RATIOS.map((a) => dist(a, s))), 9);
  });

  it.each(STYLES)("style %s → its preset only when Stability documents one by that name", (slug) => {
    expect(stabilityStylePreset(slug)).toBe(DOC_PRESETS.includes(slug) ? slug : undefined);
  });
});
