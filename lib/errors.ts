/**
 * The one error type of the domain layer. Every surface maps it with one adapter:
 * HTTP through `HTTP_STATUS` (lib/http/respond.ts), MCP through lib/mcp/errors.ts.
 */
export const HTTP_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  insufficient_credits: 409,
  content_flagged: 409,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal_error: 500,
  provider_failed: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof HTTP_STATUS;
export const ERROR_CODES = Object.keys(HTTP_STATUS) as ErrorCode[];

export class DomainError extends Error {
  readonly code: ErrorCode;
  /** Extra fields safe to show the caller (e.g. `{ balance, cost }`). */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new DomainError("bad_request", message, details);

/** The same answer for "missing" and "someone else's", so ids cannot be probed. */
export const notFound = (what: string, id: string) =>
  new DomainError("not_found", `${what} '${id}' was not found.`);

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
