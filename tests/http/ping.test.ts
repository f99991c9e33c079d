import { inject, describe, expect, it } from "vitest";

describe("GET /api/ping (the benchmark's floor)", () => {
  it("answers a constant JSON body, not cached, without a key", async () => {
    const r = await fetch(`${inject("baseUrl")}/api/ping`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(await r.text()).toBe('{"ok":true}');
  });

  it("refuses other methods in JSON, like every API path", async () => {
    const r = await fetch(`${inject("baseUrl")}/api/ping`, { method: "POST" });
    expect(r.status).toBe(405);
    expect((await r.json()).error.code).toBe("method_not_allowed");
  });
});
