import { createMcpHandler } from "mcp-handler";
import { log } from "@/lib/log";
import { isClientAbort } from "@/lib/safe-error";
import { PIXOLA_INSTRUCTIONS } from "../instructions";
import type { PortFactory, ToolSettings } from "../port";
import { registerPixolaTools } from "../register-tools";

/**
 * Pixola's MCP endpoint as a web handler. mcp-handler builds a fresh McpServer for every
 * request (stateless, both protocol eras), so registration stays cheap: the caller's port
 * is made inside each tool call.
 */
export function createPixolaMcpHandler(getPort: PortFactory, settings: ToolSettings): (req: Request) => Promise<Response> {
  return createMcpHandler((server) => registerPixolaTools(server, getPort, settings), {
    serverInfo: { name: "pixola", version: process.env.npm_package_version ?? "0.1.0" },
    instructions: PIXOLA_INSTRUCTIONS,
    // The tool list is the same for every caller and changes only with a deploy.
    cacheHints: { "tools/list": { ttlMs: 600_000, cacheScope: "public" } },
    onEvent: (e) => {
      if (e.type !== "ERROR") return;
      // A client that hung up mid-stream is not a fault of ours. The error is thrown on to
      // app/mcp/route.ts too, which logs it with the request id.
      if (isClientAbort(e.error)) log.debug("mcp client went away", { err: e.error });
      else log.warn("mcp handler error", { err: e.error, context: e.context });
    },
  });
}
