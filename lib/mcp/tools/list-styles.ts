import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { styleCategoryView } from "@/lib/catalog/schemas";
import type { ToolDeps } from "../port";
import { runTool, toolResult } from "../run-tool";
import { toolSchema } from "../tool-schema";

const inputSchema = toolSchema(z.object({}));
const outputSchema = toolSchema(
  z.object({
    defaultStyle: z.string().describe("Slug used when generate_image is given no style"),
    categories: z.array(styleCategoryView),
  }),
);

export function registerListStylesTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    "list_styles",
    {
      title: "List style presets",
      description:
        "List the style presets (e.g. watercolor, anime, art-deco, oil-painting), grouped by category, with their slugs and " +
        "descriptions. Pass a slug as generate_image's style argument; the default is no-style (the prompt as written). " +
        "Styles cost nothing extra.",
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (_args, ctx) =>
      runTool(ctx, deps, "list_styles", async (port) => {
        const data = await port.listStyles();
        const text = [
          `Default style: ${data.defaultStyle}. Style slugs by category:`,
          ...data.categories.map((c) => `- ${c.category}: ${c.styles.map((s) => s.slug).join(", ")}`),
        ].join("\n");
        return toolResult(data, text);
      }),
  );
}
