import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { decide, retryAfterHeader } from "./check-rate-limit";

describe("decide", () => {
  const now = 1_700_000_000_000;

  it("sends the deciding window's numbers as X-RateLimit-* (reset in unix seconds)", () => {
    const d = decide({ kind: "checked", allowed: true, window: "minute", limit: 30, remaining: 29, reset: now + 42_500 }, now);
    expect(d).toEqual({
      allowed: true,
      error: null,
      headers: { "X-RateLimit-Limit": "30", "X-RateLimit-Remaining": "29", "X-RateLimit-Reset": String(Math.ceil((now + 42_500) / 1000)) },
    });
  });

  it("refuses with Retry-After strictly past the window's end and a message naming the limit", () => {
    const d = decide({ kind: "checked", allowed: false, window: "minute", limit: 30, remaining: 0, reset: now + 17_000 }, now);
    expect(d.allowed).toBe(false);
    expect(d.headers["Retry-After"]).toBe("18");
    expect(d.error).toBeInstanceOf(DomainError);
    expect(d.error).toMatchObject({ code: "rate_limited", details: { limit: 30, window: "minute", retryAfterSeconds: 18 } });
    expect(d.error!.message).toBe("Rate limit reached: this API key may make 30 requests per minute, REST and MCP together. Retry in 18 s.");
    expect(retryAfterHeader(d.error)).toEqual({ "Retry-After": "18" });
  });

  it("names the day and when it resets", () => {
    const d = decide({ kind: "checked", allowed: false, window: "day", limit: 1000, remaining: 0, reset: now + 3_600_000 }, now);
    expect(d.error!.message).toMatch(/1000 requests per day \(the count resets at 00:00 UTC\).*Retry in 3601 s/);
  });

  it("sends no numbers when the limiter is off or unavailable", () => {
    expect(decide({ kind: "off" })).toEqual({ allowed: true, headers: {}, error: null });
    expect(decide({ kind: "unavailable" })).toEqual({ allowed: true, headers: {}, error: null });
    expect(retryAfterHeader(new DomainError("bad_request", "x"))).toEqual({});
  });
});
