/**
 * How a provider failure is treated. The worker decides retry, refund and the user's message
 * from `kind` alone; `detail` is for logs and never reaches a user (it may hold provider text).
 *
 * - moderation: the provider refused the prompt or output on content policy → content_flagged, no retry.
 * - invalid: the request itself is wrong (unsupported size, bad parameter) → no retry.
 * - auth: the provider refused our credentials → no retry; the operator must fix the key.
 * - rate_limited: 429; wait `retryAfterMs` and slow this provider down.
 * - transient: 5xx, timeouts, network errors, malformed answers → retry with back-off.
 */
export type ProviderFailure = "moderation" | "invalid" | "auth" | "rate_limited" | "transient";

export class ProviderError extends Error {
  readonly kind: ProviderFailure;
  readonly retryAfterMs?: number;
  /** Internal: status and a trimmed body, for the log. */
  readonly detail?: string;
  /**
   * Set by a queue client's `check` when the provider says the job itself ended in failure:
   * a retry must submit a new job. Otherwise (network, 5xx on the status call) the stored job
   * is polled again, so the provider is never paid twice.
   */
  readonly jobFailed?: boolean;

  constructor(
    kind: ProviderFailure,
    message: string,
    opts: { retryAfterMs?: number; detail?: string; cause?: unknown; jobFailed?: boolean } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "ProviderError";
    this.kind = kind;
    this.retryAfterMs = opts.retryAfterMs;
    this.detail = opts.detail;
    this.jobFailed = opts.jobFailed;
  }
}

export const isProviderError = (e: unknown): e is ProviderError => e instanceof ProviderError;

/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const s = Number(value);
  if (Number.isFinite(s) && s >= 0) return Math.round(s * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
