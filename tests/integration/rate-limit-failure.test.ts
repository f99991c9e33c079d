import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RateLimitSettings } from "@/lib/config";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit/rate-limiter";
import { freePort } from "../helpers/app-server";
import { startRedisServer, type RedisServer } from "../helpers/redis-server";

const limits = { perMinute: 30, perDay: 1000 };
// The bounds below tell "waited for the deadline" from "did not wait" with room to spare for a
// loaded 2-core CI machine, where a forked test file can be descheduled for half a second.
const TIMEOUT_MS = 2000;
const NO_WAIT_MS = TIMEOUT_MS / 2;
const settings = (redisUrl: string): RateLimitSettings => ({
  enabled: true,
  perMinute: undefined,
  perDay: undefined,
  timeoutMs: TIMEOUT_MS,
  redisUrl,
  upstash: undefined,
});
const timed = async <T>(f: () => Promise<T>) => {
  const t0 = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t0 };
};

// Needs the redis-server binary, which CI installs together with the Redis it exports.
describe.runIf(process.env.TEST_REDIS_URL)("failure policy: the limiter fails open at once when Redis is down, at the deadline when it hangs", () => {
  let redis: RedisServer;
  let limiter: RateLimiter;
  beforeAll(async () => {
    redis = await startRedisServer();
    limiter = await createRateLimiter(settings(redis.url));
  });
  afterAll(async () => {
    await limiter?.close();
    await redis?.stop();
  });

  it("serves requests at once while Redis is down, and limits again once it is back", async () => {
    expect((await limiter.check("key_down", limits)).kind).toBe("checked");
    await redis.kill();
    for (let i = 0; i < 5; i++) {
      const { value, ms } = await timed(() => limiter.check("key_down", limits));
      expect(value).toEqual({ kind: "unavailable" });
      expect(ms).toBeLessThan(NO_WAIT_MS); // refused by the client while disconnected: no waiting
    }
    expect(limiter.failOpenCount()).toBe(5);
    await redis.start();
    const deadline = Date.now() + 10_000;
    while ((await limiter.check("key_down", limits)).kind !== "checked") {
      if (Date.now() > deadline) throw new Error("the limiter did not reconnect within 10 s");
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it("serves a request after the timeout when Redis hangs", async () => {
    expect((await limiter.check("key_slow", limits)).kind).toBe("checked");
    const before = limiter.failOpenCount();
    redis.pause();
    try {
      const { value, ms } = await timed(() => limiter.check("key_slow", limits));
      expect(value).toEqual({ kind: "unavailable" });
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(ms).toBeLessThan(TIMEOUT_MS * 2);
      expect(limiter.failOpenCount()).toBe(before + 1);
    } finally {
      redis.resume();
    }
    expect((await limiter.check("key_slow", limits)).kind).toBe("checked");
  });

  it("starts and serves when Redis is unreachable at boot", async () => {
    const port = await freePort();
    const { value: down, ms: bootMs } = await timed(() => createRateLimiter(settings(`redis://127.0.0.1:${port}`)));
    expect(bootMs).toBeLessThan(NO_WAIT_MS); // a refused connection does not wait for the deadline
    try {
      const { value, ms } = await timed(() => down.check("key_boot", limits));
      expect(value).toEqual({ kind: "unavailable" });
      expect(ms).toBeLessThan(NO_WAIT_MS);
    } finally {
      await down.close();
    }
  });
});
