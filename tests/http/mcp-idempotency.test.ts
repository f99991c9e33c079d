import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectMcp, textOf, type McpTestClient } from "../helpers/mcp-clients";
import { baseUrl, call, newKey } from "./client";

describe("generate_image with idempotency_key", () => {
  let key: string;
  let mcp: McpTestClient;
  beforeAll(async () => {
    ({ key } = await newKey());
    mcp = await connectMcp("client 2.x legacy", `${baseUrl()}/mcp`, key);
  });
  afterAll(() => mcp?.close());

  it("a retry with the same key and arguments returns the same batch and charges once", async () => {
    const args = { prompt: "a paper boat", shape: "square-small", count: 2, idempotency_key: "mcp-retry-1" };
    const first = await mcp.callTool("generate_image", args);
    expect(first.isError).toBeFalsy();
    const again = await mcp.callTool("generate_image", args);
    expect(again.isError).toBeFalsy();
    const a = first.structuredContent as { batchId: string; creditsCharged: number };
    const b = again.structuredContent as { batchId: string };
    expect(b.batchId).toBe(a.batchId);
    expect((await call("/api/v1/credits", { key })).body.balance).toBe(1000 - 2);
    // The same key over REST with the same body is the same request.
    const rest = await call("/api/v1/generate", {
      key,
      json: { prompt: "a paper boat", shape: "square-small", count: 2 },
      headers: { "idempotency-key": "mcp-retry-1" },
    });
    expect(rest.status).toBe(202);
    expect(rest.body.batchId).toBe(a.batchId);
    expect(rest.headers.get("idempotent-replayed")).toBe("true");
  });

  it("the same key with other arguments is a tool error that says so, and charges nothing", async () => {
    await mcp.callTool("generate_image", { prompt: "a red kite", idempotency_key: "mcp-retry-2" });
    const before = (await call("/api/v1/credits", { key })).body.balance;
    const other = await mcp.callTool("generate_image", { prompt: "a blue kite", idempotency_key: "mcp-retry-2" });
    expect(other.isError).toBe(true);
    expect(textOf(other)).toMatch(/idempotency/i);
    expect((await call("/api/v1/credits", { key })).body.balance).toBe(before);
  });

  it("an empty idempotency_key is refused with a message saying what to send", async () => {
    const r = await mcp.callTool("generate_image", { prompt: "x", idempotency_key: "" });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/idempotency_key must not be empty/);
  });
});
