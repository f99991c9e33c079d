import { describe, expect, it } from "vitest";
import { requestHash } from "./request-hash";

describe("requestHash", () => {
  it("ignores key order and undefined fields, and tells different requests apart", () => {
    expect(requestHash({ prompt: "a", count: 2, style: undefined })).toBe(requestHash({ count: 2, prompt: "a" }));
    expect(requestHash({ prompt: "a", count: 2 })).not.toBe(requestHash({ prompt: "a", count: 3 }));
    expect(requestHash({ a: [1, { y: 1, x: 2 }] })).toBe(requestHash({ a: [1, { x: 2, y: 1 }] }));
    expect(requestHash({ a: [1, 2] })).not.toBe(requestHash({ a: [2, 1] }));
    expect(requestHash({ prompt: "1" })).not.toBe(requestHash({ prompt: 1 }));
  });
});
