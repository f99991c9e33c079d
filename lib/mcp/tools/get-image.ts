import { registerAppTool } from "@modelcontextprotocol/ext-apps/server";
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { imageView } from "@/lib/generation/schemas";
import { text } from "@/lib/text";
import { imageLine } from "../format";
import { saveCopies } from "../local-copies";
import { viewMeta } from "../apps/views";
import type { ToolDeps } from "../port";
import { runTool, toolResult } from "../run-tool";
import { toolSchema } from "../tool-schema";

const inputSchema = toolSchema(
  z.object({
    imageId: text("imageId").trim().min(1, "imageId is required").describe("The image id (img_…) from generate_image, get_batch or list_images"),
  }),
);
const outputSchema = toolSchema(
  imageView.extend({
    localPath: z.string().optional().describe("Where the full-size file was saved on this computer (local server with a download folder only)"),
  }),
);

export function registerGetImageTool(server: McpServer, deps: ToolDeps) {
  registerAppTool(
    server,
    "get_image",
    {
      title: "Get an image",
      description:
        "Get one image's full details by its imageId: prompt, model, style, shape, quality, seed, pixel size, file type and " +
        "a fresh signed download URL (URLs expire, so call this again for an old image).",
      inputSchema,
      outputSchema,
      _meta: viewMeta("viewer"),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ imageId }, ctx) =>
      runTool(ctx, deps, "get_image", async (port) => {
        const img = await port.getImage(imageId);
        const copies = await saveCopies(port, [img]);
        const text = [
          `"${img.title}"`,
          imageLine(img),
          `Prompt: ${img.prompt}`,
          `Model ${img.model}, style ${img.style}, shape ${img.shape}, quality ${img.quality}, seed ${img.seed}.`,
          ...(img.urlExpiresAt ? [`The URL is valid until ${img.urlExpiresAt}.`] : []),
          ...copies.lines,
        ].join("\n");
        const localPath = copies.paths[img.imageId];
        return toolResult(localPath ? { ...img, localPath } : img, text);
      }),
  );
}
