import { Client, StreamableHTTPClientTransport, type CallToolResult, type Tool } from "@modelcontextprotocol/client";
import { Client as ClientV1 } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as TransportV1 } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/server/validators/ajv";

/**
 * The MCP clients the server must serve: @modelcontextprotocol/client 2.x negotiating the
 * 2025 way and pinned to 2026-07-28, and @modelcontextprotocol/sdk 1.32 (2025-era only).
 */
export const CLIENT_KINDS = ["client 2.x legacy", "client 2.x 2026-07-28", "sdk 1.32"] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export interface Progress {
  progress: number;
  total?: number;
  message?: string;
}

export interface McpTestClient {
  protocolVersion: string | undefined;
  listTools(): Promise<Tool[]>;
  callTool(name: string, args: Record<string, unknown>, opts?: { onprogress?: (p: Progress) => void; signal?: AbortSignal }): Promise<CallToolResult>;
  close(): Promise<void>;
}

export async function connectMcp(kind: ClientKind, url: string, key: string, headers: Record<string, string> = {}): Promise<McpTestClient> {
  const requestInit = { headers: { authorization: `Bearer ${key}`, ...headers } };
  const info = { name: `pixola-test (${kind})`, version: "1.0.0" };
  // Generation waits up to the server's bound; the default 60 s request timeout is the client's, not ours to test.
  const timeout = 120_000;
  if (kind === "sdk 1.32") {
    const client = new ClientV1(info);
    const transport = new TransportV1(new URL(url), { requestInit });
    await client.connect(transport);
    return {
      protocolVersion: transport.protocolVersion,
      listTools: async () => (await client.listTools()).tools as Tool[],
      callTool: async (name, args, opts = {}) =>
        (await client.callTool({ name, arguments: args }, undefined, { timeout, ...opts })) as CallToolResult,
      close: () => client.close(),
    };
  }
  const mode = kind === "client 2.x legacy" ? ("legacy" as const) : { pin: "2026-07-28" as const };
  const client = new Client(info, { versionNegotiation: { mode } });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit }));
  return {
    protocolVersion: client.getNegotiatedProtocolVersion(),
    listTools: async () => (await client.listTools()).tools,
    callTool: async (name, args, opts = {}) => (await client.callTool({ name, arguments: args }, { timeout, ...opts })) as CallToolResult,
    close: () => client.close(),
  };
}

export const textOf = (r: CallToolResult) =>
  r.content
    .filter((c) => c.type === "text")
    .map((c) => (c as { text: string }).text)
    .join("\n");

const validator = new AjvJsonSchemaValidator();

/** Checks a result's structuredContent against the outputSchema the server listed for the tool. */
export function outputSchemaErrors(tools: Tool[], name: string, result: CallToolResult): string | undefined {
  const schema = tools.find((t) => t.name === name)?.outputSchema;
  if (!schema) return `tool ${name} lists no outputSchema`;
  const check = validator.getValidator(schema as Parameters<typeof validator.getValidator>[0])(result.structuredContent);
  return check.valid ? undefined : check.errorMessage;
}

/** The JSON-RPC message of an answer sent as JSON or as SSE (the last `data:` line). */
export function jsonRpcOf(text: string): any {
  if (!text.startsWith("event:") && !text.startsWith("data:")) return JSON.parse(text);
  const data = text.split("\n").filter((l) => l.startsWith("data: "));
  return JSON.parse(data.at(-1)!.slice(6));
}
