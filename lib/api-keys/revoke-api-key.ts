import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { apiKeys } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { credentialsOf } from "@/lib/credentials/credentials";
import { notFound } from "@/lib/errors";
import { text } from "@/lib/text";
import { toApiKeyView, type ApiKeyView } from "./schemas";

export const revokeApiKeyInput = z.object({ keyId: text("keyId").min(1, "keyId is required") });

/**
 * Revokes one of the caller's keys. This process's credential cache drops it at once; the
 * others on notification (drizzle/0007_credential_notify.sql), within milliseconds.
 */
export async function revokeApiKey({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof revokeApiKeyInput> }): Promise<ApiKeyView> {
  const { keyId } = revokeApiKeyInput.parse(raw);
  const owned = and(eq(apiKeys.id, keyId), eq(apiKeys.userId, ctx.userId));
  await ctx.db.update(apiKeys).set({ revokedAt: new Date() }).where(and(owned, isNull(apiKeys.revokedAt)));
  credentialsOf(ctx.db).cache.evict({ kind: "key", id: keyId });
  const [row] = await ctx.db.select().from(apiKeys).where(owned);
  if (!row) throw notFound("API key", keyId);
  return toApiKeyView(row);
}
