/** What one counting window answers; `reset` is when the current window ends (unix ms). */
export interface WindowResult {
  success: boolean;
  limit: number;
  remaining: number;
  reset: number;
}

/**
 * One window of the per-key limit: the sliding minute or the fixed day. Upstash's algorithms
 * (over Redis) and the in-memory port implement it with the same arithmetic.
 */
export interface WindowCounter {
  /** Counts `rate` requests (1; -1 gives one back) for `id` against `tokens` per window. */
  limit(id: string, tokens: number, rate?: number): Promise<WindowResult>;
}

export interface WindowSpec {
  /** sliding: the previous window is weighted into the current one; fixed: a plain counter. */
  kind: "sliding" | "fixed";
  ms: number;
  /** Redis key prefix, so the minute and the day never share a counter. */
  prefix: string;
}

export const MINUTE_WINDOW: WindowSpec = { kind: "sliding", ms: 60_000, prefix: "pixola:rl:min" };
// Fixed windows are aligned to the epoch, so the day quota resets at 00:00 UTC.
export const DAY_WINDOW: WindowSpec = { kind: "fixed", ms: 86_400_000, prefix: "pixola:rl:day" };
