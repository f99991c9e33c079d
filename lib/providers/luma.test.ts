import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startFakeLuma } from "@/tests/fixtures/fake-luma";
import { failure, runToDone, testJob, useFake } from "@/tests/helpers/provider-client";
import { lumaAspectRatio, lumaProvider } from "./luma";
import type { ProviderJob, QueueClient, ShapeSpec } from "./types";

const root = path.resolve(import.meta.dirname, "../..");
const readJson = (p: string) => JSON.parse(readFileSync(path.join(root, p), "utf8"));
const shapes: ShapeSpec[] = readJson("db/catalog/shapes.json");
const lumaModels: { providerModelId: string }[] = readJson("db/catalog/models.json").filter((m: { provider: string }) => m.provider === "luma");

const io = { signal: new AbortController().signal };
const shape = (slug: string) => shapes.find((s) => s.slug === slug)!;
const job = testJob({
  modelId: "photon-1",
  prompt: "a tiny house on a turtle",
  rawPrompt: "unused by this provider",
  // The catalog marks Luma models seed-capable; the adapter must still never send it.
  seed: 42,
  quality: "hd",
});

const ctx = useFake(startFakeLuma, (f) => lumaProvider.fromEnv(f.env) as QueueClient);
const run = (j: ProviderJob) => runToDone(ctx.client, j, io, { provider: "luma" });

const createBody = () => ctx.fake.requests.find((r) => r.method === "POST")!.body as Record<string, unknown>;

describe("luma adapter against the fake", () => {
  it.each(["ok", "url"] as const)("%s: the image URL downloads as a JPEG; no seed is sent", async (scenario) => {
    ctx.fake.setScenario(scenario);
    const { checks, meta } = await run(job({ shape: shape("landscape-wide"), modelId: "photon-flash-1" }));
    expect(checks).toBe(1);
    expect(meta.format).toBe("jpeg");
    expect(meta.width! / meta.height!).toBeCloseTo(16 / 9, 1);
    expect(createBody()).toEqual({ prompt: "a tiny house on a turtle", model: "photon-flash-1", aspect_ratio: "16:9" });
    expect(ctx.fake.submissions()).toBe(1);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("poll: queued/dreaming stay pending until completed", async () => {
    ctx.fake.setScenario("poll", { pendingChecks: 3 });
    expect((await run(job())).checks).toBe(4);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("a resumed job polls the stored handle without creating another generation", async () => {
    ctx.fake.setScenario("poll", { pendingChecks: 1 });
    const handle = await ctx.client.submit(job(), io);
    const resumed = lumaProvider.fromEnv(ctx.fake.env) as QueueClient;
    expect((await resumed.check(handle, job(), io)).state).toBe("pending");
    expect((await resumed.check(handle, job(), io)).state).toBe("done");
    expect(ctx.fake.submissions()).toBe(1);
  });

  it("rate-limit: 429 → rate_limited with Retry-After in ms, then succeeds", async () => {
    ctx.fake.setScenario("rate-limit");
    expect(await failure(ctx.client.submit(job(), io))).toMatchObject({ kind: "rate_limited", retryAfterMs: 1000 });
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

  it("moderation: a failed generation naming moderation → moderation", async () => {
    ctx.fake.setScenario("moderation");
    const err = await failure(run(job()));
    expect(err.kind).toBe("moderation");
    expect(err.message).not.toMatch(/flagged/);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("moderation: a 400 refusal at creation → moderation, not invalid", async () => {
    ctx.fake.setScenario("moderation");
    expect((await failure(ctx.client.submit(job({ prompt: "something [create]" }), io))).kind).toBe("moderation");
  });

  it("bad-json: a malformed create or status answer → transient", async () => {
    ctx.fake.setScenario("bad-json");
    expect((await failure(ctx.client.submit(job(), io))).kind).toBe("transient");
    ctx.fake.setScenario("ok");
    const handle = await ctx.client.submit(job(), io);
    ctx.fake.setScenario("bad-json");
    expect((await failure(ctx.client.check(handle, job(), io))).kind).toBe("transient");
  });

  it("is off without LUMA_API_KEY and rejects a malformed base URL", () => {
    expect(lumaProvider.fromEnv({ LUMA_BASE_URL: ctx.fake.url })).toBeNull();
    expect(lumaProvider.fromEnv({ LUMA_API_KEY: "k" })?.kind).toBe("queue");
    expect(() => lumaProvider.fromEnv({ LUMA_API_KEY: "k", LUMA_BASE_URL: "lumalabs" })).toThrow(/LUMA_BASE_URL/);
  });
});

// The ratios Luma documents for photon (providers.md §3.7), written independently of the adapter.
const DOC_RATIOS = ["1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21"];
const logErr = (r: string, target: number) => {
  const [w, h] = r.split(":").map(Number);
  return Math.abs(Math.log(w / h / target));
};

describe.each(lumaModels.map((m) => m.providerModelId))("luma aspect ratio for %s", (modelId) => {
  it.each(shapes.map((s) => [s.slug, s] as const))("%s", async (_slug, s) => {
    const ratio = lumaAspectRatio(s);
    expect(DOC_RATIOS).toContain(ratio);
    for (const r of DOC_RATIOS) expect(logErr(ratio, s.width / s.height)).toBeLessThanOrEqual(logErr(r, s.width / s.height) + 1e-12);
    // And the request the adapter builds for this model carries exactly that ratio.
    ctx.fake.reset();
    ctx.fake.setScenario("ok");
    await ctx.client.submit(job({ modelId, shape: s }), io);
    expect(createBody()).toMatchObject({ model: modelId, aspect_ratio: ratio });
    expect(ctx.fake.violations).toEqual([]);
  });
});
