import { describe, expect, it } from "vitest";
import { routePattern } from "./access-log";

describe("routePattern", () => {
  it.each([
    ["/api/v1/images/img_abc", { imageId: "img_abc" }, "/api/v1/images/[imageId]"],
    ["/files/usr_9/bat_1/0.png", { key: ["usr_9", "bat_1", "0.png"] }, "/files/[...key]"],
    ["/api/admin/keys/key_1/revoke", { keyId: "key_1" }, "/api/admin/keys/[keyId]/revoke"],
    ["/api/v1/batches/bat_%00x", { batchId: "bat_\u0000x" }, "/api/v1/batches/[batchId]"],
    ["/api/auth/reset-password/tok123", { all: ["reset-password", "tok123"] }, "/api/auth/[...all]"],
    ["/mcp", undefined, "/mcp"],
  ])("%s → its pattern", (path, params, pattern) => {
    expect(routePattern(path, params)).toBe(pattern);
  });
});
