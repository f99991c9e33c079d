import { describe, expect, it } from "vitest";
import sharp from "sharp";
import models from "@/db/catalog/models.json";
import shapes from "@/db/catalog/shapes.json";
import { startFakeReplicate } from "@/tests/fixtures/fake-replicate";
import { failure, runToDone, testJob, useFake } from "@/tests/helpers/provider-client";
import { ProviderError } from "./errors";
import { classifyPredictionError, replicateProvider, replicateSize } from "./replicate";
import type { ProviderJob, QueueClient } from "./types";

const io = { signal: new AbortController().signal };
const job = testJob({
  modelId: "ideogram-ai/ideogram-v2-turbo",
  prompt: "a birthday card that says 'Happy 30th'",
  rawPrompt: "a birthday card",
  seed: 42,
});

const ctx = useFake(startFakeReplicate, (f) => replicateProvider.fromEnv(f.env) as QueueClient);
const run = (j: ProviderJob) => runToDone(ctx.client, j, io, { provider: "replicate" });
const creates = () => ctx.fake.requests.filter((r) => r.method === "POST").map((r) => r.body as { input: Record<string, unknown> });

describe("replicate adapter against the fake", () => {
  it("is configured only by REPLICATE_API_TOKEN", () => {
    expect(replicateProvider.fromEnv({})).toBeNull();
    expect(replicateProvider.fromEnv({ REPLICATE_API_TOKEN: "x" })?.kind).toBe("queue");
  });

  it.each(["ok", "url"] as const)("%s: a raster model is done on the first check", async (scenario) => {
    ctx.fake.setScenario(scenario);
    const { bytes, checks } = await run(job());
    expect(checks).toBe(1);
    expect((await sharp(bytes).metadata()).format).toBe("png");
    expect(creates()[0].input).toEqual({ prompt: job().prompt, aspect_ratio: "1:1", seed: 42 });
    expect(ctx.fake.requests[0].headers.prefer).toBe("wait=5");
    expect(ctx.fake.submissions()).toBe(1);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("recraft-v3-svg yields an SVG and gets no seed (its schema has none)", async () => {
    const { bytes } = await run(job({ modelId: "recraft-ai/recraft-v3-svg", output: "vector" }));
    expect((await sharp(bytes).metadata()).format).toBe("svg");
    expect(creates()[0].input).toEqual({ prompt: job().prompt, aspect_ratio: "1:1" });
    expect(ctx.fake.violations).toEqual([]);
  });

  it("takes the first URL of a list output and omits an undefined seed", async () => {
    const { bytes } = await run(job({ modelId: "black-forest-labs/flux-schnell", seed: undefined }));
    expect((await sharp(bytes).metadata()).format).toBe("png");
    expect(creates()[0].input).not.toHaveProperty("seed");
    expect(ctx.fake.violations).toEqual([]);
  });

  it("poll: pending until the prediction succeeds, one submission", async () => {
    ctx.fake.setScenario("poll", { pendingChecks: 3 });
    const { checks } = await run(job());
    expect(checks).toBe(4);
    expect(ctx.fake.submissions()).toBe(1);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("slow: stays pending and never resubmits", async () => {
    ctx.fake.setScenario("slow");
    const handle = await ctx.client.submit(job(), io);
    for (let i = 0; i < 4; i++) expect(await ctx.client.check(handle, job(), io)).toEqual({ state: "pending" });
    expect(ctx.fake.submissions()).toBe(1);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("rate-limit: 429 is rate_limited with Retry-After, then succeeds", async () => {
    ctx.fake.setScenario("rate-limit");
    const err = await failure(ctx.client.submit(job(), io));
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.kind).toBe("rate_limited");
    expect(err.retryAfterMs).toBe(1000);
    await run(job());
    expect(ctx.fake.violations).toEqual([]);
  });

  it("flaky: 500 is transient without provider text in the message, then succeeds", async () => {
    ctx.fake.setScenario("flaky");
    const err = await failure(ctx.client.submit(job(), io));
    expect(err.kind).toBe("transient");
    expect(err.message).not.toMatch(/secret/);
    await run(job());
    expect(ctx.fake.violations).toEqual([]);
  });

  it("moderation: a prediction failed as sensitive is moderation", async () => {
    ctx.fake.setScenario("moderation");
    const handle = await ctx.client.submit(job(), io);
    const err = await failure(ctx.client.check(handle, job(), io));
    expect(err.kind).toBe("moderation");
    expect(err.message).not.toMatch(/flagged|E005/);
    expect(err.detail).toMatch(/E005/);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("bad-json: a malformed answer is transient", async () => {
    ctx.fake.setScenario("bad-json");
    expect((await failure(ctx.client.submit(job(), io))).kind).toBe("transient");
    expect(ctx.fake.violations).toEqual([]);
  });

  it("classifies failed predictions by their error text", () => {
    expect(classifyPredictionError("NSFW content detected in the image")).toBe("moderation");
    expect(classifyPredictionError("Input validation failed: aspect_ratio must be one of ...")).toBe("invalid");
    expect(classifyPredictionError("CUDA out of memory")).toBe("transient");
    expect(classifyPredictionError(null)).toBe("transient");
  });
});

// Documented aspect_ratio enums, copied from the models' Replicate API schemas (not from the adapter).
const DOCUMENTED: Record<string, string[]> = {
  "ideogram-ai/ideogram-v2-turbo": ["1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "16:10", "10:16", "3:1", "1:3"],
  "recraft-ai/recraft-v3-svg": ["1:1", "4:3", "3:4", "3:2", "2:3", "16:9", "9:16", "1:2", "2:1", "7:5", "5:7", "4:5", "5:4", "3:5", "5:3"],
};
const logRatio = (r: string) => {
  const [w, h] = r.split(":").map(Number);
  return Math.log(w / h);
};
const catalog = models.filter((m) => m.provider === "replicate");

describe("replicate shape mapping", () => {
  it("covers every catalog model", () => {
    expect(catalog.map((m) => m.providerModelId).sort()).toEqual(Object.keys(DOCUMENTED).sort());
  });
  const cases = catalog.flatMap((m) => shapes.map((s) => [m.providerModelId, s.slug, s] as const));
  it.each(cases)("%s × %s: a documented ratio nearest the shape", (modelId, _slug, shape) => {
    const { aspect_ratio } = replicateSize(modelId, shape);
    const documented = DOCUMENTED[modelId];
    expect(documented).toContain(aspect_ratio);
    const want = Math.log(shape.width / shape.height);
    const best = Math.min(...documented.map((r) => Math.abs(logRatio(r) - want)));
    expect(Math.abs(logRatio(aspect_ratio) - want)).toBeCloseTo(best, 9);
  });
});
