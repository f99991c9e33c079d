import { registerAppTool } from "@modelcontextprotocol/ext-apps/server";
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { creditsView } from "@/lib/credits/schemas";
import { viewMeta } from "../apps/views";
import type { ToolDeps } from "../port";
import { runTool, toolResult } from "../run-tool";
import { toolSchema } from "../tool-schema";

const inputSchema = toolSchema(z.object({}));
const outputSchema = toolSchema(creditsView);

export function registerCheckCreditsTool(server: McpServer, deps: ToolDeps) {
  registerAppTool(
    server,
    "check_credits",
    {
      title: "Check credits",
      description:
        "Show the credit balance and subscription plan of the API key's account. Each generated image costs the model's " +
        "price in credits (see list_models); use this before large generations.",
      inputSchema,
      outputSchema,
      _meta: viewMeta("credits"),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (_args, ctx) =>
      runTool(ctx, deps, "check_credits", async (port) => {
        const c = await port.checkCredits();
        const text = `Balance: ${c.balance} credits. Plan: ${c.plan.name} (${c.plan.monthlyCredits} credits a month).`;
        return toolResult(c, text);
      }),
  );
}
