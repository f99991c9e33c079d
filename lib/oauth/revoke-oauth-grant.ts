import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { oauthAccessToken, oauthConsent, oauthRefreshToken } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { credentialsOf } from "@/lib/credentials/credentials";
import { notFound } from "@/lib/errors";
import { text } from "@/lib/text";

export const revokeOAuthGrantInput = z.object({ grantId: text("grantId").min(1, "grantId is required") });

/**
 * Disconnects an app: deletes the caller's grant and every token issued under it. Its access
 * tokens fail on the next call: this process's credential cache drops them at once, the
 * others on notification (drizzle/0007_credential_notify.sql); its refresh tokens can mint no more.
 */
export async function revokeOAuthGrant({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof revokeOAuthGrantInput> }): Promise<void> {
  const { grantId } = revokeOAuthGrantInput.parse(raw);
  await ctx.db.transaction(async (tx) => {
    const [grant] = await tx
      .delete(oauthConsent)
      .where(and(eq(oauthConsent.id, grantId), eq(oauthConsent.userId, ctx.userId)))
      .returning({ clientId: oauthConsent.clientId });
    if (!grant) throw notFound("connected app", grantId);
    const mine = <T extends typeof oauthAccessToken | typeof oauthRefreshToken>(t: T) =>
      and(eq(t.userId, ctx.userId), eq(t.clientId, grant.clientId));
    await tx.delete(oauthAccessToken).where(mine(oauthAccessToken));
    await tx.delete(oauthRefreshToken).where(mine(oauthRefreshToken));
  });
  credentialsOf(ctx.db).cache.evict({ kind: "grant", id: grantId });
}
