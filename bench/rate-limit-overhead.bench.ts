/**
 * Per-request cost of the per-key rate limiter: GET /api/v1/credits (a keyed route) on the
 * built app with RATE_LIMIT=off, with the embedded (in-memory) limiter, and with Redis
 * (a throwaway redis-server on loopback), measured in one run. Limits are set far above
 * the load so every request is checked and none refused. A second table times the check
 * alone (RateLimiter.check in this process), free of HTTP and machine-load noise.
 * Run: npx next build && npx tsx bench/rate-limit-overhead.bench.ts
 */
import { execFileSync } from "node:child_process";
import type { RateLimitSettings } from "../lib/config";
import { createRateLimiter } from "../lib/rate-limit/rate-limiter";
import { startAppServer, type AppServer } from "../tests/helpers/app-server";
import { startRedisServer, type RedisServer } from "../tests/helpers/redis-server";
import { fmt, median, runLoad, type LoadResult } from "./lib/load";

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);
// Rounds interleave the variants so that drift in machine load hits all of them alike; each
// figure is the median over the rounds.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LOADS = [1, 16]; // one connection: latency added per request; 16: throughput under load
const HIGH = { RATE_LIMIT_PER_MINUTE: "1000000000", RATE_LIMIT_PER_DAY: "1000000000" };

const hasRedis = (() => {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

const redis: RedisServer | null = hasRedis ? await startRedisServer() : null;
const variants: { name: string; env: Record<string, string> }[] = [
  { name: "limiting off (RATE_LIMIT=off)", env: { RATE_LIMIT: "off" } },
  { name: "embedded (in memory)", env: HIGH },
  ...(redis ? [{ name: "Redis (REDIS_URL, loopback)", env: { ...HIGH, REDIS_URL: redis.url } }] : []),
];

const apps: AppServer[] = [];
try {
  for (const v of variants) apps.push(await startAppServer({ LOG_LEVEL: "error", ...v.env }, { wasmTierUp: true }));
  const keys = await Promise.all(
    apps.map(async (app) => {
      const res = await fetch(`${app.url}/api/admin/keys`, {
        method: "POST",
        headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
        body: JSON.stringify({ email: "bench@example.com", name: "bench" }),
      });
      return ((await res.json()) as { key: string }).key;
    }),
  );
  const load = (i: number, connections: number, durationMs: number) =>
    runLoad(`${apps[i].url}/api/v1/credits`, { connections, durationMs, headers: { authorization: `Bearer ${keys[i]}` } });
  const rounds = new Map<string, LoadResult[]>();
  for (const connections of LOADS) {
    // Warm every app first (JIT, route compilation, Redis script cache), then measure.
    for (const i of apps.keys()) await load(i, connections, 1500);
    for (let round = 0; round < ROUNDS; round++) {
      for (const i of apps.keys()) {
        const key = `${variants[i].name}|${connections}`;
        rounds.set(key, [...(rounds.get(key) ?? []), await load(i, connections, DURATION_MS)]);
      }
    }
  }
  const results = new Map<string, Omit<LoadResult, "latencies">>(
    [...rounds].map(([k, rs]) => [
      k,
      { requests: median(rs.map((r) => r.requests)), errors: rs.reduce((n, r) => n + r.errors, 0), rps: median(rs.map((r) => r.rps)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)) },
    ]),
  );

  console.log(`GET /api/v1/credits with a key — medians of ${ROUNDS} interleaved rounds of ${DURATION_MS / 1000} s, keep-alive connections on loopback\n`);
  console.log("| limiter | connections | req/s | p50 ms | p99 ms | p50 overhead ms | p99 overhead ms | errors |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const connections of LOADS) {
    const off = results.get(`${variants[0].name}|${connections}`)!;
    for (const v of variants) {
      const r = results.get(`${v.name}|${connections}`)!;
      const delta = (a: number, b: number) => (v === variants[0] ? "—" : `${a - b >= 0 ? "+" : ""}${fmt(a - b, 2)}`);
      console.log(
        `| ${v.name} | ${connections} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${delta(r.p50, off.p50)} | ${delta(r.p99, off.p99)} | ${r.errors} |`,
      );
    }
  }

  // The check alone, sequentially, as the route runs it: minute window, then day window.
  const CHECKS = 5000;
  const base: RateLimitSettings = { enabled: true, perMinute: undefined, perDay: undefined, timeoutMs: 1000, redisUrl: undefined, upstash: undefined };
  const direct: [string, RateLimitSettings][] = [["embedded (in memory)", base]];
  if (redis) direct.push(["Redis (REDIS_URL, loopback)", { ...base, redisUrl: redis.url }]);
  console.log(`\nRateLimiter.check alone — ${CHECKS} sequential checks of one key, after 500 warm-up checks\n`);
  console.log("| limiter | p50 µs | p99 µs |");
  console.log("|---|---|---|");
  for (const [name, settings] of direct) {
    const limiter = await createRateLimiter(settings);
    const limits = { perMinute: 1e9, perDay: 1e9 };
    for (let i = 0; i < 500; i++) await limiter.check("key_bench", limits);
    const times: number[] = [];
    for (let i = 0; i < CHECKS; i++) {
      const t0 = performance.now();
      await limiter.check("key_bench", limits);
      times.push((performance.now() - t0) * 1000);
    }
    await limiter.close();
    times.sort((a, b) => a - b);
    console.log(`| ${name} | ${fmt(times[Math.floor(CHECKS * 0.5)], 0)} | ${fmt(times[Math.floor(CHECKS * 0.99)], 0)} |`);
  }
  if (!redis) console.log("\n(no redis-server on PATH: the Redis rows were skipped)");
} finally {
  await Promise.all(apps.map((a) => a.stop()));
  await redis?.stop();
}
