import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { batchView, type BatchView } from "@/lib/generation/schemas";
import { text } from "@/lib/text";
import { imageLine, plural } from "../format";
import type { PortFactory } from "../port";
import { runTool, toolResult } from "../run-tool";
import { toolSchema } from "../tool-schema";

const inputSchema = toolSchema(
  z.object({
    batchId: text("batchId").trim().min(1, "batchId is required").describe("The batch id (bat_…) that generate_image returned"),
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

export function registerGetBatchTool(server: McpServer, getPort: PortFactory) {
  server.registerTool(
    "get_batch",
    {
      title: "Get a generation batch",
      description:
        "Check a generation batch by the batchId generate_image returned: its status (queued, running, succeeded, partial, " +
        "failed), each image's status and download URL once it has succeeded, and the credits charged and refunded. Use it " +
        "when generate_image returned before its images were ready.",
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ batchId }, ctx) =>
      runTool(ctx, getPort, "get_batch", async (port) => {
        const batch = await port.getBatch(batchId);
        return toolResult(batch, batchSummary(batch));
      }),
  );
}
