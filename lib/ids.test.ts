import { describe, expect, it } from "vitest";
import { newId, newRequestId } from "./ids";

describe("ids", () => {
  it("request ids are req_ and 16 base64url characters, and do not repeat across pool refills", () => {
    const ids = Array.from({ length: 2000 }, () => newRequestId());
    for (const id of ids) expect(id).toMatch(/^req_[A-Za-z0-9_-]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("public ids carry their kind and 20 base62 characters", () => {
    expect(newId("img")).toMatch(/^img_[0-9A-Za-z]{20}$/);
  });
});
