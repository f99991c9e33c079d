import { registerAppTool } from "@modelcontextprotocol/ext-apps/server";
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { imageView } from "@/lib/generation/schemas";
import { text } from "@/lib/text";
import { imageLine, plural } from "../format";
import { viewMeta } from "../apps/views";
import type { ToolDeps } from "../port";
import { runTool, toolResult } from "../run-tool";
import { toolSchema } from "../tool-schema";

const limitError = "limit must be an integer from 1 to 100";
const inputSchema = toolSchema(
  z.object({
    limit: z.number(limitError).int(limitError).min(1, limitError).max(100, limitError).optional().describe("How many images, 1 to 100 (default 20)"),
    cursor: text("cursor").min(1).optional().describe("nextCursor from a previous list_images result, for the next page"),
  }),
);
const outputSchema = toolSchema(
  z.object({
    images: z.array(imageView).describe("Finished images, newest first"),
    nextCursor: z.string().nullable().describe("Pass as cursor for older images; null on the last page"),
  }),
);

export function registerListImagesTool(server: McpServer, deps: ToolDeps) {
  registerAppTool(
    server,
    "list_images",
    {
      title: "List my images",
      description:
        "List the account's recently generated images, newest first, with titles (the prompt), models, styles, sizes and " +
        "download URLs. limit defaults to 20 (at most 100); pass nextCursor back as cursor for older ones. Use get_image for " +
        "one image's full details.",
      inputSchema,
      outputSchema,
      _meta: viewMeta("gallery"),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, ctx) =>
      runTool(ctx, deps, "list_images", async (port) => {
        const page = await port.listImages(args);
        const text = page.images.length
          ? [
              `${plural(page.images.length, "image")}, newest first:`,
              ...page.images.map((img) => `- "${img.title}" ${imageLine(img)}`),
              ...(page.nextCursor ? [`More are available: call list_images with cursor "${page.nextCursor}".`] : []),
            ].join("\n")
          : "No images yet. Create some with generate_image.";
        return toolResult(page, text);
      }),
  );
}
