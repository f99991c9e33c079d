import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startFakeBfl } from "@/tests/fixtures/fake-bfl";
import { failure, runToDone, testJob, useFake } from "@/tests/helpers/provider-client";
import { bflPollingUrl, bflProvider, bflSize } from "./bfl";
import type { ProviderJob, QueueClient, ShapeSpec } from "./types";

const root = path.resolve(import.meta.dirname, "../..");
const readJson = (p: string) => JSON.parse(readFileSync(path.join(root, p), "utf8"));
const shapes: ShapeSpec[] = readJson("db/catalog/shapes.json");
const bflModels: { providerModelId: string }[] = readJson("db/catalog/models.json").filter((m: { provider: string }) => m.provider === "bfl");

const io = { signal: new AbortController().signal };
const job = testJob({ modelId: "flux-2-pro", rawPrompt: "unused by this provider", seed: 7 });

const ctx = useFake(startFakeBfl, (f) => bflProvider.fromEnv(f.env) as QueueClient);
const run = (j: ProviderJob) => runToDone(ctx.client, j, io, { provider: "bfl" });

const submitBody = () => ctx.fake.requests.find((r) => r.method === "POST")!.body as Record<string, unknown>;

describe("bfl adapter against the fake", () => {
  it.each(["ok", "url"] as const)("%s: the PNG comes back at the requested size, seed sent", async (scenario) => {
    ctx.fake.setScenario(scenario);
    const { checks, meta } = await run(job({ shape: shapes.find((s) => s.slug === "landscape-wide")! }));
    expect(checks).toBe(1);
    expect(meta.format).toBe("png");
    expect([meta.width, meta.height]).toEqual([1344, 752]);
    expect(submitBody()).toMatchObject({ seed: 7, output_format: "png" });
    expect(ctx.fake.submissions()).toBe(1);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("poll: pending until the job is ready; the missing ?id= is added", async () => {
    ctx.fake.setScenario("poll", { pendingChecks: 3 });
    const { checks } = await run(job({ seed: undefined, modelId: "flux-pro-1.1-ultra" }));
    expect(checks).toBe(4);
    expect(submitBody()).not.toHaveProperty("seed");
    expect(submitBody().aspect_ratio).toBe("1:1");
    expect(ctx.fake.violations).toEqual([]);
  });

  it("a resumed job polls the stored handle without submitting again", async () => {
    ctx.fake.setScenario("poll", { pendingChecks: 1 });
    const handle = await ctx.client.submit(job(), io);
    const resumed = bflProvider.fromEnv(ctx.fake.env) as QueueClient;
    expect((await resumed.check(handle, job(), io)).state).toBe("pending");
    expect((await resumed.check(handle, job(), io)).state).toBe("done");
    expect(ctx.fake.submissions()).toBe(1);
  });

  it("rate-limit: 429 → rate_limited with Retry-After in ms, then succeeds", async () => {
    ctx.fake.setScenario("rate-limit");
    const err = await failure(ctx.client.submit(job(), io));
    expect(err).toMatchObject({ kind: "rate_limited", retryAfterMs: 1000 });
    await expect(run(job())).resolves.toBeTruthy();
    expect(ctx.fake.violations).toEqual([]);
  });

  it("flaky: 500 → transient without provider text in the message, then succeeds", async () => {
    ctx.fake.setScenario("flaky");
    const err = await failure(ctx.client.submit(job(), io));
    expect(err.kind).toBe("transient");
    expect(err.message).not.toMatch(/secret/);
    expect(err.detail).toMatch(/secret/);
    await expect(run(job())).resolves.toBeTruthy();
  });

  it("slow: stays pending and never resubmits", async () => {
    ctx.fake.setScenario("slow");
    const handle = await ctx.client.submit(job(), io);
    for (let i = 0; i < 3; i++) expect((await ctx.client.check(handle, job(), io)).state).toBe("pending");
    expect(ctx.fake.submissions()).toBe(1);
  });

  it.each([
    ["Request Moderated", "a prompt"],
    ["Content Moderated", "a prompt [output]"],
  ])("moderation: %s → moderation", async (_status, prompt) => {
    ctx.fake.setScenario("moderation");
    const err = await failure(run(job({ prompt })));
    expect(err.kind).toBe("moderation");
    expect(err.message).not.toMatch(/Derivative/);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("bad-json: a malformed submit or status answer → transient", async () => {
    ctx.fake.setScenario("bad-json");
    expect((await failure(ctx.client.submit(job(), io))).kind).toBe("transient");
    ctx.fake.setScenario("ok");
    const handle = await ctx.client.submit(job(), io);
    ctx.fake.setScenario("bad-json");
    expect((await failure(ctx.client.check(handle, job(), io))).kind).toBe("transient");
  });
});

describe("bfl configuration and polling URL", () => {
  it("is off without BFL_API_KEY and rejects a malformed base URL", () => {
    expect(bflProvider.fromEnv({})).toBeNull();
    expect(bflProvider.fromEnv({ BFL_API_KEY: "k" })?.kind).toBe("queue");
    expect(() => bflProvider.fromEnv({ BFL_API_KEY: "k", BFL_BASE_URL: "api.bfl.ai" })).toThrow(/BFL_BASE_URL/);
  });

  it("trusts only the base origin or https *.bfl.ai with our key", () => {
    const base = "http://127.0.0.1:9";
    expect(bflPollingUrl("https://api.us1.bfl.ai/v1/get_result?id=a", base, "a")).toBe("https://api.us1.bfl.ai/v1/get_result?id=a");
    expect(bflPollingUrl("http://127.0.0.1:9/v1/get_result", base, "a")).toBe("http://127.0.0.1:9/v1/get_result?id=a");
    for (const evil of ["https://evil.example/v1/get_result?id=a", "http://api.bfl.ai/x?id=a", "https://bfl.ai.evil.com/x?id=a", "not a url", undefined])
      expect(bflPollingUrl(evil, base, "a")).toBe("http://127.0.0.1:9/v1/get_result?id=a");
  });
});

// Written from docs.bfl.ai, independently of the adapter's tables.
const DOC_RATIOS = ["21:9", "16:9", "3:2", "4:3", "5:4", "1:1", "4:5", "3:4", "2:3", "9:16", "9:21"];
const DOC_PIXELS: Record<string, { min: number; max: number; step: number }> = {
  "flux-pro-1.1": { min: 256, max: 1440, step: 32 },
  "flux-2-": { min: 256, max: 1920, step: 16 },
};
const logErr = (r: string, target: number) => {
  const [w, h] = r.split(":").map(Number);
  return Math.abs(Math.log(w / h / target));
};

describe.each(bflModels.map((m) => m.providerModelId))("bfl size mapping for %s", (modelId) => {
  it.each(shapes.flatMap((s) => (["standard", "hd"] as const).map((q) => [s.slug, q, s] as const)))("%s / %s", (_slug, quality, shape) => {
    const target = shape.width / shape.height;
    const size = bflSize(modelId, shape, quality);
    if ("aspect_ratio" in size) {
      expect(modelId).toMatch(/^flux-(pro-1\.1-ultra|kontext-)/);
      expect(DOC_RATIOS).toContain(size.aspect_ratio);
      for (const r of DOC_RATIOS) expect(logErr(size.aspect_ratio, target)).toBeLessThanOrEqual(logErr(r, target) + 1e-12);
      return;
    }
    const rule = DOC_PIXELS[modelId] ?? DOC_PIXELS[modelId.slice(0, 7)];
    expect(rule, `no documented pixel rule for ${modelId}`).toBeDefined();
    for (const v of [size.width, size.height]) {
      expect(v % rule.step).toBe(0);
      expect(v).toBeGreaterThanOrEqual(rule.min);
      expect(v).toBeLessThanOrEqual(rule.max);
    }
    // The short side is the step multiple nearest to long / aspect: no other height (width) is closer in aspect.
    const [long, short] = target >= 1 ? [size.width, size.height] : [size.height, size.width];
    expect(Math.abs(short - long / Math.max(target, 1 / target))).toBeLessThanOrEqual(rule.step / 2);
    // Standard keeps about the shape's pixels; hd has more unless the side limit stops it.
    const std = bflSize(modelId, shape, "standard") as { width: number; height: number };
    if (quality === "standard") expect(Math.abs(size.width * size.height - shape.width * shape.height) / (shape.width * shape.height)).toBeLessThan(0.1);
    else expect(size.width * size.height > std.width * std.height || long === rule.max).toBe(true);
  });
});
