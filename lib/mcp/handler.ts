import { createMcpHandler } from "mcp-handler";
import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";
import { inProcessPort } from "./in-process-port";
import { registerPixolaTools } from "./register-tools";

const INSTRUCTIONS =
  "Pixola generates images from text prompts and keeps them in the user's history. Use list_models, list_styles and " +
  "list_shapes to find valid slugs, check_credits for the balance, generate_image to create images (it waits and returns " +
  "URLs), get_batch to follow a generation that was still running, and list_images / get_image for earlier images.";

/**
 * The MCP endpoint behind app/mcp/route.ts. mcp-handler builds a fresh McpServer for every
 * request (stateless, both protocol eras), so registration stays cheap: the caller's port
 * is made inside each tool call, from the key the route verified.
 */
export function createPixolaMcpHandler(): (req: Request) => Promise<Response> {
  const config = getConfig();
  const settings = { waitMs: config.mcpWaitSeconds * 1000, inlineThumbnails: config.mcpInlineThumbnails };
  return createMcpHandler((server) => registerPixolaTools(server, inProcessPort, settings), {
    serverInfo: { name: "pixola", version: process.env.npm_package_version ?? "0.1.0" },
    instructions: INSTRUCTIONS,
    // The tool list is the same for every caller and changes only with a deploy.
    cacheHints: { "tools/list": { ttlMs: 600_000, cacheScope: "public" } },
    onEvent: (e) => {
      if (e.type === "ERROR") log.warn("mcp handler error", { err: e.error, context: e.context });
    },
  });
}
