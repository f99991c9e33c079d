import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { plans, wallets } from "@/db/schema";
import type { Limits } from "./rate-limiter";

const DEFAULT_LIMITS: Limits = { perMinute: 30, perDay: 1000 };
const CACHE_MS = 60_000;
const CACHE_MAX = 10_000;

// Plans change rarely and a stale minute is harmless, so the lookup is not on every request.
const g = globalThis as unknown as { __pixolaPlanLimits?: Map<string, { limits: Limits; until: number }> };
const cache = (g.__pixolaPlanLimits ??= new Map());

/**
 * The limits that apply to a user: the operator's overrides (RATE_LIMIT_PER_MINUTE /
 * _PER_DAY) where set, else the user's plan (`plans` table), else the Free plan's 30 / 1,000.
 */
export async function resolveLimits(db: Db, userId: string, overrides: Partial<Limits>): Promise<Limits> {
  if (overrides.perMinute && overrides.perDay) return { perMinute: overrides.perMinute, perDay: overrides.perDay };
  const plan = await planLimits(db, userId);
  return { perMinute: overrides.perMinute ?? plan.perMinute, perDay: overrides.perDay ?? plan.perDay };
}

async function planLimits(db: Db, userId: string): Promise<Limits> {
  const hit = cache.get(userId);
  if (hit && hit.until > Date.now()) return hit.limits;
  const [row] = await db
    .select({ perMinute: plans.requestsPerMinute, perDay: plans.requestsPerDay })
    .from(wallets)
    .innerJoin(plans, eq(plans.slug, wallets.plan))
    .where(eq(wallets.userId, userId));
  const limits = row ?? DEFAULT_LIMITS;
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(userId, { limits, until: Date.now() + CACHE_MS });
  return limits;
}
