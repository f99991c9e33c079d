import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeProvider } from "@/tests/fixtures/fake-provider";
import { startFakeLuma } from "@/tests/fixtures/fake-luma";
import { ProviderError } from "./errors";
import { downloadOutput } from "./http";
import { lumaAspectRatio, lumaProvider } from "./luma";
import type { ProviderJob, QueueClient, ShapeSpec } from "./types";

const root = path.resolve(import.meta.dirname, "../..");
const readJson = (p: string) => JSON.parse(readFileSync(path.join(root, p), "utf8"));
const shapes: ShapeSpec[] = readJson("db/catalog/shapes.json");
const lumaModels: { providerModelId: string }[] = readJson("db/catalog/models.json").filter((m: { provider: string }) => m.provider === "luma");

const io = { signal: new AbortController().signal };
const shape = (slug: string) => shapes.find((s) => s.slug === slug)!;
const job = (over: Partial<ProviderJob> = {}): ProviderJob => ({
  modelId: "photon-1",
  prompt: "a tiny house on a turtle",
  rawPrompt: "unused by this provider",
  // The catalog marks Luma models seed-capable; the adapter must still never send it.
  seed: 42,
  quality: "hd",
  shape: shape("square"),
  style: { slug: "none", palette: [] },
  output: "raster",
  ...over,
});

let fake: FakeProvider;
let client: QueueClient;
beforeAll(async () => {
  fake = await startFakeLuma();
  client = lumaProvider.fromEnv(fake.env) as QueueClient;
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function run(j: ProviderJob, limit = 10) {
  const handle = await client.submit(j, io);
  for (let i = 1; i <= limit; i++) {
    const st = await client.check(handle, j, io);
    if (st.state === "done") {
      expect("url" in st.output).toBe(true);
      const bytes = await downloadOutput("luma", (st.output as { url: string }).url, io);
      return { checks: i, meta: await sharp(bytes).metadata() };
    }
  }
  throw new Error("still pending");
}

const failure = (p: Promise<unknown>) => p.then(() => expect.unreachable("should fail"), (e: unknown) => e as ProviderError);
const createBody = () => fake.requests.find((r) => r.method === "POST")!.body as Record<string, unknown>;

describe("luma adapter against the fake", () => {
  it.each(["ok", "url"] as const)("%s: the image URL downloads as a JPEG; no seed is sent", async (scenario) => {
    fake.setScenario(scenario);
    const { checks, meta } = await run(job({ shape: shape("landscape-wide"), modelId: "photon-flash-1" }));
    expect(checks).toBe(1);
    expect(meta.format).toBe("jpeg");
    expect(meta.width! / meta.height!).toBeCloseTo(16 / 9, 1);
    expect(createBody()).toEqual({ prompt: "a tiny house on a turtle", model: "photon-flash-1", aspect_ratio: "16:9" });
    expect(fake.submissions()).toBe(1);
    expect(fake.violations).toEqual([]);
  });

  it("poll: queued/dreaming stay pending until completed", async () => {
    fake.setScenario("poll", { pendingChecks: 3 });
    expect((await run(job())).checks).toBe(4);
    expect(fake.violations).toEqual([]);
  });

  it("a resumed job polls the stored handle without creating another generation", async () => {
    fake.setScenario("poll", { pendingChecks: 1 });
    const handle = await client.submit(job(), io);
    const resumed = lumaProvider.fromEnv(fake.env) as QueueClient;
    expect((await resumed.check(handle, job(), io)).state).toBe("pending");
    expect((await resumed.check(handle, job(), io)).state).toBe("done");
    expect(fake.submissions()).toBe(1);
  });

  it("rate-limit: 429 → rate_limited with Retry-After in ms, then succeeds", async () => {
    fake.setScenario("rate-limit");
    expect(await failure(client.submit(job(), io))).toMatchObject({ kind: "rate_limited", retryAfterMs: 1000 });
    await expect(run(job())).resolves.toBeTruthy();
    expect(fake.violations).toEqual([]);
  });

  it("flaky: 500 → transient without provider text in the message, then succeeds", async () => {
    fake.setScenario("flaky");
    const err = await failure(client.submit(job(), io));
    expect(err.kind).toBe("transient");
    expect(err.message).not.toMatch(/secret/);
    expect(err.detail).toMatch(/secret/);
    await expect(run(job())).resolves.toBeTruthy();
  });

  it("slow: stays pending and never resubmits", async () => {
    fake.setScenario("slow");
    const handle = await client.submit(job(), io);
    for (let i = 0; i < 3; i++) expect((await client.check(handle, job(), io)).state).toBe("pending");
    expect(fake.submissions()).toBe(1);
  });

  it("moderation: a failed generation naming moderation → moderation", async () => {
    fake.setScenario("moderation");
    const err = await failure(run(job()));
    expect(err.kind).toBe("moderation");
    expect(err.message).not.toMatch(/flagged/);
    expect(fake.violations).toEqual([]);
  });

  it("moderation: a 400 refusal at creation → moderation, not invalid", async () => {
    fake.setScenario("moderation");
    expect((await failure(client.submit(job({ prompt: "something [create]" }), io))).kind).toBe("moderation");
  });

  it("bad-json: a malformed create or status answer → transient", async () => {
    fake.setScenario("bad-json");
    expect((await failure(client.submit(job(), io))).kind).toBe("transient");
    fake.setScenario("ok");
    const handle = await client.submit(job(), io);
    fake.setScenario("bad-json");
    expect((await failure(client.check(handle, job(), io))).kind).toBe("transient");
  });

  it("is off without LUMA_API_KEY and rejects a malformed base URL", () => {
    expect(lumaProvider.fromEnv({ LUMA_BASE_URL: fake.url })).toBeNull();
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
    fake.reset();
    fake.setScenario("ok");
    await client.submit(job({ modelId, shape: s }), io);
    expect(createBody()).toMatchObject({ model: modelId, aspect_ratio: ratio });
    expect(fake.violations).toEqual([]);
  });
});
