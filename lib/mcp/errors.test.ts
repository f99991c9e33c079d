import { Client, InMemoryTransport } from "@modelcontextprotocol/client";
import { McpServer } from "@modelcontextprotocol/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DomainError, ERROR_CODES, type ErrorCode } from "@/lib/errors";
import { log } from "@/lib/log";
import { MCP_OUTCOME } from "./errors";
import type { PixolaPort } from "./port";
import { registerPixolaTools } from "./register-tools";

/** A real McpServer with Pixola's tools and a real client, linked in memory; check_credits throws `failure`. */
async function callFailing(failure: unknown) {
  const port = { requestId: "req_test", checkCredits: () => Promise.reject(failure) } as unknown as PixolaPort;
  const server = new McpServer({ name: "pixola", version: "test" });
  registerPixolaTools(server, () => port, { waitMs: 1000, inlineThumbnails: false, log });
  const client = new Client({ name: "unit", version: "1" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), client.connect(b)]);
  try {
    return await client.callTool({ name: "check_credits", arguments: {} }).then(
      (result) => ({ result, error: null }),
      (error: Error & { code?: number }) => ({ result: null, error }),
    );
  } finally {
    await client.close();
    await server.close();
  }
}

describe("MCP error adapter", () => {
  it("gives every error code exactly one MCP outcome", () => {
    expect(Object.keys(MCP_OUTCOME).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) expect(["tool_error", "protocol_error", "internal"]).toContain(MCP_OUTCOME[code]);
  });

  it.each(ERROR_CODES.map((c) => [c, MCP_OUTCOME[c]] as [ErrorCode, string]))("%s → %s", async (code, outcome) => {
    const message = `the ${code} message (secret internal detail)`;
    const logged = vi.spyOn(log, "error").mockImplementation(() => {});
    const { result, error } = await callFailing(new DomainError(code, message));
    const logCalls = [...logged.mock.calls];
    logged.mockRestore();
    if (outcome === "tool_error") {
      expect(error).toBeNull();
      expect(result).toMatchObject({ isError: true, content: [{ type: "text", text: message }] });
    } else if (outcome === "protocol_error") {
      expect(result).toBeNull();
      expect(error!.code).toBe(-32600);
      expect(error!.message).toContain(message);
    } else {
      expect(result).toBeNull();
      expect(error!.code).toBe(-32603);
      expect(error!.message).toContain("req_test");
      expect(error!.message).not.toContain("secret");
      expect(logCalls).toEqual([["mcp tool failed", expect.objectContaining({ requestId: "req_test", tool: "check_credits" })]]);
    }
  });

  it("answers an unexpected exception with a JSON-RPC error naming the request id only, and logs the cause", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => {});
    const cause = new Error("connection to 10.0.0.7:5432 refused");
    const { result, error } = await callFailing(cause);
    const logCalls = [...logged.mock.calls];
    logged.mockRestore();
    expect(result).toBeNull();
    expect(error).toMatchObject({ code: -32603 });
    expect(error!.message).toMatch(/^Something went wrong on our side\. Quote request id req_test/);
    expect(error!.message).not.toContain("10.0.0.7");
    expect(logCalls).toEqual([["mcp tool failed", { tool: "check_credits", requestId: "req_test", err: cause }]]);
  });

  it("turns a validation failure inside a verb into a tool error the model can act on", async () => {
    const zodError = z.object({ limit: z.number().max(100, "limit must be an integer from 1 to 100") }).safeParse({ limit: 500 }).error;
    const { result } = await callFailing(zodError);
    expect(result).toMatchObject({ isError: true, content: [{ type: "text", text: "limit must be an integer from 1 to 100" }] });
  });
});
