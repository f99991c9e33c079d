import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { displayParts, generateKey, hashKey, isWellFormedKey, KEY_PATTERN } from "./codec";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

describe("API key codec", () => {
  test.prop([fc.integer({ min: 0, max: 1e9 })], { numRuns: 10_000 })("generated keys round-trip and match the shape", () => {
    const key = generateKey();
    expect(key).toMatch(KEY_PATTERN);
    expect(isWellFormedKey(key)).toBe(true);
  });

  test.prop([fc.nat(), fc.nat({ max: 61 })], { numRuns: 10_000 })("any single-character change fails the checksum", (pos, ch) => {
    const key = generateKey();
    const i = 4 + (pos % 38);
    const replacement = BASE62[ch] === key[i] ? BASE62[(ch + 1) % 62] : BASE62[ch];
    const mutated = key.slice(0, i) + replacement + key.slice(i + 1);
    expect(isWellFormedKey(mutated)).toBe(false);
  });

  test.prop([fc.integer({ min: 0, max: 41 })], { numRuns: 2_000 })("any truncation fails", (len) => {
    expect(isWellFormedKey(generateKey().slice(0, len))).toBe(false);
  });

  it("rejects other prefixes, extra characters and non-strings' shapes", () => {
    const key = generateKey();
    expect(isWellFormedKey(key.replace("pxk_", "pxx_"))).toBe(false);
    expect(isWellFormedKey(`${key}a`)).toBe(false);
    expect(isWellFormedKey(` ${key}`)).toBe(false);
    expect(isWellFormedKey("")).toBe(false);
  });

  it("stores only a SHA-256 and shows only the start and the last four", () => {
    const key = generateKey();
    expect(hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKey(key)).not.toContain(key.slice(4, 12));
    expect(displayParts(key)).toEqual({ start: key.slice(0, 8), last4: key.slice(-4) });
  });
});
