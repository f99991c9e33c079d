import { desc, eq } from "drizzle-orm";
import { oauthClient, oauthConsent } from "@/db/schema";
import type { Ctx, Scope } from "@/lib/context";
import { isScope } from "./scopes";

export interface OAuthGrantView {
  id: string;
  clientName: string;
  scopes: Scope[];
  createdAt: Date | null;
  lastUsedAt: Date | null;
}

/** The caller's grants to OAuth clients (Settings → Connected apps), newest first. */
export async function listOAuthGrants({ ctx }: { ctx: Ctx }): Promise<OAuthGrantView[]> {
  const rows = await ctx.db
    .select({
      id: oauthConsent.id,
      clientName: oauthClient.name,
      scopes: oauthConsent.scopes,
      createdAt: oauthConsent.createdAt,
      lastUsedAt: oauthConsent.lastUsedAt,
    })
    .from(oauthConsent)
    .innerJoin(oauthClient, eq(oauthClient.clientId, oauthConsent.clientId))
    .where(eq(oauthConsent.userId, ctx.userId))
    .orderBy(desc(oauthConsent.createdAt));
  return rows.map((r) => ({ ...r, clientName: r.clientName?.trim() || "Unnamed app", scopes: r.scopes.filter(isScope) }));
}
