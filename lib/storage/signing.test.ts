import { describe, expect, it } from "vitest";
import { signKey, verifySignature } from "./signing";

describe("signed file URLs", () => {
  const secret = "s3cret";
  it("verifies its own signature until it expires", () => {
    const now = Date.now();
    const { exp, sig } = signKey(secret, "bat_1/img_1.png", 600, now);
    expect(exp * 1000).toBeGreaterThanOrEqual(now + 600_000);
    expect(verifySignature(secret, "bat_1/img_1.png", String(exp), sig, now)).toBe(true);
    expect(verifySignature(secret, "bat_1/img_1.png", String(exp), sig, exp * 1000 + 1)).toBe(false);
  });
  it("rejects another key, another expiry, another secret and garbage", () => {
    const { exp, sig } = signKey(secret, "a/b.png", 600);
    expect(verifySignature(secret, "a/c.png", String(exp), sig)).toBe(false);
    expect(verifySignature(secret, "a/b.png", String(exp + 3600), sig)).toBe(false);
    expect(verifySignature("other", "a/b.png", String(exp), sig)).toBe(false);
    expect(verifySignature(secret, "a/b.png", "abc", sig)).toBe(false);
    expect(verifySignature(secret, "a/b.png", null, null)).toBe(false);
  });
  it("accepts the expiry only in the form it signed: no leading zero, sign or padding", () => {
    const { exp, sig } = signKey(secret, "a/b.png", 600);
    for (const spelling of [`0${exp}`, `00${exp}`, `+${exp}`, ` ${exp}`, `${exp}.0`, `${exp}e0`]) {
      expect(verifySignature(secret, "a/b.png", spelling, sig)).toBe(false);
    }
  });
  it("returns the same URL for repeated reads within the hour, so files cache", () => {
    const t = Date.UTC(2026, 0, 1, 10, 5);
    expect(signKey(secret, "k.png", 3600, t)).toEqual(signKey(secret, "k.png", 3600, t + 60_000));
  });
});
