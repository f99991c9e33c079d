import { specTypeSchemas } from "@modelcontextprotocol/server";
import { jsonRpcMessages } from "./messages";

/**
 * The SDK answers an `initialize` whose params do not match the schema with -32603 and the
 * raw validation dump. Checked here first so the client gets -32602 (invalid params) and
 * one line naming the field, e.g. `"protocolVersion": 5`.
 */
export function initializeRejection(body: string, requestId: string): Response | null {
  const [message, ...more] = jsonRpcMessages(body);
  if (!message || more.length > 0 || message.method !== "initialize") return null;
  const result = specTypeSchemas.InitializeRequest["~standard"].validate(message);
  if (result instanceof Promise || !result.issues) return null;
  const issue = result.issues[0];
  const field = (issue.path ?? []).map((p) => (typeof p === "object" ? p.key : p)).join(".");
  const id = typeof message.id === "string" || typeof message.id === "number" ? message.id : null;
  const hint = field === "params.protocolVersion" ? ' protocolVersion is a revision string such as "2025-11-25".' : "";
  const text = `Invalid params for initialize: ${field || "params"}: ${issue.message}.${hint}`;
  return Response.json(
    { jsonrpc: "2.0", id, error: { code: -32602, message: text } },
    { status: 400, headers: { "x-request-id": requestId } },
  );
}
