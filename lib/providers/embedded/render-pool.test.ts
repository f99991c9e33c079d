import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { renderProcedural, type RenderSpec } from "./render";
import { createRenderPool, renderThreadsFromEnv, type RenderPool } from "./render-pool";

const WARM = ["#2b1b3a", "#6b2d4f", "#b5484a", "#e07b3c", "#f5b65b", "#fde9c4"];
const spec = (seed: number, overrides: Partial<RenderSpec> = {}): RenderSpec => ({
  prompt: "a watercolor sunset over mountains and a lake",
  seed,
  width: 1024,
  height: 1024,
  palette: WARM,
  styleSlug: "no-style",
  quality: "standard",
  format: "png",
  ...overrides,
});

const TEST_THREAD = new URL("../../../tests/fixtures/test-render-thread.ts", import.meta.url);
const pools: RenderPool[] = [];
const pool = (size: number, threadEntry?: URL) => {
  const p = createRenderPool({ size, threadEntry });
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** Starts every thread of `p` (module loading takes a few hundred ms from source). */
const warm = (p: RenderPool) => Promise.all(Array.from({ length: p.size }, (_, i) => p.render(spec(i, { width: 64, height: 64 }))));

/** The ids of this process's OS threads (Linux). */
const osThreads = () => new Set(fs.readdirSync("/proc/self/task"));

describe("createRenderPool", () => {
  it("renders the same bytes as renderProcedural in this thread", async () => {
    const p = pool(2);
    for (const s of [spec(7), spec(8, { styleSlug: "watercolor", format: "webp", width: 640, height: 480 })]) {
      const [threaded, local] = await Promise.all([p.render(s), renderProcedural(s)]);
      expect(threaded.mimeType).toBe(local.mimeType);
      expect([threaded.width, threaded.height]).toEqual([s.width, s.height]);
      expect(Buffer.from(threaded.bytes).equals(Buffer.from(local.bytes))).toBe(true);
    }
  });

  it("runs two jobs at once with two threads", async () => {
    // Each job holds its thread 1 s (without CPU) after a tiny render: one thread needs 2 s or
    // more for two jobs, two threads about 1 s. The renders are 64² so that a loaded machine's
    // render time (a 1024² scene took 0.5 s on a busy 2-core machine) cannot close the 1 s gap.
    const elapsed = async (p: RenderPool) => {
      await warm(p);
      const t0 = performance.now();
      const results = await Promise.all([1, 2].map((seed) => p.render(spec(seed, { prompt: "hold:1000", width: 64, height: 64 }))));
      expect(results.map((r) => r.width)).toEqual([64, 64]);
      return performance.now() - t0;
    };
    expect(await elapsed(pool(1, TEST_THREAD))).toBeGreaterThanOrEqual(2000);
    expect(await elapsed(pool(2, TEST_THREAD))).toBeLessThan(2000);
  });

  it("queues more jobs than threads and completes them all", async () => {
    const p = pool(2);
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => p.render(spec(100 + i, { width: 256, height: 256 }))));
    expect(results.map((r) => [r.width, r.height])).toEqual(Array(7).fill([256, 256]));
    expect(new Set(results.map((r) => Buffer.from(r.bytes).toString("base64"))).size).toBe(7);
  });

  it("close() lets jobs in flight finish, rejects queued ones and ends the threads", async () => {
    const p = pool(2);
    await warm(p);
    const before = osThreads();
    const jobs = Promise.allSettled([1, 2, 3].map((seed) => p.render(spec(seed, { width: 256, height: 256 }))));
    await p.close();
    const settled = await jobs;
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    // Threads that ended (the runtime may start others of its own meanwhile: not counted).
    const after = osThreads();
    expect([...before].filter((id) => !after.has(id)).length).toBeGreaterThanOrEqual(2);
    await expect(p.render(spec(4))).rejects.toThrow(/closed/);
  });

  it("replaces a thread that crashes and rejects only its job", async () => {
    const p = pool(1, TEST_THREAD);
    const crashed = p.render(spec(1, { prompt: "crash", width: 64, height: 64 }));
    const next = p.render(spec(2, { width: 64, height: 64 }));
    await expect(crashed).rejects.toThrow(/render thread crashed: render thread fixture crashed on purpose/);
    await expect(next).resolves.toMatchObject({ width: 64, height: 64, mimeType: "image/png" });
  });

  it("fails the queue at once when a thread cannot start", async () => {
    const p = pool(1, new URL("./no-such-render-thread.ts", import.meta.url));
    const jobs = [1, 2, 3].map((seed) => p.render(spec(seed, { width: 64, height: 64 })));
    for (const job of jobs) await expect(job).rejects.toThrow(/render thread/);
  });

  it("drops a queued job when its signal aborts, and rejects bad specs before queueing", async () => {
    const p = pool(1);
    const controller = new AbortController();
    const first = p.render(spec(1, { width: 256, height: 256 }));
    const aborted = p.render(spec(2), controller.signal);
    controller.abort(new Error("cancelled by test"));
    await expect(aborted).rejects.toThrow("cancelled by test");
    await expect(first).resolves.toMatchObject({ width: 256 });
    await expect(p.render(spec(3, { width: 10 }))).rejects.toThrow(/width must be an integer/);
  });
});

describe("renderThreadsFromEnv", () => {
  it("reads RENDER_THREADS and defaults to at least one thread", () => {
    expect(renderThreadsFromEnv({ RENDER_THREADS: "3" })).toBe(3);
    expect(renderThreadsFromEnv({})).toBeGreaterThanOrEqual(1);
    expect(() => renderThreadsFromEnv({ RENDER_THREADS: "0" })).toThrow(/positive integer/);
    expect(() => renderThreadsFromEnv({ RENDER_THREADS: "two" })).toThrow(/positive integer/);
  });
});
