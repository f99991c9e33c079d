import { APICallError } from "@ai-sdk/provider";
import { NoImageGeneratedError, RetryError } from "ai";
import { ProviderError, parseRetryAfter, type ProviderFailure } from "./errors";
import { failureForStatus } from "./http";

/**
 * Turns what an AI SDK call threw into the same classified ProviderError that http.ts produces
 * for in-house adapters, so the worker sees one vocabulary whichever way a provider is called.
 *
 * Callers check `io.signal.aborted` first and rethrow the abort as is: an abort is the worker's
 * own decision (deadline, lost lease), not a provider failure.
 *
 * `classify` refines a non-2xx answer exactly like http.ts's (status, body) callback, e.g. an
 * OpenAI 400 whose body carries `error.code: "moderation_blocked"`.
 */
export type Classify = (status: number, body: string) => ProviderFailure | undefined;

const trim = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…` : s);

export function fromAiSdkError(label: string, err: unknown, classify?: Classify): ProviderError {
  if (err instanceof ProviderError) return err;
  // With maxRetries > 0 the SDK wraps the last failure; classify that one.
  if (RetryError.isInstance(err) && err.lastError !== undefined) return fromAiSdkError(label, err.lastError, classify);

  if (APICallError.isInstance(err)) {
    const status = err.statusCode;
    const body = err.responseBody ?? "";
    if (status === undefined) {
      // The SDK's own wrapper for fetch failures ("Cannot connect to API").
      return new ProviderError("transient", `${label}: network error`, { detail: String((err.cause as Error)?.message ?? err.message) });
    }
    if (status >= 200 && status < 300) {
      // A 2xx the SDK could not parse or validate: a malformed answer, worth a retry.
      return new ProviderError("transient", `${label}: malformed answer`, { detail: trim(body) });
    }
    const kind = classify?.(status, body) ?? failureForStatus(status);
    return new ProviderError(kind, `${label}: HTTP ${status}`, {
      retryAfterMs: parseRetryAfter(err.responseHeaders?.["retry-after"]),
      detail: `${status} ${trim(body)}`,
    });
  }

  if (NoImageGeneratedError.isInstance(err)) {
    // The SDK keeps no reason (refusals it knows about are HTTP errors above), so retry.
    return new ProviderError("transient", `${label}: the provider returned no image`);
  }

  // Argument errors the SDK raises before sending anything are our request's fault.
  const name = (err as Error)?.name ?? "";
  if (name === "AI_InvalidArgumentError" || name === "AI_UnsupportedFunctionalityError") {
    return new ProviderError("invalid", `${label}: request rejected by the SDK`, { detail: String((err as Error).message) });
  }
  return new ProviderError("transient", `${label}: unexpected error`, { cause: err, detail: String((err as Error)?.message ?? err) });
}
