import { afterEach, describe, expect, it } from "vitest";
import models from "@/db/catalog/models.json";
import shapes from "@/db/catalog/shapes.json";
import { startFakeFal } from "@/tests/fixtures/fake-fal";
import { runToDone, testJob, useFake } from "@/tests/helpers/provider-client";
import { ProviderError } from "./errors";
import { falAppPath, falProvider, falSize } from "./fal";
import type { ProviderJob, QueueClient } from "./types";

const job = testJob({
  modelId: "fal-ai/flux-2",
  prompt: "a lighthouse, watercolor",
  rawPrompt: "a lighthouse",
  seed: 7,
  shape: { slug: "landscape-wide", width: 1344, height: 756, aspectRatio: "16:9" },
  style: { slug: "watercolor", palette: [] },
});
const io = () => ({ signal: AbortSignal.timeout(10_000) });

describe("fal adapter against the queue fake", () => {
  const ctx = useFake(startFakeFal, (f) => falProvider.fromEnv(f.env) as QueueClient);
  const runToEnd = (j: ProviderJob) => runToDone(ctx.client, j, io, { provider: "fal", maxChecks: 20 });
  afterEach(() => expect(ctx.fake.violations).toEqual([]));

  it("is configured by FAL_KEY only", () => {
    expect(falProvider.fromEnv({})).toBeNull();
    expect(falProvider.fromEnv({ FAL_KEY: "k" })).not.toBeNull();
  });

  for (const scenario of ["ok", "poll", "url"] as const) {
    it(`${scenario}: submits once, polls under owner/alias, returns a URL that serves a PNG`, async () => {
      ctx.fake.setScenario(scenario);
      const { output: out, meta } = await runToEnd(job({ modelId: "fal-ai/flux-2/turbo" }));
      expect(ctx.fake.submissions()).toBe(1);
      expect("url" in out).toBe(true);
      expect([meta.format, meta.width, meta.height]).toEqual(["png", 1344, 756]);
      expect(ctx.fake.requests.some((r) => r.url.startsWith("/fal-ai/flux-2/requests/"))).toBe(true);
    });
  }

  it("429 on submit is rate_limited with Retry-After in ms", async () => {
    ctx.fake.setScenario("rate-limit");
    const err = await ctx.client.submit(job(), io()).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect([err.kind, err.retryAfterMs]).toEqual(["rate_limited", 1000]);
  });

  it("a 500 on submit is transient, and the next submit works", async () => {
    ctx.fake.setScenario("flaky");
    expect((await ctx.client.submit(job(), io()).catch((e) => e)).kind).toBe("transient");
    await expect(runToEnd(job())).resolves.toBeTruthy();
  });

  it("a content-policy refusal is moderation, and its text stays out of the message", async () => {
    ctx.fake.setScenario("moderation");
    const err = await runToEnd(job()).catch((e) => e);
    expect(err.kind).toBe("moderation");
    expect(err.message).not.toMatch(/secret/);
    expect(err.detail).toMatch(/content policy/);
  });

  it("malformed JSON is transient", async () => {
    ctx.fake.setScenario("bad-json");
    expect((await ctx.client.submit(job(), io()).catch((e) => e)).kind).toBe("transient");
  });

  it("slow: the job stays pending, and the abort signal ends a held request", async () => {
    ctx.fake.setScenario("slow");
    const h = await ctx.client.submit(job(), io());
    expect((await ctx.client.check(h, job(), io())).state).toBe("pending");
    const err = await ctx.client.check(h, job(), { signal: AbortSignal.timeout(50) }).then(() => null, (e) => e);
    expect(err === null || err?.name === "TimeoutError" || err?.name === "AbortError").toBe(true);
  });

  it("sends the seed only when given, and one image", async () => {
    await ctx.client.submit(job({ seed: undefined }), io());
    await ctx.client.submit(job({ seed: 5 }), io());
    const [a, b] = ctx.fake.requests.map((r) => r.body as Record<string, unknown>);
    expect("seed" in a).toBe(false);
    expect(b.seed).toBe(5);
    expect(b.num_images).toBe(1);
  });
});

describe("fal size and path mapping for every fal model of the catalog", () => {
  // The aspect_ratio enums on the fal model pages of the endpoints that take no pixel size.
  const DOC_RATIOS: Record<string, string[]> = {
    "fal-ai/minimax/image-01": ["1:1", "16:9", "4:3", "3:2", "2:3", "3:4", "9:16", "21:9"],
    "fal-ai/kling-image/v3/text-to-image": ["16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9"],
    "bria/text-to-image/3.2": ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9"],
  };
  const falModels = models.filter((m) => m.provider === "fal");
  it("covers the catalog's fal models", () => expect(falModels.length).toBeGreaterThan(20));
  for (const m of falModels) {
    for (const s of shapes) {
      it(`${m.slug} × ${s.slug}`, () => {
        const out = falSize(m.providerModelId, s);
        if ("aspect_ratio" in out) {
          const FAL_RATIOS = DOC_RATIOS[m.providerModelId];
          expect(FAL_RATIOS).toContain(out.aspect_ratio);
          const [w, h] = out.aspect_ratio.split(":").map(Number);
          // Nearest: no documented ratio is closer to the shape's than the one chosen.
          const d = (r: number) => Math.abs(Math.log(r / (s.width / s.height)));
          expect(Math.min(...FAL_RATIOS.map((r) => d(Number(r.split(":")[0]) / Number(r.split(":")[1]))))).toBeGreaterThanOrEqual(d(w / h) - 0.05);
        } else {
          const { width, height } = out.image_size;
          // Exact aspect kept (within rounding) and within fal's 256–4096 px documented bounds.
          expect(Math.abs(width / height - s.width / s.height)).toBeLessThan(0.01);
          expect(Math.min(width, height)).toBeGreaterThanOrEqual(256);
          expect(Math.max(width, height)).toBeLessThanOrEqual(4096);
          if (m.providerModelId.startsWith("fal-ai/flux-2")) expect(Math.max(width, height)).toBeLessThanOrEqual(2048);
        }
      });
    }
  }
  it("polls under owner/alias, keeping workflows/ and comfy/ whole", () => {
    expect(falAppPath("fal-ai/flux-pro/v1.1-ultra")).toBe("fal-ai/flux-pro");
    expect(falAppPath("bria/text-to-image/3.2")).toBe("bria/text-to-image");
    expect(falAppPath("workflows/me/flow")).toBe("workflows/me/flow");
  });
});
