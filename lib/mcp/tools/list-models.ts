import { registerAppTool } from "@modelcontextprotocol/ext-apps/server";
import type { CallToolResult, McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { modelSummary, type ModelList } from "@/lib/catalog/schemas";
import { deepFreeze } from "@/lib/deep-freeze";
import { viewMeta } from "../apps/views";
import type { ToolDeps } from "../port";
import { runTool, toolResult } from "../run-tool";
import { toolSchema } from "../tool-schema";

const inputSchema = toolSchema(z.object({}));
const outputSchema = toolSchema(
  z.object({
    defaultModel: z.string().describe("Slug used when generate_image is given no model"),
    models: z.array(modelSummary),
  }),
);

export function registerListModelsTool(server: McpServer, deps: ToolDeps) {
  registerAppTool(
    server,
    "list_models",
    {
      title: "List image models",
      description:
        "List the image-generation models with their slugs, descriptions, what each is best for, and credit prices per image " +
        "(standard and hd quality). Only models with available=true can be used on this server. Pass a slug as " +
        "generate_image's model argument; without one, the default model is used.",
      inputSchema,
      outputSchema,
      _meta: viewMeta("models"),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (_args, ctx) =>
      runTool(ctx, deps, "list_models", async (port) => {
        const data = await port.listModels();
        let result = results.get(data);
        if (!result) results.set(data, (result = deepFreeze(toolResult(data, listText(data)))));
        return result;
      }),
  );
}

// The server hands out one frozen list while the catalog and availability stay the same, and
// the tool one frozen answer per list (serialized once: lib/frozen-json.ts).
const results = new WeakMap<ModelList, CallToolResult>();

function listText(data: ModelList): string {
  const available = data.models.filter((m) => m.available);
  const unavailable = data.models.filter((m) => !m.available);
  const lines = available.map((m) => `- ${m.slug} (${m.name}): ${m.bestFor}. ${m.pricing.standard} credits standard, ${m.pricing.hd} hd.`);
  return [
    `Default model: ${data.defaultModel}. Available models, price per image:`,
    ...lines,
    ...(unavailable.length
      ? [`In the catalog but not available on this server (no running worker is configured for their provider): ${unavailable.map((m) => m.slug).join(", ")}.`]
      : []),
  ].join("\n");
}
