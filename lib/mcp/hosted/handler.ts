import { createMcpHandler, McpServer, type AuthInfo } from "@modelcontextprotocol/server";
import { log } from "@/lib/log";
import { isClientAbort } from "@/lib/safe-error";
import { PIXOLA_INSTRUCTIONS } from "../instructions";
import type { PortFactory, ToolSettings } from "../port";
import { registerPixolaTools } from "../register-tools";

/** Serves one /mcp request whose body the caller has already read and parsed. */
export type PixolaMcpHandler = (req: Request, opts: { authInfo?: AuthInfo; parsedBody?: unknown }) => Promise<Response>;

const serverInfo = { name: "pixola", version: process.env.npm_package_version ?? "0.1.0" };

/**
 * Pixola's MCP endpoint as a web handler, made once per process: the SDK's own serving entry
 * (stateless for 2025-era clients), given the body already parsed (`parsedBody`: the SDK then
 * reads nothing again). The SDK asks the factory for a fresh McpServer per request, so
 * registration stays cheap: tool schemas convert once per process (lib/mcp/tool-schema.ts) and
 * the caller's port is made inside each tool call.
 */
export function createPixolaMcpHandler(getPort: PortFactory, settings: ToolSettings): PixolaMcpHandler {
  const handler = createMcpHandler(
    () => {
      const server = new McpServer(serverInfo, {
        instructions: PIXOLA_INSTRUCTIONS,
        // The tool list is the same for every caller and changes only with a deploy.
        cacheHints: { "tools/list": { ttlMs: 600_000, cacheScope: "public" } },
      });
      registerPixolaTools(server, getPort, settings);
      return server;
    },
    {
      legacy: "stateless",
      onerror: (err) => {
        // A client that hung up mid-stream is not a fault of ours.
        if (isClientAbort(err)) log.debug("mcp client went away", { err });
        else log.warn("mcp handler error", { err });
      },
    },
  );
  return (req, opts) => handler.fetch(req, opts);
}
