import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import type { WindowCounter, WindowSpec } from "./window";

/**
 * A window backed by @upstash/ratelimit. A Ratelimit instance has a fixed number of tokens,
 * so there is one per distinct limit (one per plan in practice), all sharing the window's
 * key prefix: a key's counter survives a plan change. Instances are kept for the life of
 * the process so their ephemeral cache of blocked ids keeps working.
 */
export function upstashWindow(redis: Redis, spec: WindowSpec): WindowCounter {
  const byTokens = new Map<number, Ratelimit>();
  const limiterFor = (tokens: number) => {
    let rl = byTokens.get(tokens);
    if (!rl) {
      rl = new Ratelimit({
        redis,
        prefix: spec.prefix,
        limiter: spec.kind === "sliding" ? Ratelimit.slidingWindow(tokens, `${spec.ms} ms`) : Ratelimit.fixedWindow(tokens, `${spec.ms} ms`),
        // The deadline is applied once around both windows (rate-limiter.ts); Ratelimit's own
        // timeout would apply per call and answer with placeholder zeros.
        timeout: 0,
        analytics: false,
        // Protection downloads an IP deny list from GitHub on use; Pixola must work offline.
        enableProtection: false,
      });
      byTokens.set(tokens, rl);
    }
    return rl;
  };
  return {
    async limit(id, tokens, rate = 1) {
      const r = await limiterFor(tokens).limit(id, { rate });
      return { success: r.success, limit: r.limit, remaining: r.remaining, reset: r.reset };
    },
  };
}
