import { badRequest } from "@/lib/errors";

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * Validates a client-chosen idempotency key (the REST `Idempotency-Key` header, or the MCP
 * `idempotency_key` argument). Absent means "not idempotent"; present must be 1–255
 * visible ASCII characters, e.g. a UUID.
 */
export function parseIdempotencyKey(raw: string | null | undefined, field = "Idempotency-Key"): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (raw.length === 0) throw badRequest(`${field} must not be empty: send a unique value such as a UUID, or leave it out.`);
  if (raw.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw badRequest(`${field} must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters (got ${raw.length}).`, {
      limit: MAX_IDEMPOTENCY_KEY_LENGTH,
    });
  }
  if (!/^[\x21-\x7e]+$/.test(raw)) {
    throw badRequest(`${field} may contain only visible ASCII characters (no spaces); a UUID is a good choice.`);
  }
  return raw;
}
