import type { AuthInfo } from "@modelcontextprotocol/server";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { checkRateLimit } from "@/lib/rate-limit/check-rate-limit";
import type { RateLimiter } from "@/lib/rate-limit/rate-limiter";
import { ctxFromAuthInfo } from "./auth";
import { idKey, jsonRpcMessages } from "./messages";

const REFUSALS = "rateLimitRefusals";

type Refusal = { message: string; details?: Record<string, unknown> };

/**
 * Counts every `tools/call` in the body against the key's limits, the counters /api/v1 uses
 * too: one check per call, so a JSON-RPC batch costs what its calls would cost one by one.
 * Done in the route rather than in the tool so the HTTP response can carry X-RateLimit-*
 * (after the last call) and Retry-After; each refusal travels to its call through authInfo,
 * keyed by the JSON-RPC id, and comes back as a tool error (isError) that says when to
 * retry. tools/list and the handshake are not counted.
 */
export async function limitToolCalls(
  body: string,
  auth: AuthInfo,
  db: Db,
  limiter: RateLimiter,
): Promise<Record<string, string>> {
  const calls = jsonRpcMessages(body).filter((m) => m.method === "tools/call");
  const headers: Record<string, string> = {};
  const refusals: Record<string, Refusal> = {};
  const ctx = ctxFromAuthInfo(db, auth);
  for (const call of calls) {
    const decision = await checkRateLimit({ ctx, limiter });
    // Later calls' numbers win; a Retry-After from any refused call stays.
    Object.assign(headers, decision.headers);
    if (decision.error) refusals[idKey(call.id)] = { message: decision.error.message, details: decision.error.details };
  }
  if (Object.keys(refusals).length > 0) (auth.extra ??= {})[REFUSALS] = refusals;
  return headers;
}

/** The refusal the route recorded for the call with this JSON-RPC id, as the error a tool answers with. */
export function rateLimitRefusal(auth: AuthInfo | undefined, id: unknown): DomainError | null {
  const r = (auth?.extra?.[REFUSALS] as Record<string, Refusal> | undefined)?.[idKey(id)];
  return r ? new DomainError("rate_limited", r.message, r.details) : null;
}
