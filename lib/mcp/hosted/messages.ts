import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/server";

/**
 * The JSON-RPC messages of a parsed /mcp body: one message, or the elements of a batch array
 * (2025-03-26 allows batches, and the SDK still serves them to clients of that revision).
 * Empty for a body that is not JSON: the SDK answers that itself.
 */
export type JsonRpcMessage = { id?: unknown; method?: unknown; params?: unknown };

export function jsonRpcMessages(parsed: unknown): JsonRpcMessage[] {
  return (Array.isArray(parsed) ? parsed : [parsed]).filter((m): m is JsonRpcMessage => typeof m === "object" && m !== null);
}

/** A key for a JSON-RPC id that keeps 1 and "1" apart. */
export const idKey = (id: unknown): string => JSON.stringify(id ?? null);

/**
 * Whether the SDK's transport takes this POST's headers as they are: a protocol-version header
 * that is absent or one it serves, and an Accept header naming both JSON and SSE (it answers
 * 400 and 406 otherwise). Answers made without the transport ask this first.
 */
export function transportTakesHeaders(req: Request): boolean {
  const version = req.headers.get("mcp-protocol-version");
  if (version !== null && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) return false;
  const accept = req.headers.get("accept")?.toLowerCase() ?? "";
  return accept.includes("application/json") && accept.includes("text/event-stream");
}
