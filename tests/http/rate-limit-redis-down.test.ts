import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAi, type FakeOpenAi } from "../fixtures/fake-openai";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { startRedisServer, type RedisServer } from "../helpers/redis-server";
import { appKey, callApp, uniqueEmail } from "./rate-limit-helpers";

// The failure policy end to end: a Redis of this test's own is killed in the middle of a
// run. Requests keep being served (fail open), and credits in Postgres still stop spending.
describe.runIf(process.env.TEST_REDIS_URL)("REST while Redis is down", () => {
  let redis: RedisServer;
  let fake: FakeOpenAi;
  let app: AppServer;
  beforeAll(async () => {
    [redis, fake] = await Promise.all([startRedisServer(), startFakeOpenAi()]);
    app = await startAppServer({
      REDIS_URL: redis.url,
      OPENAI_API_KEY: "sk-test-provider",
      OPENAI_BASE_URL: fake.url,
      DEFAULT_MODEL: "procedural",
    });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await Promise.all([redis?.stop(), fake?.close()]);
  });

  it("serves requests without limit headers, and a user with 0 credits still cannot generate", async () => {
    const { key } = await appKey(app, uniqueEmail("redisdown"));
    const up = await callApp(app, "/api/v1/credits", { key });
    expect(up.status).toBe(200);
    expect(up.headers.get("x-ratelimit-limit")).toBe("30");

    await redis.kill();
    for (let i = 0; i < 5; i++) {
      const r = await callApp(app, "/api/v1/credits", { key });
      expect(r.status).toBe(200);
      expect(r.headers.get("x-ratelimit-limit")).toBeNull(); // no made-up numbers
      expect(r.ms).toBeLessThan(1500);
    }

    // Spend the whole balance while nothing counts requests, then try once more.
    const models = (await callApp(app, "/api/v1/models")).body.models as { slug: string; pricing: { standard: number; hd: number } }[];
    const options = models
      .filter((m) => ["gpt-image-1", "procedural"].includes(m.slug))
      .flatMap((m) => (["standard", "hd"] as const).flatMap((quality) => [1, 2, 3, 4].map((count) => ({ model: m.slug, quality, count, cost: count * m.pricing[quality] }))))
      .sort((a, b) => b.cost - a.cost);
    let balance = (await callApp(app, "/api/v1/credits", { key })).body.balance as number;
    while (balance > 0) {
      const pick = options.find((o) => o.cost <= balance)!;
      const r = await callApp(app, "/api/v1/generate", { key, json: { prompt: "spend it all", model: pick.model, quality: pick.quality, count: pick.count } });
      expect(r.status).toBe(202);
      balance = r.body.balance;
    }
    const refused = await callApp(app, "/api/v1/generate", { key, json: { prompt: "one more", model: "procedural" } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "insufficient_credits", details: { balance: 0, cost: 1 } });

    // Once Redis is back, the limiter counts again.
    await redis.start();
    const deadline = Date.now() + 15_000;
    for (;;) {
      const r = await callApp(app, "/api/v1/credits", { key });
      if (r.headers.get("x-ratelimit-limit") === "30") break;
      if (Date.now() > deadline) throw new Error("rate limiting did not resume within 15 s of Redis returning");
      await new Promise((res) => setTimeout(res, 200));
    }
  });
});
