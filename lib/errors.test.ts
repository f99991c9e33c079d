import { describe, expect, it } from "vitest";
import { ERROR_CODES, HTTP_STATUS, type ErrorCode } from "./errors";

// Exhaustive by type: adding a code without a status here fails to compile.
const expected: Record<ErrorCode, number> = {
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
};

describe("error codes", () => {
  it("every code maps to exactly one HTTP status, the one of the REST contract", () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual(Object.keys(expected).sort());
    for (const code of ERROR_CODES) {
      expect(HTTP_STATUS[code]).toBe(expected[code]);
      expect(Number.isInteger(HTTP_STATUS[code]) && HTTP_STATUS[code] >= 400 && HTTP_STATUS[code] < 600).toBe(true);
    }
  });
});
