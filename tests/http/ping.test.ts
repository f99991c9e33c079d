import { inject, describe, expect, it } from "vitest";

describe("/api/ping (the benchmark's floors)", () => {
  it("GET answers a constant JSON body, not cached, without a key", async () => {
    const r = await fetch(`${inject("baseUrl")}/api/ping`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(await r.text()).toBe('{"ok":true}');
  });

  it("POST reads the body and answers the same; a body over the API's 64 KB cap gets 413", async () => {
    const ok = await fetch(`${inject("baseUrl")}/api/ping`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ x: "y".repeat(60_000) }) });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('{"ok":true}');
    const big = await fetch(`${inject("baseUrl")}/api/ping`, { method: "POST", body: "z".repeat(70_000) });
    expect(big.status).toBe(413);
    expect((await big.json()).error).toMatchObject({ code: "payload_too_large", message: "The request body is larger than the 64 KB limit." });
  });

  it("refuses other methods in JSON, like every API path", async () => {
    const r = await fetch(`${inject("baseUrl")}/api/ping`, { method: "PUT" });
    expect(r.status).toBe(405);
    expect((await r.json()).error.code).toBe("method_not_allowed");
  });
});
