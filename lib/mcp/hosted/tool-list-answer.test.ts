import { describe, expect, it } from "vitest";
import { createPixolaMcpHandler } from "./handler";
import { plainToolsListId } from "./tool-list-answer";

const ACCEPT = "application/json, text/event-stream";
const request = (headers: Record<string, string> = {}) =>
  new Request("http://test.local/mcp", { method: "POST", headers: { "content-type": "application/json", accept: ACCEPT, ...headers } });

describe("the tool list answered from one serialization per process", () => {
  it("takes only a plain 2025-era tools/list: one request, no params, a served protocol version, both media types accepted", () => {
    const list = { jsonrpc: "2.0", id: 7, method: "tools/list" };
    expect(plainToolsListId(request(), list)).toBe(7);
    expect(plainToolsListId(request(), { ...list, id: "a" })).toBe("a");
    expect(plainToolsListId(request(), { ...list, params: {} })).toBe(7);
    expect(plainToolsListId(request({ "mcp-protocol-version": "2025-06-18" }), list)).toBe(7);
    // Everything else is the SDK's to answer (or refuse).
    expect(plainToolsListId(request(), { ...list, params: { cursor: "x" } })).toBeUndefined();
    expect(plainToolsListId(request(), { ...list, params: { _meta: { progressToken: 1 } } })).toBeUndefined();
    expect(plainToolsListId(request(), [list])).toBeUndefined();
    expect(plainToolsListId(request(), { ...list, id: null })).toBeUndefined();
    expect(plainToolsListId(request(), { ...list, id: { x: 1 } })).toBeUndefined();
    expect(plainToolsListId(request(), { ...list, jsonrpc: "1.0" })).toBeUndefined();
    expect(plainToolsListId(request(), { ...list, method: "tools/call" })).toBeUndefined();
    expect(plainToolsListId(request(), { ...list, extra: true })).toBeUndefined();
    expect(plainToolsListId(request({ accept: "application/json" }), list)).toBeUndefined();
    expect(plainToolsListId(request({ "mcp-protocol-version": "1999-01-01" }), list)).toBeUndefined();
  });

  it("answers exactly what the SDK answers, for each protocol version, with the caller's id", async () => {
    const handler = createPixolaMcpHandler(() => {
      throw new Error("tools/list needs no port");
    }, { waitMs: 1000, inlineThumbnails: false, log: { info() {}, error() {} } });
    const send = async (body: object, headers: Record<string, string> = {}) => {
      const res = await handler(new Request(request(headers), { body: JSON.stringify(body) }), { parsedBody: body });
      return { status: res.status, type: res.headers.get("content-type"), body: await res.json() };
    };
    const versions: Record<string, string>[] = [{}, { "mcp-protocol-version": "2025-06-18" }, { "mcp-protocol-version": "2024-11-05" }];
    for (const headers of versions) {
      // `params: { _meta: {} }` is not plain, so the SDK answers it in full.
      const sdk = await send({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: {} } }, headers);
      for (const id of [1, "req-9", 0]) {
        const fast = await send({ jsonrpc: "2.0", id, method: "tools/list" }, headers);
        expect(fast).toEqual({ ...sdk, body: { ...sdk.body, id } });
      }
      expect(sdk.body.result.tools).toHaveLength(8);
    }
    // A version the SDK does not serve still gets its refusal.
    const refused = await send({ jsonrpc: "2.0", id: 1, method: "tools/list" }, { "mcp-protocol-version": "1999-01-01" });
    expect(refused.status).toBe(400);
  });
});
