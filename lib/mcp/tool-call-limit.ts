import type { AuthInfo } from "@modelcontextprotocol/server";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { checkRateLimit } from "@/lib/rate-limit/check-rate-limit";
import type { RateLimiter } from "@/lib/rate-limit/rate-limiter";
import { ctxFromAuthInfo } from "./auth";

const REFUSAL = "rateLimitRefusal";

/** Whether a JSON-RPC body (one message or a batch) contains a `tools/call`. */
function callsTool(body: string): boolean {
  try {
    const parsed = JSON.parse(body);
    return (Array.isArray(parsed) ? parsed : [parsed]).some((m) => m?.method === "tools/call");
  } catch {
    return false; // the SDK answers malformed JSON itself
  }
}

/**
 * Counts a request that calls a tool against the key's limits, the counters /api/v1 uses
 * too. Done in the route rather than in the tool so the HTTP response can carry
 * X-RateLimit-* and Retry-After; the refusal itself travels to the tool through authInfo
 * and comes back as a tool error (isError) that says when to retry. tools/list and the
 * handshake are not counted.
 */
export async function limitToolCalls(
  body: string,
  auth: AuthInfo,
  db: Db,
  limiter: RateLimiter,
): Promise<Record<string, string>> {
  if (!callsTool(body)) return {};
  const decision = await checkRateLimit({ ctx: ctxFromAuthInfo(db, auth), limiter });
  if (decision.error) {
    (auth.extra ??= {})[REFUSAL] = { message: decision.error.message, details: decision.error.details };
  }
  return decision.headers;
}

/** The refusal the route recorded for this request, as the error a tool answers with. */
export function rateLimitRefusal(auth: AuthInfo | undefined): DomainError | null {
  const r = auth?.extra?.[REFUSAL] as { message: string; details?: Record<string, unknown> } | undefined;
  return r ? new DomainError("rate_limited", r.message, r.details) : null;
}
