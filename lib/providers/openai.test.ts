import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { startFakeOpenAiProvider } from "@/tests/fixtures/fake-openai";
import { failure, testJob, useFake } from "@/tests/helpers/provider-client";
import { isProviderError } from "./errors";
import { openAiSize, openaiProvider } from "./openai";
import type { ShapeSpec, SyncClient } from "./types";

const read = (f: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../db/catalog", f), "utf8"));
const MODELS: { providerModelId: string; provider: string }[] = read("models.json").filter((m: { provider: string }) => m.provider === "openai");
const SHAPES: ShapeSpec[] = read("shapes.json");

const job = testJob({ modelId: "gpt-image-1", style: { slug: "no-style", palette: [] } });
const io = () => ({ signal: AbortSignal.timeout(15_000) });

const ctx = useFake(startFakeOpenAiProvider, (f) => openaiProvider.fromEnv(f.env) as SyncClient);

describe("openai adapter", () => {
  it("is configured only by OPENAI_API_KEY", () => {
    expect(openaiProvider.fromEnv({})).toBeNull();
    expect(openaiProvider.fromEnv({ OPENAI_API_KEY: "k" })?.kind).toBe("sync");
  });

  it.each(MODELS.map((m) => m.providerModelId))("%s: one image as PNG bytes, quality mapped per model", async (modelId) => {
    for (const quality of ["standard", "hd"] as const) {
      const out = await ctx.client.generate(job({ modelId, quality, shape: SHAPES.find((s) => s.slug === "landscape-wide")! }), io());
      expect("bytes" in out).toBe(true);
      const meta = await sharp((out as { bytes: Uint8Array }).bytes).metadata();
      expect(meta.format).toBe("png");
      expect(meta.width! > meta.height!).toBe(true);
    }
    const sent = ctx.fake.requests.map((r) => (r.body as { quality: string }).quality);
    expect(sent).toEqual(modelId === "dall-e-3" ? ["standard", "hd"] : ["medium", "high"]);
    expect(ctx.fake.submissions()).toBe(2);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("poll behaves like ok (a synchronous API)", async () => {
    ctx.fake.setScenario("poll");
    await expect(ctx.client.generate(job(), io())).resolves.toHaveProperty("bytes");
    expect(ctx.fake.violations).toEqual([]);
  });

  it("rate-limit → rate_limited with Retry-After, then succeeds", async () => {
    ctx.fake.setScenario("rate-limit");
    const err = await failure(ctx.client.generate(job(), io()));
    expect(err.kind).toBe("rate_limited");
    expect(err.retryAfterMs).toBe(1000);
    await expect(ctx.client.generate(job(), io())).resolves.toHaveProperty("bytes");
    expect(ctx.fake.violations).toEqual([]);
  });

  it("flaky → transient, then succeeds; no provider text in the message", async () => {
    ctx.fake.setScenario("flaky");
    const err = await failure(ctx.client.generate(job(), io()));
    expect(err.kind).toBe("transient");
    expect(err.message).not.toMatch(/secret/);
    expect(err.detail).toMatch(/500/);
    await expect(ctx.client.generate(job(), io())).resolves.toHaveProperty("bytes");
  });

  it("bad-json → transient", async () => {
    ctx.fake.setScenario("bad-json");
    expect((await failure(ctx.client.generate(job(), io()))).kind).toBe("transient");
    expect(ctx.fake.violations).toEqual([]);
  });

  it.each(["gpt-image-1", "dall-e-3"])("moderation (%s) → moderation, provider text only in detail", async (modelId) => {
    ctx.fake.setScenario("moderation");
    const err = await failure(ctx.client.generate(job({ modelId }), io()));
    expect(isProviderError(err)).toBe(true);
    expect(err.kind).toBe("moderation");
    expect(err.message).not.toMatch(/secret|safety system/);
    expect(err.detail).toMatch(/secret/);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("slow → the job's abort surfaces as the abort, not a provider failure", async () => {
    ctx.fake.setScenario("slow");
    const err = await failure(ctx.client.generate(job(), { signal: AbortSignal.timeout(300) }));
    expect(isProviderError(err)).toBe(false);
    expect((err as Error).name).toBe("TimeoutError");
  });

  it("an unreachable server → transient", async () => {
    const down = openaiProvider.fromEnv({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" }) as SyncClient;
    expect((await failure(down.generate(job(), io()))).kind).toBe("transient");
  });

  it("sends the key as Bearer and nothing of the Pixola user", async () => {
    await ctx.client.generate(job(), io());
    const [r] = ctx.fake.requests;
    expect(r.headers.authorization).toBe(`Bearer ${ctx.fake.env.OPENAI_API_KEY}`);
    expect(Object.keys(r.body as object).sort()).toEqual(["model", "n", "prompt", "quality", "size"]);
  });
});

// Documented sizes (providers.md §3.3), written independently of the adapter's table.
const DOC_SIZES: Record<string, string[]> = {
  gpt: ["1024x1024", "1536x1024", "1024x1536"],
  "dall-e-3": ["1024x1024", "1792x1024", "1024x1792"],
};
const dist = (size: string, shape: ShapeSpec) => {
  const [w, h] = size.split("x").map(Number);
  return Math.abs(Math.log(w / h / (shape.width / shape.height)));
};

describe("openAiSize over the catalog", () => {
  const cases = MODELS.flatMap((m) => SHAPES.map((s) => [m.providerModelId, s.slug, s] as const));
  it.each(cases)("%s × %s → a documented size, the nearest aspect", (modelId, _slug, shape) => {
    const allowed = DOC_SIZES[modelId === "dall-e-3" ? "dall-e-3" : "gpt"];
    const size = openAiSize(shape.width, shape.height, modelId);
    expect(allowed).toContain(size);
    expect(dist(size, shape)).toBeCloseTo(Math.min(...allowed.map((a) => dist(a, shape))), 9);
  });

  it("keeps the two-argument form for GPT image models", () => {
    expect(openAiSize(1344, 756)).toBe("1536x1024");
    expect(openAiSize(756, 1344)).toBe("1024x1536");
  });
});
