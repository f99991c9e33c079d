import { describe, expect, it } from "vitest";
import { trustedOrigins } from "./trusted-origins";

describe("trustedOrigins", () => {
  it("trusts every loopback spelling of a loopback APP_URL, at its scheme and port only", () => {
    expect([...trustedOrigins("http://localhost:3000", [])].sort()).toEqual(["http://127.0.0.1:3000", "http://[::1]:3000", "http://localhost:3000"]);
    expect(trustedOrigins("http://127.0.0.1:4000", []).has("http://localhost:4000")).toBe(true);
    expect(trustedOrigins("http://127.0.0.1:4000", []).has("http://localhost:3000")).toBe(false);
    expect(trustedOrigins("http://127.0.0.1:4000", []).has("https://localhost:4000")).toBe(false);
  });

  it("adds nothing for a public APP_URL beyond it and the configured list", () => {
    expect([...trustedOrigins("https://pixola.example/", ["https://tools.example:8443/x", "not a url"])].sort()).toEqual([
      "https://pixola.example",
      "https://tools.example:8443",
    ]);
  });
});
