import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { apiKeys } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { text } from "@/lib/text";
import { toApiKeyView, type ApiKeyView } from "./schemas";

export const revokeApiKeyInput = z.object({ keyId: text("keyId").min(1, "keyId is required") });

/** Revokes one of the caller's keys. Lookups read the database each time, so it bites on the next request. */
export async function revokeApiKey({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof revokeApiKeyInput> }): Promise<ApiKeyView> {
  const { keyId } = revokeApiKeyInput.parse(raw);
  const owned = and(eq(apiKeys.id, keyId), eq(apiKeys.userId, ctx.userId));
  await ctx.db.update(apiKeys).set({ revokedAt: new Date() }).where(and(owned, isNull(apiKeys.revokedAt)));
  const [row] = await ctx.db.select().from(apiKeys).where(owned);
  if (!row) throw notFound("API key", keyId);
  return toApiKeyView(row);
}
