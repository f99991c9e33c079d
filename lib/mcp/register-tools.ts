import type { McpServer } from "@modelcontextprotocol/server";
import { registerPixolaViews } from "./apps/register-views";
import { escalateToolFailures } from "./errors";
import type { PortFactory, ToolSettings } from "./port";
import { registerCheckCreditsTool } from "./tools/check-credits";
import { registerGenerateImageTool } from "./tools/generate-image";
import { registerGetBatchTool } from "./tools/get-batch";
import { registerGetImageTool } from "./tools/get-image";
import { registerListImagesTool } from "./tools/list-images";
import { registerListModelsTool } from "./tools/list-models";
import { registerListShapesTool } from "./tools/list-shapes";
import { registerListStylesTool } from "./tools/list-styles";

/**
 * Pixola's eight tools and the MCP Apps views five of them name, for the hosted /mcp and the
 * desktop bundle alike: only the port differs.
 */
export function registerPixolaTools(server: McpServer, getPort: PortFactory, settings: ToolSettings): void {
  const deps = { getPort, settings };
  escalateToolFailures(server);
  registerGenerateImageTool(server, deps);
  registerListModelsTool(server, deps);
  registerListStylesTool(server, deps);
  registerListShapesTool(server, deps);
  registerCheckCreditsTool(server, deps);
  registerGetBatchTool(server, deps);
  registerListImagesTool(server, deps);
  registerGetImageTool(server, deps);
  registerPixolaViews(server, settings);
}
