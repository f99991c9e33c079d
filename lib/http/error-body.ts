import type { ErrorCode } from "@/lib/errors";

export interface PublicError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * The one shape of every API error body: `{ error: { code, message, requestId, details? } }`.
 * A module of its own, free of zod and the logger: server.ts answers its refusals with it
 * before Next has loaded anything.
 */
export function errorBody(e: PublicError, requestId: string): string {
  return JSON.stringify({ error: { code: e.code, message: e.message, requestId, ...(e.details ? { details: e.details } : {}) } });
}
