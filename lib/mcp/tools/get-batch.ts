import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { batchView, type BatchView } from "@/lib/generation/schemas";
import { text } from "@/lib/text";
import { imageLine, plural } from "../format";
import type { ToolDeps } from "../port";
import { runTool, toolResult } from "../run-tool";
import { toolSchema } from "../tool-schema";

/** Below every host's tool timeout, with room for the call around it. */
const MAX_WAIT_SECONDS = 20;

const inputSchema = toolSchema(
  z.object({
    batchId: text("batchId").trim().min(1, "batchId is required").describe("The batch id (bat_…) that generate_image returned"),
    waitSeconds: z
      .number()
      .min(0, "waitSeconds must be from 0 to 20")
      .max(MAX_WAIT_SECONDS, "waitSeconds must be from 0 to 20")
      .optional()
      .describe("Optional: wait up to this many seconds (at most 20) for the batch to change before answering; 0 or omitted answers at once"),
  }),
);
const outputSchema = toolSchema(batchView);

function batchSummary(b: BatchView): string {
  const done = b.images.filter((i) => i.status === "succeeded" || i.status === "failed").length;
  const running = b.status === "queued" || b.status === "running";
  return [
    `Batch ${b.batchId} is ${b.status}: ${done} of ${plural(b.count, "image")} finished.`,
    ...b.images.map((img, i) => `${i + 1}. ${imageLine(img)}`),
    `Credits: ${b.creditsReserved} reserved, ${b.creditsCharged} charged, ${b.creditsRefunded} refunded.`,
    ...(running ? ["It is still being generated: call get_batch again in a few seconds."] : []),
  ].join("\n");
}

export function registerGetBatchTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    "get_batch",
    {
      title: "Get a generation batch",
      description:
        "Check a generation batch by the batchId generate_image returned: its status (queued, running, succeeded, partial, " +
        "failed), each image's status and download URL once it has succeeded, and the credits charged and refunded. Use it " +
        "when generate_image returned before its images were ready; pass waitSeconds to wait for progress in one call " +
        "instead of calling again and again.",
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ batchId, waitSeconds }, ctx) =>
      runTool(ctx, deps, "get_batch", async (port) => {
        const batch = await port.getBatch(batchId, waitSeconds ? { waitSeconds, signal: ctx.mcpReq.signal } : undefined);
        return toolResult(batch, batchSummary(batch));
      }),
  );
}
