import type { McpServer } from "@modelcontextprotocol/server";
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

/** Pixola's eight tools, for the hosted /mcp and for any other server given a port. */
export function registerPixolaTools(server: McpServer, getPort: PortFactory, settings: ToolSettings): void {
  escalateToolFailures(server);
  registerGenerateImageTool(server, getPort, settings);
  registerListModelsTool(server, getPort);
  registerListStylesTool(server, getPort);
  registerListShapesTool(server, getPort);
  registerCheckCreditsTool(server, getPort);
  registerGetBatchTool(server, getPort);
  registerListImagesTool(server, getPort);
  registerGetImageTool(server, getPort);
}
