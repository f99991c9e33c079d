import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { shapeView } from "@/lib/catalog/schemas";
import type { ToolDeps } from "../port";
import { runTool, toolResult } from "../run-tool";
import { toolSchema } from "../tool-schema";

const inputSchema = toolSchema(z.object({}));
const outputSchema = toolSchema(
  z.object({
    defaultShape: z.string().describe("Slug used when generate_image is given no shape"),
    shapes: z.array(shapeView),
  }),
);

export function registerListShapesTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    "list_shapes",
    {
      title: "List image shapes",
      description:
        "List the aspect-ratio options (e.g. square, landscape-wide, portrait-tall) with their slugs, ratios and exact pixel " +
        "sizes. Pass a slug as generate_image's shape argument; the default is square.",
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (_args, ctx) =>
      runTool(ctx, deps, "list_shapes", async (port) => {
        const data = await port.listShapes();
        const text = [
          `Default shape: ${data.defaultShape}. Shapes:`,
          ...data.shapes.map((s) => `- ${s.slug} (${s.aspectRatio}, ${s.width}×${s.height}): ${s.description}`),
        ].join("\n");
        return toolResult(data, text);
      }),
  );
}
