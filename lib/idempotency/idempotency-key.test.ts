import { describe, expect, it } from "vitest";
import { parseIdempotencyKey } from "./idempotency-key";

describe("parseIdempotencyKey", () => {
  it("accepts 1–255 visible ASCII characters and treats absence as no key", () => {
    expect(parseIdempotencyKey(null)).toBeUndefined();
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey("7f9c1e2a-0b5d-4c1e-9a43-2f6d8e0b1c3a")).toBe("7f9c1e2a-0b5d-4c1e-9a43-2f6d8e0b1c3a");
    expect(parseIdempotencyKey("k".repeat(255))).toHaveLength(255);
  });

  it.each([
    ["", /must not be empty/],
    ["k".repeat(256), /at most 255 characters \(got 256\)/],
    ["has space", /visible ASCII/],
    ["ünïcode", /visible ASCII/],
  ])("rejects %j with bad_request", (raw, message) => {
    expect(() => parseIdempotencyKey(raw)).toThrow(message);
    expect(() => parseIdempotencyKey(raw, "idempotency_key")).toThrow(/idempotency_key/);
  });
});
