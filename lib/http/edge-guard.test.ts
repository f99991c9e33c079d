import { describe, expect, it } from "vitest";
import { isApiPath, isCrossOriginPagePost, malformedPath, pathOf } from "./edge-guard";

describe("edge guard", () => {
  it("finds path segments whose percent-encoding does not decode", () => {
    for (const bad of ["/api/v1/batches/%ff", "/images/%c0%80", "/files/%ff.png", "/a/%E0%A4%A", "/x/%", "/x/%zz"]) {
      expect(malformedPath(bad), bad).toMatch(/is not valid percent-encoded UTF-8/);
    }
    expect(malformedPath("/api/%2e%2e")).toMatch(/encoded dot segment/);
    expect(malformedPath("/api/v1/images/%2E")).toMatch(/encoded dot segment/);
    for (const good of ["/", "/api/v1/images/img_abc", "/images/%E2%9C%93", "/a%20b/%00", "/api/v1/styles/water%2Fcolor"]) {
      expect(malformedPath(good), good).toBeUndefined();
    }
    expect(pathOf("/files/%ff.png?exp=1&sig=x")).toBe("/files/%ff.png");
  });

  it("tells API paths (JSON answers) from pages", () => {
    expect(["/api/v1/models", "/mcp", "/mcp/x", "/files/a.png", "/.well-known/oauth-protected-resource"].every(isApiPath)).toBe(true);
    expect(["/", "/images/x", "/apix", "/mcpx", "/settings/api-keys"].some(isApiPath)).toBe(false);
  });

  it("flags a page POST from another origin, not same-origin posts or API calls", () => {
    expect(isCrossOriginPagePost("POST", "/settings/api-keys", "http://evil.example", "127.0.0.1:3000")).toBe(true);
    expect(isCrossOriginPagePost("POST", "/settings/api-keys", "null", "127.0.0.1:3000")).toBe(true);
    expect(isCrossOriginPagePost("POST", "/settings/api-keys", "http://127.0.0.1:3000", "127.0.0.1:3000")).toBe(false);
    expect(isCrossOriginPagePost("POST", "/settings/api-keys", undefined, "127.0.0.1:3000")).toBe(false);
    expect(isCrossOriginPagePost("GET", "/settings/api-keys", "http://evil.example", "127.0.0.1:3000")).toBe(false);
    expect(isCrossOriginPagePost("POST", "/api/v1/generate", "http://evil.example", "127.0.0.1:3000")).toBe(false);
  });
});
