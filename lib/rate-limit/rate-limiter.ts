import { Redis } from "@upstash/redis";
import type { RateLimitSettings } from "@/lib/config";
import { log } from "@/lib/log";
import { memoryWindow } from "./memory-window";
import { openRedisClient, redisRequester } from "./redis-requester";
import { upstashWindow } from "./upstash-window";
import { DAY_WINDOW, MINUTE_WINDOW, type WindowCounter, type WindowResult, type WindowSpec } from "./window";

export interface Limits {
  perMinute: number;
  perDay: number;
}

export type RateLimitBackend = "off" | "memory" | "redis" | "upstash";

/**
 * `checked`: the numbers of the window that decided (the refusing one, or when allowed the
 * one with fewer requests left). `unavailable`: the backend was slow or down and the request
 * is served anyway. `off`: RATE_LIMIT=off.
 */
export type LimitOutcome =
  | { kind: "off" }
  | { kind: "unavailable" }
  | ({ kind: "checked"; allowed: boolean; window: "minute" | "day" } & Omit<WindowResult, "success">);

export interface RateLimiter {
  readonly backend: RateLimitBackend;
  /** RATE_LIMIT_PER_MINUTE / _PER_DAY: when set they win over the plan's limits. */
  readonly overrides: Partial<Limits>;
  check(id: string, limits: Limits): Promise<LimitOutcome>;
  /** Requests served without a check since the process started (the fail-open counter). */
  failOpenCount(): number;
  close(): Promise<void>;
}

export interface LimiterWindows {
  minute: WindowSpec;
  day: WindowSpec;
}

/** Builds the limiter the configuration asks for; called once per process (lib/runtime.ts). */
export async function createRateLimiter(
  settings: RateLimitSettings,
  windows: LimiterWindows = { minute: MINUTE_WINDOW, day: DAY_WINDOW },
): Promise<RateLimiter> {
  if (!settings.enabled) {
    return { backend: "off", overrides: {}, check: async () => ({ kind: "off" }), failOpenCount: () => 0, close: async () => {} };
  }
  if (settings.upstash) {
    // No retries: a failed check is served anyway, and retrying would only hold the request.
    const redis = new Redis({ ...settings.upstash, retry: false, enableTelemetry: false });
    return sequentialLimiter("upstash", settings, windows, (w) => upstashWindow(redis, w), async () => {});
  }
  if (settings.redisUrl) {
    const client = await openRedisClient(settings.redisUrl, settings.timeoutMs);
    const redis = new Redis(redisRequester(client, settings.timeoutMs));
    return sequentialLimiter("redis", settings, windows, (w) => upstashWindow(redis, w), async () => {
      client.destroy();
    });
  }
  return sequentialLimiter("memory", settings, windows, (w) => memoryWindow(w), async () => {});
}

function sequentialLimiter(
  backend: RateLimitBackend,
  settings: RateLimitSettings,
  windows: LimiterWindows,
  makeWindow: (spec: WindowSpec) => WindowCounter,
  close: () => Promise<void>,
): RateLimiter {
  const minute = makeWindow(windows.minute);
  const day = makeWindow(windows.day);
  let failOpen = 0;
  let lastLog = 0;

  // Minute first, and the day only when the minute allows: checking both at once would
  // spend the day's quota on requests the minute refuses.
  const both = async (id: string, limits: Limits): Promise<LimitOutcome> => {
    const m = await minute.limit(id, limits.perMinute);
    if (!m.success) return outcome(false, "minute", m);
    const d = await day.limit(id, limits.perDay);
    if (!d.success) {
      // The day refused, so the request never happened: give its minute token back.
      await minute.limit(id, limits.perMinute, -1);
      return outcome(false, "day", d);
    }
    return d.remaining < m.remaining ? outcome(true, "day", d) : outcome(true, "minute", m);
  };

  const servedWithoutCheck = (reason: string, err?: unknown): LimitOutcome => {
    failOpen++;
    if (Date.now() - lastLog >= 10_000) {
      lastLog = Date.now();
      log.warn("rate limiter unavailable: serving requests unchecked (fail open)", { backend, reason, failOpenTotal: failOpen, err });
    }
    return { kind: "unavailable" };
  };

  return {
    backend,
    overrides: { perMinute: settings.perMinute, perDay: settings.perDay },
    async check(id, limits) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), settings.timeoutMs);
      });
      try {
        const result = await Promise.race([both(id, limits), deadline]);
        return result === "timeout" ? servedWithoutCheck("timeout") : result;
      } catch (err) {
        // Credits in Postgres remain the hard stop, so an unavailable limiter must not take
        // the API down with it.
        return servedWithoutCheck("error", err);
      } finally {
        clearTimeout(timer);
      }
    },
    failOpenCount: () => failOpen,
    close,
  };
}

const outcome = (allowed: boolean, window: "minute" | "day", r: WindowResult): LimitOutcome => ({
  kind: "checked",
  allowed,
  window,
  limit: r.limit,
  remaining: r.remaining,
  reset: r.reset,
});
