import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { appKey, awayFromMinuteEnd, callApp, uniqueEmail } from "./rate-limit-helpers";

// Each backend gets apps of its own: the shared app of the HTTP suite runs with limits high
// enough for the other tests. Here the Free plan's 30 / minute applies as shipped.
const redisUrl = process.env.TEST_REDIS_URL;
// A generous deadline so a loaded machine cannot make these apps fail open; the 1 s default
// is tested in rate-limit-failure.test.ts and rate-limit-redis-down.test.ts.
const common = { RATE_LIMIT_TIMEOUT_MS: "5000" };
const backends = [{ name: "embedded limiter", env: common }, ...(redisUrl ? [{ name: "Redis", env: { ...common, REDIS_URL: redisUrl } }] : [])];

describe.each(backends)("per-key rate limits over REST ($name)", ({ name, env }) => {
  let app: AppServer;
  let tinyDay: AppServer;
  beforeAll(async () => {
    [app, tinyDay] = await Promise.all([startAppServer({ ...env }), startAppServer({ ...env, RATE_LIMIT_PER_DAY: "3" })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([app?.stop(), tinyDay?.stop()]);
  });

  it("answers request 31 within a minute with 429, Retry-After and the key's X-RateLimit-* headers", async () => {
    const email = uniqueEmail("rl31");
    const { key, keyId } = await appKey(app, email);
    await awayFromMinuteEnd();
    const remaining: string[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await callApp(app, "/api/v1/credits", { key });
      expect(r.status).toBe(200);
      expect(r.headers.get("x-ratelimit-limit")).toBe("30");
      remaining.push(r.headers.get("x-ratelimit-remaining")!);
    }
    expect(remaining).toEqual(Array.from({ length: 30 }, (_, i) => String(29 - i)));

    const limited = await callApp(app, "/api/v1/images", { key }); // every keyed route draws on the same counter
    const now = Date.now();
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: "rate_limited", details: { limit: 30, window: "minute" } });
    expect(limited.body.error.message).toMatch(/30 requests per minute, REST and MCP together\. Retry in \d+ s\./);
    expect(limited.headers.get("x-ratelimit-limit")).toBe("30");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    const reset = Number(limited.headers.get("x-ratelimit-reset"));
    const minuteEnd = (Math.floor(now / 60_000) + 1) * 60_000;
    expect(reset).toBe(minuteEnd / 1000);
    // Retry-After points just past the end of the current minute window.
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(61);
    expect(Math.abs(now + retryAfter * 1000 - minuteEnd)).toBeLessThanOrEqual(2000);
    expect(limited.body.error.details.retryAfterSeconds).toBe(retryAfter);

    // A second key of the same user has counters of its own.
    const second = await appKey(app, email);
    const other = await callApp(app, "/api/v1/credits", { key: second.key });
    expect(other.status).toBe(200);
    expect(other.headers.get("x-ratelimit-remaining")).toBe("29");
    expect((await callApp(app, "/api/v1/credits", { key })).status).toBe(429);

    if (name === "Redis") {
      // The refused requests were never counted against the day: 30 allowed, 30 counted.
      const redis = await createClient({ url: redisUrl }).connect();
      try {
        expect(await redis.get(`pixola:rl:day:${keyId}:${Math.floor(Date.now() / 86_400_000)}`)).toBe("30");
      } finally {
        redis.destroy();
      }
    }
  });

  it("puts the headers on keyed errors too, and none on public routes or failed authentication", async () => {
    const { key } = await appKey(app, uniqueEmail("rlhdr"));
    const missing = await callApp(app, "/api/v1/batches/bat_missing", { key });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-ratelimit-limit")).toBe("30");
    expect(missing.headers.get("x-ratelimit-remaining")).toBe("29");
    for (const r of [await callApp(app, "/api/v1/models"), await callApp(app, "/api/v1/credits", { key: "pxk_nope" })]) {
      expect(r.headers.get("x-ratelimit-limit")).toBeNull();
    }
  });

  it("blocks on the day limit once the minute allows, until 00:00 UTC", async () => {
    const { key } = await appKey(tinyDay, uniqueEmail("rlday"));
    await awayFromMinuteEnd();
    for (const left of ["2", "1", "0"]) {
      const r = await callApp(tinyDay, "/api/v1/credits", { key });
      expect(r.status).toBe(200);
      // The day has fewer requests left than the minute, so the headers describe the day.
      expect([r.headers.get("x-ratelimit-limit"), r.headers.get("x-ratelimit-remaining")]).toEqual(["3", left]);
    }
    const limited = await callApp(tinyDay, "/api/v1/credits", { key });
    expect(limited.status).toBe(429);
    expect(limited.body.error.details).toMatchObject({ limit: 3, window: "day" });
    expect(limited.body.error.message).toMatch(/3 requests per day \(the count resets at 00:00 UTC\)/);
    const midnight = (Math.floor(Date.now() / 86_400_000) + 1) * 86_400_000;
    expect(Number(limited.headers.get("x-ratelimit-reset"))).toBe(midnight / 1000);
    expect(Math.abs(Date.now() + Number(limited.headers.get("retry-after")) * 1000 - midnight)).toBeLessThanOrEqual(2000);
  });
});
