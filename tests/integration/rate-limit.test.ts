import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { RateLimitSettings } from "@/lib/config";
import { decide } from "@/lib/rate-limit/check-rate-limit";
import { createRateLimiter, type LimitOutcome, type RateLimiter } from "@/lib/rate-limit/rate-limiter";
import { DAY_WINDOW, MINUTE_WINDOW, type WindowSpec } from "@/lib/rate-limit/window";
import { startUpstashBridge } from "../fixtures/upstash-rest-bridge";

// The production windows (a sliding minute, a fixed UTC day) on a clock the tests set: only
// Date is faked (timers and I/O run as usual), so a window boundary is crossed by moving the
// clock, not by waiting for it. Upstash's algorithms read the time on the client and pass it
// to their Redis scripts, so all three backends follow the same clock.
const MINUTE_MS = MINUTE_WINDOW.ms;
// A generous deadline: these tests are about counting, and a loaded CI machine must not make
// them fail open (rate-limit-failure.test.ts tests the 1 s deadline itself).
const base: RateLimitSettings = { enabled: true, perMinute: undefined, perDay: undefined, timeoutMs: 5000, redisUrl: undefined, upstash: undefined };
const redisUrl = process.env.TEST_REDIS_URL;
const TOKEN = "test-upstash-token";

type Backend = { name: string; settings: () => RateLimitSettings };
let bridge: Awaited<ReturnType<typeof startUpstashBridge>> | undefined;
const limiterBackends: Backend[] = [
  { name: "embedded (memory)", settings: () => base },
  ...(redisUrl
    ? [
        { name: "Redis (REDIS_URL)", settings: () => ({ ...base, redisUrl }) },
        { name: "Upstash REST (loopback bridge)", settings: () => ({ ...base, upstash: { url: bridge!.url, token: TOKEN } }) },
      ]
    : []),
];

/** Each test starts at the start of a minute window (noon UTC today, far from the day's end). */
const WINDOW_START = Math.floor(Date.now() / DAY_WINDOW.ms) * DAY_WINDOW.ms + 12 * 3_600_000;
beforeAll(async () => {
  if (redisUrl) bridge = await startUpstashBridge(redisUrl, TOKEN);
  vi.useFakeTimers({ toFake: ["Date"] });
});
beforeEach(() => {
  vi.setSystemTime(WINDOW_START);
});
afterAll(async () => {
  vi.useRealTimers();
  await bridge?.close();
});

/** Moves the (frozen) clock forward by `ms`. */
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);
const id = () => `key_${randomBytes(8).toString("hex")}`;
const checked = (o: LimitOutcome) => {
  if (o.kind !== "checked") throw new Error(`limiter answered ${o.kind}`);
  return o;
};

describe.each(limiterBackends)("per-key limiter: $name", ({ settings }) => {
  let limiter: RateLimiter;
  const run = randomBytes(4).toString("hex");
  const minute: WindowSpec = { ...MINUTE_WINDOW, prefix: `t:${run}:min` };
  const day: WindowSpec = { ...DAY_WINDOW, prefix: `t:${run}:day` };
  beforeAll(async () => {
    limiter = await createRateLimiter(settings(), { minute, day });
  });
  afterAll(() => limiter?.close());

  it("refuses request N+1 in a window, with a Retry-After after which a request passes", async () => {
    const key = id();
    const remaining = [];
    for (let i = 0; i < 3; i++) remaining.push(checked(await limiter.check(key, { perMinute: 3, perDay: 100 })));
    expect(remaining.map((r) => [r.allowed, r.window, r.limit, r.remaining])).toEqual([
      [true, "minute", 3, 2],
      [true, "minute", 3, 1],
      [true, "minute", 3, 0],
    ]);
    const refused = checked(await limiter.check(key, { perMinute: 3, perDay: 100 }));
    expect(refused).toMatchObject({ allowed: false, window: "minute", limit: 3, remaining: 0 });
    expect(refused.reset).toBe((Math.floor(Date.now() / MINUTE_MS) + 1) * MINUTE_MS);
    const decision = decide(refused);
    const retryAfter = Number(decision.headers["Retry-After"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter * 1000).toBeGreaterThan(refused.reset - Date.now());
    advance(refused.reset - Date.now() + 5);
    expect(checked(await limiter.check(key, { perMinute: 3, perDay: 100 })).allowed).toBe(true);
  });

  it("checks the day only after the minute passes, so minute-refused requests do not use it up", async () => {
    const key = id();
    const limits = { perMinute: 3, perDay: 5 };
    for (let i = 0; i < 3; i++) expect(checked(await limiter.check(key, limits)).allowed).toBe(true);
    for (let i = 0; i < 6; i++) expect(checked(await limiter.check(key, limits))).toMatchObject({ allowed: false, window: "minute" });
    // Two minute windows later the minute is clear; 2 of the day's 5 remain, not 0.
    advance((Math.floor(Date.now() / MINUTE_MS) + 2) * MINUTE_MS - Date.now() + 5);
    expect(checked(await limiter.check(key, limits))).toMatchObject({ allowed: true, window: "day", limit: 5, remaining: 1 });
    expect(checked(await limiter.check(key, limits))).toMatchObject({ allowed: true, window: "day", remaining: 0 });
    const refused = checked(await limiter.check(key, limits));
    expect(refused).toMatchObject({ allowed: false, window: "day", limit: 5 });
    expect(refused.reset).toBe((Math.floor(Date.now() / 86_400_000) + 1) * 86_400_000);
    expect(decide(refused).error!.message).toMatch(/5 requests per day/);
  });

  it("gives the minute back when the day refuses", async () => {
    const key = id();
    expect(checked(await limiter.check(key, { perMinute: 2, perDay: 1 })).allowed).toBe(true);
    for (let i = 0; i < 3; i++) expect(checked(await limiter.check(key, { perMinute: 2, perDay: 1 })).window).toBe("day");
    // Had the day-refused requests kept their minute token, this key's minute would be full.
    expect(checked(await limiter.check(key, { perMinute: 2, perDay: 100 }))).toMatchObject({ allowed: true, window: "minute", remaining: 0 });
  });

  it("counts each key on its own", async () => {
    const [a, b] = [id(), id()];
    expect(checked(await limiter.check(a, { perMinute: 1, perDay: 10 })).allowed).toBe(true);
    expect(checked(await limiter.check(a, { perMinute: 1, perDay: 10 })).allowed).toBe(false);
    expect(checked(await limiter.check(b, { perMinute: 1, perDay: 10 })).allowed).toBe(true);
    expect(limiter.failOpenCount()).toBe(0);
  });
});

describe.runIf(redisUrl)("Upstash REST backend", () => {
  it("goes through the REST API with the token", async () => {
    const limiter = await createRateLimiter({ ...base, upstash: { url: bridge!.url, token: TOKEN } });
    const before = bridge!.requests();
    expect(checked(await limiter.check(id(), { perMinute: 30, perDay: 1000 })).allowed).toBe(true);
    expect(bridge!.requests()).toBeGreaterThan(before);
    const wrongToken = await createRateLimiter({ ...base, upstash: { url: bridge!.url, token: "wrong" } });
    expect(await wrongToken.check(id(), { perMinute: 30, perDay: 1000 })).toEqual({ kind: "unavailable" });
    expect(wrongToken.failOpenCount()).toBe(1);
  });
});
