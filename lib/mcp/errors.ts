import { ProtocolError, ProtocolErrorCode, type CallToolResult, type McpServer, type ServerContext } from "@modelcontextprotocol/server";
import { ZodError } from "zod";
import { DomainError, type ErrorCode } from "@/lib/errors";
import { describeZodError } from "@/lib/zod-message";
import type { ToolLog } from "./port";

/**
 * How each domain error reaches an MCP client. `tool_error`: a tool result with
 * `isError: true`, so the model reads the message and can correct itself (another slug,
 * fewer images). `protocol_error`: a JSON-RPC error, for faults the model cannot fix.
 * `internal`: a JSON-RPC error that names only the request id; the cause goes to the log.
 */
export type McpOutcome = "tool_error" | "protocol_error" | "internal";

export const MCP_OUTCOME: Record<ErrorCode, McpOutcome> = {
  bad_request: "tool_error",
  forbidden: "tool_error",
  not_found: "tool_error",
  insufficient_credits: "tool_error",
  content_flagged: "tool_error",
  conflict: "tool_error",
  payload_too_large: "tool_error",
  unprocessable: "tool_error",
  rate_limited: "tool_error",
  provider_failed: "tool_error",
  // /mcp answers a bad key with HTTP 401 before any tool runs. The bundle's port calls
  // /api/v1 with the key from its settings: the message tells the user how to fix it.
  unauthorized: "tool_error",
  // The bundle's port could not reach Pixola (wrong base URL, offline, timed out).
  unavailable: "tool_error",
  // Only answered by HTTP routing (lib/http/json-refusals.ts); no tool raises it.
  method_not_allowed: "protocol_error",
  internal_error: "internal",
};

export const toolError = (message: string): CallToolResult => ({ isError: true, content: [{ type: "text", text: message }] });

// McpServer turns every error a tool throws into an `isError` result carrying the error's
// message (SDK 2.4, mcp.ts `tools/call`). That would show internals to the model and hide our
// faults from the client, so a failing call records its JSON-RPC error here and the
// tools/call wrapper below throws it after McpServer has returned.
const escalated = new WeakMap<ServerContext, ProtocolError>();

/** Maps any failure of a tool body to the result the client should see. */
export function toToolFailure(
  err: unknown,
  ctx: ServerContext,
  meta: { tool: string; requestId: string },
  log: ToolLog,
): CallToolResult {
  const outcome = err instanceof ZodError ? "tool_error" : err instanceof DomainError ? MCP_OUTCOME[err.code] : "internal";
  // The access line says 200 for every tools/call; this line says which call failed and why.
  if (outcome !== "internal") log.info("mcp tool refused", { ...meta, code: err instanceof DomainError ? err.code : "bad_request" });
  if (err instanceof ZodError) return toolError(describeZodError(err));
  if (outcome === "tool_error") return toolError((err as DomainError).message);
  if (outcome === "protocol_error") {
    escalated.set(ctx, new ProtocolError(ProtocolErrorCode.InvalidRequest, (err as DomainError).message));
  } else {
    log.error("mcp tool failed", { ...meta, err });
    escalated.set(
      ctx,
      new ProtocolError(
        ProtocolErrorCode.InternalError,
        `Something went wrong on our side. Quote request id ${meta.requestId} if you report it.`,
        { requestId: meta.requestId },
      ),
    );
  }
  // Never reaches the client: the tools/call wrapper throws the recorded error instead.
  return toolError("failed");
}

type Handler = (request: unknown, ctx: ServerContext) => Promise<unknown>;
interface WrapHook {
  _wrapHandler(method: string, handler: Handler): Handler;
}

/**
 * Makes the errors recorded by `toToolFailure` JSON-RPC errors. Must run before the first
 * tool is registered: McpServer installs its tools/call handler then, through this hook.
 */
export function escalateToolFailures(server: McpServer): void {
  const low = server.server as unknown as WrapHook;
  const wrap = low._wrapHandler.bind(low);
  low._wrapHandler = (method, handler) =>
    wrap(
      method,
      method !== "tools/call"
        ? handler
        : async (request, ctx) => {
            const result = await handler(request, ctx);
            const error = escalated.get(ctx);
            if (error) throw error;
            return result;
          },
    );
}
