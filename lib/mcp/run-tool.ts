import type { CallToolResult, ContentBlock, ServerContext } from "@modelcontextprotocol/server";
import { newRequestId } from "@/lib/ids";
import { toToolFailure } from "./errors";
import type { PixolaPort, ToolDeps } from "./port";

/** Runs a tool body with the caller's port; every failure goes through the MCP error adapter. */
export async function runTool(
  ctx: ServerContext,
  { getPort, settings }: ToolDeps,
  tool: string,
  body: (port: PixolaPort) => Promise<CallToolResult>,
): Promise<CallToolResult> {
  let requestId: string | undefined;
  try {
    const port = await getPort(ctx);
    requestId = port.requestId;
    return await body(port);
  } catch (err) {
    return toToolFailure(err, ctx, { tool, requestId: requestId ?? newRequestId() }, settings.log);
  }
}

/** A result for hosts that read `structuredContent` and for those that only show text. */
export const toolResult = (data: object, text: string, more: ContentBlock[] = []): CallToolResult => ({
  structuredContent: data as Record<string, unknown>,
  content: [{ type: "text", text }, ...more],
});
