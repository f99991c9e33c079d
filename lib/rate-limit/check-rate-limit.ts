import { limitedCredential, type Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { resolveLimits } from "./plan-limits";
import type { LimitOutcome, RateLimiter } from "./rate-limiter";

export interface RateLimitDecision {
  allowed: boolean;
  /** X-RateLimit-Limit/-Remaining/-Reset, plus Retry-After when refused. Empty when the
   * limiter is off or was unavailable: no made-up numbers. */
  headers: Record<string, string>;
  /** Set when refused: the error to answer with (HTTP 429, or an MCP tool error). */
  error: DomainError | null;
}

/**
 * Counts one request for the calling API key (or OAuth grant) against its per-minute and
 * per-day limits. REST (lib/http/api-route.ts) calls this once per keyed request and MCP once
 * per `tools/call`; both use the key id as the identifier, so they share the counters.
 */
export async function checkRateLimit({ ctx, limiter }: { ctx: Ctx; limiter: RateLimiter }): Promise<RateLimitDecision> {
  const credential = limitedCredential(ctx);
  if (!credential) throw new Error("checkRateLimit needs a context authenticated by an API key or OAuth token");
  if (limiter.backend === "off") return { allowed: true, headers: {}, error: null };
  const limits = await resolveLimits(ctx.db, ctx.userId, limiter.overrides);
  return decide(await limiter.check(credential, limits), Date.now(), ctx.actor.kind === "oauth" ? "connection" : "API key");
}

export function decide(outcome: LimitOutcome, now = Date.now(), who = "API key"): RateLimitDecision {
  if (outcome.kind !== "checked") return { allowed: true, headers: {}, error: null };
  const headers: Record<string, string> = {
    "X-RateLimit-Limit": String(outcome.limit),
    "X-RateLimit-Remaining": String(outcome.remaining),
    "X-RateLimit-Reset": String(Math.ceil(outcome.reset / 1000)),
  };
  if (outcome.allowed) return { allowed: true, headers, error: null };
  // Strictly after the window ends: at its very first millisecond the sliding minute still
  // weighs the whole previous window.
  const retryAfterSeconds = Math.floor(Math.max(0, outcome.reset - now) / 1000) + 1;
  headers["Retry-After"] = String(retryAfterSeconds);
  const per = outcome.window === "minute" ? "per minute" : "per day (the count resets at 00:00 UTC)";
  const error = new DomainError(
    "rate_limited",
    `Rate limit reached: this ${who} may make ${outcome.limit} requests ${per}, REST and MCP together. Retry in ${retryAfterSeconds} s.`,
    { limit: outcome.limit, window: outcome.window, retryAfterSeconds, resetAt: new Date(outcome.reset).toISOString() },
  );
  return { allowed: false, headers, error };
}

/** Retry-After for any rate_limited error that says when to retry (keys, key creation). */
export function retryAfterHeader(err: unknown): Record<string, string> {
  const seconds = err instanceof DomainError && err.code === "rate_limited" ? err.details?.retryAfterSeconds : undefined;
  return typeof seconds === "number" ? { "Retry-After": String(seconds) } : {};
}
