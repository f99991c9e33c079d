import { desc, eq } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { toApiKeyView, type ApiKeyView } from "./schemas";

export async function listApiKeys({ ctx }: { ctx: Ctx }): Promise<ApiKeyView[]> {
  const rows = await ctx.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      start: apiKeys.start,
      last4: apiKeys.last4,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.userId, ctx.userId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(toApiKeyView);
}
